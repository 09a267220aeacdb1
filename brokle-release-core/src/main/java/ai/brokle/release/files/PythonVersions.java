package ai.brokle.release.files;

import ai.brokle.release.version.SemVer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version of a Python package: the {@code __version__} assignment of a version module, and
 * {@code version} in the {@code [project]} table of a pyproject.toml (unless the version is dynamic)
 * or in {@code [tool.poetry]}. Written as the tag spells it (1.3.0-beta.1, which PEP 440 reads and
 * build tools normalise to 1.3.0b1), as python-semantic-release writes it; or, with {@code format:
 * pep440}, in PEP 440's normal form.
 */
final class PythonVersions {
    private static final Pattern MODULE_VERSION = Pattern.compile("^__version__\\s*(?::\\s*str\\s*)?=\\s*([\"'])([^\"'\\r\\n]*)\\1", Pattern.MULTILINE);
    private static final Pattern TABLE = Pattern.compile("^\\s*\\[\\s*([^\\[\\]]+?)\\s*\\]\\s*(#.*)?$");
    private static final Pattern ARRAY_TABLE = Pattern.compile("^\\s*\\[\\[.*$");
    private static final Pattern VERSION_KEY = Pattern.compile("^\\s*version\\s*=\\s*(\"\"\"|'''|\"|')([^\"'\\r\\n]*)\\1");

    private PythonVersions() {
    }

    private static String spelled(SemVer version, boolean pep440) {
        return pep440 ? Pep440.fromSemVer(version) : version.toString();
    }

    static VersionFileUpdater.Result module(VersionFileUpdater files, String path, SemVer version, boolean pep440) {
        String text = files.read(path);
        Matcher m = MODULE_VERSION.matcher(text);
        TextEdits edits = new TextEdits(text);
        while (m.find()) {
            edits.replace(m.start(2), m.end(2), spelled(version, pep440));
        }
        if (edits.isEmpty()) {
            return VersionFileUpdater.Result.problem(path + ": has no line __version__ = \"...\"; add one, or fix the path in versionFiles");
        }
        return VersionFileUpdater.Result.of(List.of(new FileChange(path, text, edits.apply())));
    }

    static VersionFileUpdater.Result pyproject(VersionFileUpdater files, String path, SemVer version, boolean pep440) {
        String text = files.read(path);
        JsonNode toml;
        try {
            toml = new TomlMapper().readTree(new String(text.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return VersionFileUpdater.Result.problem(path + ": cannot be read as TOML (" + e.getMessage() + ")");
        }
        JsonNode project = toml.path("project");
        boolean dynamic = false;
        for (JsonNode d : project.path("dynamic")) {
            dynamic |= "version".equals(d.asText());
        }
        List<String> tables = new ArrayList<>();
        if (project.path("version").isTextual() && !dynamic) {
            tables.add("project");
        }
        if (toml.path("tool").path("poetry").path("version").isTextual()) {
            tables.add("tool.poetry");
        }
        if (tables.isEmpty()) {
            return VersionFileUpdater.Result.problem(path + (dynamic
                    ? ": [project] declares the version dynamic; list the module that holds it (e.g. brokle/version.py) in versionFiles instead"
                    : ": has no [project] version nor [tool.poetry] version"));
        }
        TextEdits edits = new TextEdits(text);
        List<String> found = new ArrayList<>();
        String table = "";
        int lineStart = 0;
        while (lineStart < text.length()) {
            int nl = text.indexOf('\n', lineStart);
            int lineEnd = nl < 0 ? text.length() : nl;
            String line = text.substring(lineStart, lineEnd);
            Matcher t = TABLE.matcher(line);
            if (ARRAY_TABLE.matcher(line).matches()) {
                table = "[[array]]";
            } else if (t.matches()) {
                table = t.group(1).replaceAll("\\s*\\.\\s*", ".").replace("\"", "");
            } else if (tables.contains(table) && !found.contains(table)) {
                Matcher v = VERSION_KEY.matcher(line);
                if (v.find()) {
                    edits.replace(lineStart + v.start(2), lineStart + v.end(2), spelled(version, pep440));
                    found.add(table);
                }
            }
            lineStart = lineEnd + 1;
        }
        if (found.size() != tables.size()) {
            List<String> missing = new ArrayList<>(tables);
            missing.removeAll(found);
            return VersionFileUpdater.Result.problem(path + ": the version of [" + String.join("], [", missing) + "] is not written as"
                    + " a line 'version = \"...\"' in its table, so it cannot be changed in place; write it that way");
        }
        return VersionFileUpdater.Result.of(List.of(new FileChange(path, text, edits.apply())));
    }
}
