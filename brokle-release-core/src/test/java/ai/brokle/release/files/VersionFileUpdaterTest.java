package ai.brokle.release.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.config.VersionFileConfig;
import ai.brokle.release.config.VersionFileKind;
import ai.brokle.release.version.SemVer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every updater changes the version text and nothing else: each test states the whole file after. */
class VersionFileUpdaterTest {
    @TempDir
    Path root;

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The files after the update, by path, as UTF-8 text. */
    private Map<String, String> update(VersionFileConfig file, String version) {
        VersionFileUpdater updater = new VersionFileUpdater(root);
        VersionFileUpdater.Result result = updater.update(file, SemVer.parse(version));
        assertEquals(List.of(), result.problems());
        return updater.changes().stream().collect(Collectors.toMap(FileChange::path,
                c -> new String(c.afterBytes(), StandardCharsets.UTF_8), (a, b) -> b, TreeMap::new));
    }

    private List<String> problems(VersionFileConfig file, String version) {
        VersionFileUpdater updater = new VersionFileUpdater(root);
        VersionFileUpdater.Result result = updater.update(file, SemVer.parse(version));
        assertEquals(List.of(), result.changes());
        return result.problems();
    }

    @Test
    void pomReactorSetsProjectParentAndInterModuleVersionsOnly() throws IOException {
        String rootPom = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!-- <version>1.2.0</version> in a comment stays -->\n"
                + "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
                + "\t<modelVersion>4.0.0</modelVersion>\n"
                + "\t<parent>\n"
                + "\t\t<groupId>org.example</groupId>\n"
                + "\t\t<artifactId>company-parent</artifactId>\n"
                + "\t\t<version>1.2.0</version> <!-- an outside parent: not ours to change -->\n"
                + "\t</parent>\n"
                + "\t<groupId>ai.brokle</groupId>\n"
                + "\t<artifactId>platform</artifactId>\n"
                + "\t<version> 1.2.0 </version>\n"
                + "\t<packaging>pom</packaging>\n"
                + "\t<description><![CDATA[Ships <version>1.2.0</version>]]></description>\n"
                + "\t<modules>\n"
                + "\t\t<module>server</module>\n"
                + "\t\t<module>./worker/</module>\n"
                + "\t</modules>\n"
                + "\t<dependencyManagement>\n"
                + "\t\t<dependencies>\n"
                + "\t\t\t<dependency><groupId>ai.brokle</groupId><artifactId>server</artifactId><version>1.2.0</version></dependency>\n"
                + "\t\t\t<dependency><groupId>org.other</groupId><artifactId>lib</artifactId><version>1.2.0</version></dependency>\n"
                + "\t\t</dependencies>\n"
                + "\t</dependencyManagement>\n"
                + "</project>";
        String server = "<project>\r\n"
                + "  <parent>\r\n"
                + "    <groupId>ai.brokle</groupId>\r\n"
                + "    <artifactId>platform</artifactId>\r\n"
                + "    <version>1.2.0</version>\r\n"
                + "  </parent>\r\n"
                + "  <artifactId>server</artifactId>\r\n"
                + "  <name attr=\"a > b\">Brokle server</name>\r\n"
                + "</project>\r\n";
        String worker = "<project>\n"
                + "  <parent><groupId>ai.brokle</groupId><artifactId>platform</artifactId><version>1.2.0</version></parent>\n"
                + "  <artifactId>worker</artifactId>\n"
                + "  <version>1.2.0</version>\n"
                + "  <dependencies>\n"
                + "    <dependency>\n"
                + "      <groupId>${project.groupId}</groupId>\n"
                + "      <artifactId>server</artifactId>\n"
                + "      <version>1.2.0</version>\n"
                + "    </dependency>\n"
                + "    <dependency>\n"
                + "      <groupId>ai.brokle</groupId>\n"
                + "      <artifactId>server</artifactId>\n"
                + "      <classifier>tests</classifier>\n"
                + "      <version>${project.version}</version>\n"
                + "    </dependency>\n"
                + "    <dependency>\n"
                + "      <groupId>org.other</groupId>\n"
                + "      <artifactId>client</artifactId>\n"
                + "      <version>1.2.0</version>\n"
                + "    </dependency>\n"
                + "  </dependencies>\n"
                + "</project>\n";
        write("pom.xml", rootPom);
        write("server/pom.xml", server);
        write("worker/pom.xml", worker);

        Map<String, String> after = update(new VersionFileConfig("pom.xml", VersionFileKind.POM, null), "1.3.0-rc.1");

        assertEquals(rootPom.replace("<version> 1.2.0 </version>", "<version> 1.3.0-rc.1 </version>")
                .replace("<artifactId>server</artifactId><version>1.2.0</version>", "<artifactId>server</artifactId><version>1.3.0-rc.1</version>"),
                after.get("pom.xml"));
        assertEquals(server.replace("<version>1.2.0</version>", "<version>1.3.0-rc.1</version>"), after.get("server/pom.xml"));
        assertEquals(worker.replace("<artifactId>platform</artifactId><version>1.2.0</version>", "<artifactId>platform</artifactId><version>1.3.0-rc.1</version>")
                .replace("  <version>1.2.0</version>\n  <dependencies>", "  <version>1.3.0-rc.1</version>\n  <dependencies>")
                .replace("<artifactId>server</artifactId>\n      <version>1.2.0</version>", "<artifactId>server</artifactId>\n      <version>1.3.0-rc.1</version>"),
                after.get("worker/pom.xml"));
        assertTrue(after.get("worker/pom.xml").contains("<artifactId>client</artifactId>\n      <version>1.2.0</version>"), "outside dependency kept");
    }

    @Test
    void pomWithAMissingModuleIsAProblemNamingIt() throws IOException {
        write("pom.xml", "<project><groupId>g</groupId><artifactId>a</artifactId><version>1.0.0</version>"
                + "<modules><module>gone</module></modules></project>");
        assertEquals(List.of("gone/pom.xml: the module's pom.xml does not exist; fix <modules> in the parent pom"),
                problems(new VersionFileConfig("pom.xml", VersionFileKind.POM, null), "1.1.0"));
    }

    @Test
    void packageJsonWorkspaceSetsEveryPackageAndInternalRanges() throws IOException {
        String rootJson = "{\r\n  \"name\": \"brokle-js\",\r\n  \"private\": true,\r\n  \"workspaces\": [\"packages/*\", \"!packages/scratch\"],\r\n"
                + "  \"version\": \"0.1.0\",\r\n  \"devDependencies\": { \"typescript\": \"^5.4.0\" }\r\n}";
        String core = "{\n\t\"version\":\"0.1.0\",\n\t\"name\": \"brokle\",\n\t\"description\": \"Caf\u00e9 \\\"quoted\\\" 0.1.0\"\n}\n";
        String openai = "{\n    \"name\": \"brokle-openai\",\n    \"version\": \"0.1.0\",\n"
                + "    \"dependencies\": {\n        \"brokle\": \"^0.1.0\",\n        \"openai\": \"^0.1.0\"\n    },\n"
                + "    \"peerDependencies\": { \"brokle\": \"~0.1.0\" },\n"
                + "    \"devDependencies\": { \"brokle\": \"workspace:*\", \"brokle-anthropic\": \"0.1.0\", \"brokle-langchain\": \">=0.0.1\" }\n}\n";
        String anthropic = "{ \"name\": \"brokle-anthropic\", \"version\": \"0.1.0\" }";
        String scratch = "{ \"name\": \"scratch\", \"version\": \"0.1.0\" }\n";
        write("package.json", rootJson);
        write("packages/brokle/package.json", core);
        write("packages/brokle-openai/package.json", openai);
        write("packages/brokle-anthropic/package.json", anthropic);
        write("packages/scratch/package.json", scratch);
        write("packages/brokle/node_modules/dep/package.json", "{ \"name\": \"dep\", \"version\": \"0.1.0\" }");

        Map<String, String> after = update(new VersionFileConfig("package.json", VersionFileKind.PACKAGE_JSON, null), "0.2.0-beta.1");

        assertEquals(List.of("package.json", "packages/brokle-anthropic/package.json", "packages/brokle-openai/package.json",
                "packages/brokle/package.json"), List.copyOf(after.keySet()));
        assertEquals(rootJson.replace("\"0.1.0\"", "\"0.2.0-beta.1\""), after.get("package.json"));
        assertEquals(core.replace("\"version\":\"0.1.0\"", "\"version\":\"0.2.0-beta.1\""), after.get("packages/brokle/package.json"));
        assertEquals(openai.replace("\"version\": \"0.1.0\"", "\"version\": \"0.2.0-beta.1\"")
                .replace("\"brokle\": \"^0.1.0\"", "\"brokle\": \"^0.2.0-beta.1\"").replace("\"brokle\": \"~0.1.0\"", "\"brokle\": \"~0.2.0-beta.1\"")
                .replace("\"brokle-anthropic\": \"0.1.0\"", "\"brokle-anthropic\": \"0.2.0-beta.1\""), after.get("packages/brokle-openai/package.json"));
        assertEquals(anthropic.replace("0.1.0", "0.2.0-beta.1"), after.get("packages/brokle-anthropic/package.json"));
    }

    @Test
    void pnpmWorkspaceFileListsThePackages() throws IOException {
        write("package.json", "{\n  \"name\": \"root\",\n  \"version\": \"1.0.0\"\n}\n");
        write("pnpm-workspace.yaml", "packages:\n  - 'packages/**'\n  - '!packages/internal-*'\n");
        write("packages/a/package.json", "{\"name\":\"a\",\"version\":\"1.0.0\",\"dependencies\":{\"b\":\"1.0.0\"}}");
        write("packages/group/b/package.json", "{\"name\":\"b\",\"version\":\"1.0.0\"}");
        write("packages/internal-tools/package.json", "{\"name\":\"tools\",\"version\":\"1.0.0\"}");

        Map<String, String> after = update(new VersionFileConfig("package.json", VersionFileKind.PACKAGE_JSON, null), "1.1.0");

        assertEquals("{\"name\":\"a\",\"version\":\"1.1.0\",\"dependencies\":{\"b\":\"1.1.0\"}}", after.get("packages/a/package.json"));
        assertEquals("{\"name\":\"b\",\"version\":\"1.1.0\"}", after.get("packages/group/b/package.json"));
        assertEquals("{\n  \"name\": \"root\",\n  \"version\": \"1.1.0\"\n}\n", after.get("package.json"));
        assertEquals(3, after.size(), "the excluded package is left alone");
    }

    @Test
    void packageJsonWithAByteOrderMarkKeepsIt() throws IOException {
        write("web/package.json", "\uFEFF{\n  \"version\": \"3.1.0\"\n}\n");
        Map<String, String> after = update(new VersionFileConfig("web/package.json", VersionFileKind.PACKAGE_JSON, null), "3.2.0");
        assertEquals("\uFEFF{\n  \"version\": \"3.2.0\"\n}\n", after.get("web/package.json"));
    }

    @Test
    void pythonModuleKeepsTheTagSpellingOrTakesThePep440FormOnRequest() throws IOException {
        String module = "\"\"\"Version of the Brokle SDK.\"\"\"\r\n\r\n__version__ = '0.2.9'  # bumped by the release\r\n"
                + "__version_info__ = tuple(__version__.split('.'))\r\n";
        write("brokle/version.py", module);
        Map<String, String> after = update(new VersionFileConfig("brokle/version.py", VersionFileKind.PYTHON_MODULE, null), "0.3.0-beta.1");
        assertEquals(module.replace("'0.2.9'", "'0.3.0-beta.1'"), after.get("brokle/version.py"));
        VersionFileConfig pep440 = new VersionFileConfig("brokle/version.py", VersionFileKind.PYTHON_MODULE, null, 1, true);
        assertEquals(module.replace("'0.2.9'", "'0.3.0b1'"), update(pep440, "0.3.0-beta.1").get("brokle/version.py"));
        assertEquals(module.replace("'0.2.9'", "'0.3.0rc2'"), update(pep440, "0.3.0-rc.2").get("brokle/version.py"));
        after = update(new VersionFileConfig("brokle/version.py", VersionFileKind.PYTHON_MODULE, null), "0.3.0");
        assertEquals(module.replace("'0.2.9'", "'0.3.0'"), after.get("brokle/version.py"));
    }

    @Test
    void theRealSdkModuleStillImportsAndPythonPackagingReadsTheVersion() throws IOException {
        // brokle-python's brokle/version.py derives __version_info__ by splitting on "-": 0.5.0b1 would raise ValueError on import
        String real = "\"\"\"Brokle OpenTelemetry SDK version.\"\"\"\n\n__version__ = \"0.4.0\"\n"
                + "__version_info__ = tuple(int(x) for x in __version__.split(\"-\")[0].split(\".\"))\n";
        write("brokle/version.py", real);
        StringBuilder script = new StringBuilder("from pip._vendor.packaging.version import Version\n");
        for (String version : List.of("0.5.0-beta.1", "0.5.0-rc.2", "0.5.0-dev.0", "0.5.0")) {
            String text = update(new VersionFileConfig("brokle/version.py", VersionFileKind.PYTHON_MODULE, null), version).get("brokle/version.py");
            script.append("g = {}\nexec(").append(pyString(text)).append(", g)\nprint(g['__version__'], g['__version_info__'], Version(g['__version__']))\n");
        }
        assertEquals("0.5.0-beta.1 (0, 5, 0) 0.5.0b1\n0.5.0-rc.2 (0, 5, 0) 0.5.0rc2\n0.5.0-dev.0 (0, 5, 0) 0.5.0.dev0\n0.5.0 (0, 5, 0) 0.5.0",
                ai.brokle.release.testing.Python.run(script.toString()));
    }

    @Test
    void pyprojectKeepsTheTagSpellingOrTakesThePep440Form() throws IOException {
        String pyproject = "[project]\nname = \"brokle\"\nversion = \"0.4.0\"\n";
        write("pyproject.toml", pyproject);
        assertEquals(pyproject.replace("0.4.0", "0.5.0-beta.1"),
                update(new VersionFileConfig("pyproject.toml", VersionFileKind.PYPROJECT, null), "0.5.0-beta.1").get("pyproject.toml"));
        assertEquals(pyproject.replace("0.4.0", "0.5.0b1"),
                update(new VersionFileConfig("pyproject.toml", VersionFileKind.PYPROJECT, null, 1, true), "0.5.0-beta.1").get("pyproject.toml"));
    }

    private static String pyString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("\r", "\\r") + "'";
    }

    @Test
    void aMissingPythonModuleIsAProblemNamingItsPath() throws IOException {
        write("brokle/version.py", "__version__ = \"0.2.9\"\n");
        assertEquals(List.of("brokle/_version.py: the file does not exist; create it or fix its path in the versionFiles setting"),
                problems(new VersionFileConfig("brokle/_version.py", VersionFileKind.PYTHON_MODULE, null), "0.3.0"));
    }

    @Test
    void pyprojectSetsProjectAndPoetryVersionsOnly() throws IOException {
        String toml = "# Brokle SDK\n[build-system]\nrequires = [\"setuptools>=68\"]\nversion = \"9.9.9\"\n\n"
                + "[project]\nname = \"brokle\"\nversion   =   \"0.2.9\"   # keep this comment\n"
                + "dependencies = [\"httpx>=0.2.9\"]\n\n[project.optional-dependencies]\nversion = [\"x\"]\n\n"
                + "[ tool . poetry ]\nversion = '0.2.9'\n";
        write("pyproject.toml", toml);
        Map<String, String> after = update(new VersionFileConfig("pyproject.toml", VersionFileKind.PYPROJECT, null), "1.0.0-alpha.3");
        assertEquals(toml.replace("\"0.2.9\"   #", "\"1.0.0-alpha.3\"   #").replace("'0.2.9'", "'1.0.0-alpha.3'"), after.get("pyproject.toml"));
    }

    @Test
    void pyprojectWithADynamicVersionPointsToTheModule() throws IOException {
        write("pyproject.toml", "[project]\nname = \"brokle\"\ndynamic = [\"version\"]\n");
        assertEquals(List.of("pyproject.toml: [project] declares the version dynamic; list the module that holds it (e.g. brokle/version.py)"
                + " in versionFiles instead"), problems(new VersionFileConfig("pyproject.toml", VersionFileKind.PYPROJECT, null), "1.0.0"));
    }

    @Test
    void patternMustOccurAsOftenAsConfigured() throws IOException {
        String ts = "// generated\nexport const VERSION = \"v3.1.0\";\nexport const BUILD = \"v3.1.0\";\n";
        write("web/src/constants/VERSION.ts", ts);
        Map<String, String> after = update(new VersionFileConfig("web/src/constants/VERSION.ts", VersionFileKind.PATTERN,
                "export const VERSION = \"v{{version}}\";"), "3.2.0");
        assertEquals(ts.replace("VERSION = \"v3.1.0\"", "VERSION = \"v3.2.0\""), after.get("web/src/constants/VERSION.ts"));

        assertEquals(List.of("web/src/constants/VERSION.ts: the pattern '\"v{{version}}\"' occurs 2 times, expected 1; make the pattern match"
                + " only the version to change, or set 'matches: 2' in versionFiles"),
                problems(new VersionFileConfig("web/src/constants/VERSION.ts", VersionFileKind.PATTERN, "\"v{{version}}\""), "3.2.0"));
        after = update(new VersionFileConfig("web/src/constants/VERSION.ts", VersionFileKind.PATTERN, "\"v{{version}}\"", 2), "3.2.0");
        assertEquals(ts.replace("3.1.0", "3.2.0"), after.get("web/src/constants/VERSION.ts"));
        assertEquals(List.of("web/src/constants/VERSION.ts: the pattern 'APP_VERSION={{version}}' occurs 0 times, expected 1; fix the pattern"
                + " or the file"), problems(new VersionFileConfig("web/src/constants/VERSION.ts", VersionFileKind.PATTERN, "APP_VERSION={{version}}"), "3.2.0"));
    }

    @Test
    void twoEntriesForOneFileAddUpAndBytesOutsideUtf8AreKept() throws IOException {
        byte[] latin1 = "# Caf\u00e9\nVERSION=1.0.0\nDOCKER_TAG=1.0.0\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(root.resolve("release.env"), latin1);
        VersionFileUpdater updater = new VersionFileUpdater(root);
        assertEquals(List.of(), updater.update(new VersionFileConfig("release.env", VersionFileKind.PATTERN, "VERSION={{version}}\n"),
                SemVer.parse("1.1.0")).problems());
        assertEquals(List.of(), updater.update(new VersionFileConfig("release.env", VersionFileKind.PATTERN, "DOCKER_TAG={{version}}\n"),
                SemVer.parse("1.1.0")).problems());
        List<FileChange> changes = updater.changes();
        assertEquals(1, changes.size());
        assertEquals(new String(latin1, StandardCharsets.ISO_8859_1).replace("1.0.0", "1.1.0"),
                new String(changes.get(0).afterBytes(), StandardCharsets.ISO_8859_1));
        assertEquals(new String(latin1, StandardCharsets.ISO_8859_1), changes.get(0).before());
    }
}
