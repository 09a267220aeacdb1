package ai.brokle.release.files;

import ai.brokle.release.config.VersionFileConfig;
import ai.brokle.release.text.Utf8;
import ai.brokle.release.version.SemVer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/** Reads the version a version file holds now, for every kind of file the configuration knows. */
public final class VersionFileReader {
    private static final Pattern PYTHON_VERSION = Pattern.compile("^__version__\\s*(?::\\s*str\\s*)?=\\s*([\"'])([^\"'\\r\\n]*)\\1", Pattern.MULTILINE);

    /** What a file says: the versions found (normally one), or why none could be read. */
    public record Reading(Set<String> versions, String problem) {
        static Reading of(String version) {
            return new Reading(Set.of(version), null);
        }

        static Reading problem(String problem) {
            return new Reading(Set.of(), problem);
        }
    }

    public Reading read(Path root, VersionFileConfig file) {
        Optional<String> unsafe = RepositoryPath.problem(root, file.path());
        if (unsafe.isPresent()) {
            return Reading.problem(unsafe.get());
        }
        Path path = root.resolve(file.path());
        if (!Files.isRegularFile(path)) {
            return Reading.problem(file.path() + ": the file does not exist; create it or fix its path in the versionFiles setting");
        }
        String text;
        try {
            text = Utf8.decode(Files.readAllBytes(path));
        } catch (Utf8.NotUtf8 e) {
            return Reading.problem(file.path() + ": " + e.getMessage() + "; a version file must be UTF-8 text");
        } catch (IOException e) {
            return Reading.problem(file.path() + ": cannot be read (" + e.getMessage() + ")");
        }
        try {
            switch (file.kind()) {
                case PACKAGE_JSON:
                    return packageJson(root, file.path());
                case POM:
                    return pom(file.path(), text);
                case PYPROJECT:
                    return pyproject(file.path(), text);
                case PYTHON_MODULE:
                    return pythonModule(file.path(), text);
                default:
                    return pattern(file, text);
            }
        } catch (IOException | RuntimeException | javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            return Reading.problem(file.path() + ": cannot be parsed as " + file.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + " (" + e.getMessage() + ")");
        }
    }

    /** Whether {@code found} is {@code expected}, written as SemVer or, in Python files, in PEP 440 form. */
    public static boolean sameVersion(String found, SemVer expected) {
        return found.equals(expected.toString()) || found.equals(Pep440.fromSemVer(expected));
    }

    /** The version of a package.json and its workspace packages, which share one version (a workspace root may have none). */
    private static Reading packageJson(Path root, String name) {
        VersionFileUpdater.Versions versions = new PackageJsonVersions(new VersionFileUpdater(root)).versions(name);
        if (!versions.problems().isEmpty()) {
            return Reading.problem(String.join("; ", versions.problems()));
        }
        Set<String> distinct = new LinkedHashSet<>(versions.byPath().values());
        if (distinct.size() > 1) {
            List<String> each = new ArrayList<>();
            versions.byPath().forEach((path, version) -> each.add(path + " " + version));
            return Reading.problem(name + ": the workspace packages hold different versions (" + String.join(", ", each) + "); they share one"
                    + " version: set them all to the current one");
        }
        return new Reading(distinct, null);
    }

    private static Reading pom(String name, String text)
            throws IOException, javax.xml.parsers.ParserConfigurationException, org.xml.sax.SAXException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setNamespaceAware(false);
        javax.xml.parsers.DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null); // report through the exception only, not on stderr
        Document doc = builder.parse(new InputSource(new StringReader(text)));
        Element project = doc.getDocumentElement();
        String version = childText(project, "version");
        if (version == null) {
            Element parent = child(project, "parent");
            version = parent == null ? null : childText(parent, "version");
        }
        if (version == null) {
            return Reading.problem(name + ": has no <version> in <project> or its <parent>");
        }
        return Reading.of(version);
    }

    private static Reading pyproject(String name, String text) throws IOException {
        JsonNode root = new TomlMapper().readTree(text);
        JsonNode project = root.path("project");
        if (project.isObject()) {
            for (JsonNode d : project.path("dynamic")) {
                if ("version".equals(d.asText())) {
                    return Reading.problem(name + ": [project] declares the version dynamic; list the module that holds it"
                            + " (e.g. brokle/version.py) in versionFiles instead");
                }
            }
            if (project.path("version").isTextual()) {
                return Reading.of(project.get("version").asText());
            }
        }
        JsonNode poetry = root.path("tool").path("poetry").path("version");
        if (poetry.isTextual()) {
            return Reading.of(poetry.asText());
        }
        return Reading.problem(name + ": has no [project] version nor [tool.poetry] version");
    }

    private static Reading pythonModule(String name, String text) {
        Matcher m = PYTHON_VERSION.matcher(text);
        Set<String> found = new LinkedHashSet<>();
        while (m.find()) {
            found.add(m.group(2));
        }
        if (found.isEmpty()) {
            return Reading.problem(name + ": has no line __version__ = \"...\"");
        }
        return new Reading(found, null);
    }

    private static Reading pattern(VersionFileConfig file, String text) {
        Matcher m = compile(file.pattern()).matcher(text);
        Set<String> found = new LinkedHashSet<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        if (found.isEmpty()) {
            return Reading.problem(file.path() + ": the pattern '" + file.pattern() + "' matches nothing; fix the pattern or the file");
        }
        return new Reading(found, null);
    }

    /** The regular expression of a {@code {{version}}} pattern: the literal text around a version. */
    public static Pattern compile(String versionPattern) {
        int at = versionPattern.indexOf(VersionFileConfig.PLACEHOLDER);
        String before = versionPattern.substring(0, at);
        String after = versionPattern.substring(at + VersionFileConfig.PLACEHOLDER.length());
        return Pattern.compile(Pattern.quote(before) + "([0-9A-Za-z][0-9A-Za-z.+-]*?)" + (after.isEmpty() ? "(?![0-9A-Za-z.+-])" : Pattern.quote(after)));
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && name.equals(((Element) n).getTagName())) {
                return (Element) n;
            }
        }
        return null;
    }

    private static String childText(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }
}
