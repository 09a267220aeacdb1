package ai.brokle.release.publish.pypi;

import ai.brokle.release.files.Pep440;
import ai.brokle.release.version.SemVer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code twine check} and the index check before an upload, and the release's own rule: the
 * metadata is there and consistent with the file name, the long description's content type is one
 * the index renders (and, for reStructuredText, the section underlines the renderer refuses are
 * reported), and the version is the release tag's version in its PEP 440 form.
 */
public final class DistributionCheck {
    private static final List<String> METADATA_VERSIONS = List.of("1.0", "1.1", "1.2", "2.1", "2.2", "2.3", "2.4");
    private static final Pattern NAME = Pattern.compile("^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$", Pattern.CASE_INSENSITIVE);
    /** PEP 440, as the packaging library reads it (without local versions, which an index refuses). */
    private static final Pattern PEP440 = Pattern.compile("v?(?:(\\d+)!)?(\\d+(?:\\.\\d+)*)(?:[-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?(\\d+)?)?"
            + "(?:-(\\d+)|[-_.]?(post|rev|r)[-_.]?(\\d+)?)?(?:[-_.]?(dev)[-_.]?(\\d+)?)?", Pattern.CASE_INSENSITIVE);
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "text/x-rst", "text/markdown");
    private static final Pattern UNDERLINE = Pattern.compile("([=\\-`:'\"~^_*+#<>])\\1{2,}");

    private DistributionCheck() {
    }

    /** Every problem of {@code d} for a release of {@code tagVersion}, each naming the file. */
    public static List<String> problems(Distribution d, SemVer tagVersion) {
        List<String> problems = new ArrayList<>();
        String file = d.filename();
        String metadataVersion = d.field("Metadata-Version");
        if (metadataVersion == null || !METADATA_VERSIONS.contains(metadataVersion)) {
            problems.add(file + ": Metadata-Version is " + (metadataVersion == null ? "missing" : "'" + metadataVersion + "'") + "; the index takes "
                    + String.join(", ", METADATA_VERSIONS));
        }
        String name = d.field("Name");
        if (name == null || !NAME.matcher(name).matches()) {
            problems.add(file + ": Name is " + (name == null ? "missing" : "'" + name + "', not a valid project name"));
        }
        String version = d.field("Version");
        String expected = Pep440.fromSemVer(tagVersion);
        if (version == null || !PEP440.matcher(version).matches()) {
            problems.add(file + ": Version is " + (version == null ? "missing" : "'" + version + "', not a PEP 440 version"));
        } else if (!normalize(version).equals(normalize(expected))) {
            problems.add(file + ": the version is " + version + " but the release is " + tagVersion + " (" + expected + " in PEP 440 form);"
                    + " set it in the package's version file and build again");
        }
        if (name != null && version != null && NAME.matcher(name).matches()) {
            String prefix = d.filename().split("-")[0];
            String fileVersion = d.filename().length() > prefix.length() + 1 ? d.filename().substring(prefix.length() + 1).split("-")[0]
                    .replaceAll("\\.tar\\.gz$", "") : "";
            if (!canonical(prefix).equals(canonical(name))) {
                problems.add(file + ": the file name names '" + prefix + "' but the metadata names '" + name + "'");
            } else if (PEP440.matcher(version).matches() && PEP440.matcher(fileVersion).matches() && !normalize(fileVersion).equals(normalize(version))) {
                problems.add(file + ": the file name has version " + fileVersion + " but the metadata has " + version);
            }
        }
        String summary = d.field("Summary");
        if (summary != null && summary.contains("\n")) {
            problems.add(file + ": Summary spans several lines; the index takes one line");
        }
        String contentType = d.field("Description-Content-Type");
        String type = contentType == null ? "text/x-rst" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (contentType != null && !CONTENT_TYPES.contains(type)) {
            problems.add(file + ": Description-Content-Type is '" + contentType + "'; the index renders " + String.join(", ", CONTENT_TYPES));
        } else if (type.equals("text/x-rst")) {
            problems.addAll(rst(file, d.description()));
        }
        return problems;
    }

    /** What twine check warns about without failing. */
    public static List<String> warnings(Distribution d) {
        List<String> warnings = new ArrayList<>();
        if (d.field("Description-Content-Type") == null) {
            warnings.add(d.filename() + ": no Description-Content-Type; the index renders the description as reStructuredText"
                    + " (set long_description_content_type, e.g. text/markdown)");
        }
        if (d.description() == null || d.description().isBlank()) {
            warnings.add(d.filename() + ": no long description; the project page will be empty");
        }
        return warnings;
    }

    /** Section titles whose underline is shorter than the title: docutils warns, and the index's renderer refuses the description. */
    private static List<String> rst(String file, String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String[] lines = text.split("\n", -1);
        for (int i = 1; i < lines.length; i++) {
            String title = lines[i - 1].stripTrailing();
            Matcher m = UNDERLINE.matcher(lines[i].stripTrailing());
            if (m.matches() && !title.isBlank() && !UNDERLINE.matcher(title).matches() && !title.startsWith(" ")
                    && lines[i].stripTrailing().length() < title.length()) {
                out.add(file + ": the long description does not render as reStructuredText: line " + (i + 1) + ", the underline of '"
                        + title.strip() + "' is shorter than the title");
            }
        }
        return out;
    }

    /** A project name compared as the index compares them (PEP 503). */
    static String canonical(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }

    /**
     * A PEP 440 version in its normal form: a → a, alpha → a, c/pre/preview → rc, leading v and
     * separators gone, an epoch of 0 left out. Numbers are unbounded (as PEP 440 has them) and lose
     * their leading zeros.
     */
    static String normalize(String version) {
        Matcher m = PEP440.matcher(version.strip());
        if (!m.matches()) {
            return version;
        }
        StringBuilder out = new StringBuilder();
        if (m.group(1) != null && number(m.group(1)).signum() != 0) {
            out.append(number(m.group(1))).append('!');
        }
        String[] release = m.group(2).split("\\.");
        for (int i = 0; i < release.length; i++) {
            out.append(i == 0 ? "" : ".").append(number(release[i]));
        }
        if (m.group(3) != null) {
            String pre = m.group(3).toLowerCase(Locale.ROOT);
            pre = switch (pre) {
                case "alpha" -> "a";
                case "beta" -> "b";
                case "c", "pre", "preview" -> "rc";
                default -> pre;
            };
            out.append(pre).append(m.group(4) == null ? "0" : number(m.group(4)));
        }
        if (m.group(5) != null) {
            out.append(".post").append(number(m.group(5)));
        } else if (m.group(6) != null) {
            out.append(".post").append(m.group(7) == null ? "0" : number(m.group(7)));
        }
        if (m.group(8) != null) {
            out.append(".dev").append(m.group(9) == null ? "0" : number(m.group(9)));
        }
        return out.toString();
    }

    private static java.math.BigInteger number(String digits) {
        return new java.math.BigInteger(digits);
    }
}
