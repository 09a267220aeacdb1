package ai.brokle.release.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.config.VersionFileConfig;
import ai.brokle.release.config.VersionFileKind;
import ai.brokle.release.version.SemVer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionFileReaderTest {
    @TempDir
    Path root;

    private final VersionFileReader reader = new VersionFileReader();

    private void write(String path, String content) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private VersionFileReader.Reading read(String path, String content, String pattern) throws Exception {
        write(path, content);
        VersionFileKind kind = pattern != null ? VersionFileKind.PATTERN : VersionFileKind.inferFromName(path);
        return reader.read(root, new VersionFileConfig(path, kind, pattern));
    }

    @Test
    void packageJson() throws Exception {
        assertEquals(Set.of("0.1.0"), read("web/package.json", "{\"name\":\"web\",\"private\":true,\"version\":\"0.1.0\"}", null).versions());
        assertTrue(read("x/package.json", "{\"name\":\"x\"}", null).problem().contains("has no \"version\" field"));
    }

    @Test
    void aWorkspaceRootWithoutAVersionReadsItsPackages() throws Exception {
        write("js/pnpm-workspace.yaml", "packages:\n  - 'packages/*'\n");
        write("js/packages/brokle/package.json", "{\"name\":\"brokle\",\"version\":\"0.5.0\"}");
        write("js/packages/brokle-openai/package.json", "{\"name\":\"brokle-openai\",\"version\":\"0.5.0\"}");
        assertEquals(Set.of("0.5.0"), read("js/package.json", "{\"name\":\"brokle-js\",\"private\":true}", null).versions());

        write("js/packages/brokle-openai/package.json", "{\"name\":\"brokle-openai\",\"version\":\"0.4.0\"}");
        String problem = read("js/package.json", "{\"name\":\"brokle-js\",\"private\":true}", null).problem();
        // listed by directory, as the npm tools list a workspace
        assertTrue(problem.contains("the workspace packages hold different versions (js/packages/brokle/package.json 0.5.0,"
                + " js/packages/brokle-openai/package.json 0.4.0)"), problem);
    }

    @Test
    void pomProjectOrParentVersion() throws Exception {
        assertEquals(Set.of("3.2.1"), read("pom.xml", "<project><parent><version>1</version></parent><artifactId>a</artifactId>"
                + "<version>3.2.1</version><dependencies><dependency><version>9</version></dependency></dependencies></project>", null).versions());
        assertEquals(Set.of("2.0.0"), read("m/pom.xml", "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><parent><version>2.0.0</version></parent></project>", null).versions());
        assertTrue(read("bad/pom.xml", "<project><version>", null).problem().contains("cannot be parsed"));
    }

    @Test
    void pythonModuleAndPep440() throws Exception {
        VersionFileReader.Reading r = read("brokle/version.py", "\"\"\"Version.\"\"\"\n\n__version__ = \"1.3.0b1\"\n", null);
        assertEquals(Set.of("1.3.0b1"), r.versions());
        assertTrue(VersionFileReader.sameVersion("1.3.0b1", SemVer.parse("1.3.0-beta.1")));
        assertTrue(VersionFileReader.sameVersion("1.3.0-beta.1", SemVer.parse("1.3.0-beta.1")));
        assertFalse(VersionFileReader.sameVersion("1.3.0b2", SemVer.parse("1.3.0-beta.1")));
        assertEquals("1.3.0rc2", Pep440.fromSemVer(SemVer.parse("1.3.0-rc.2")));
        assertEquals("1.3.0a3", Pep440.fromSemVer(SemVer.parse("1.3.0-alpha.3")));
        assertEquals(Set.of("0.2.9"), read("b/_version.py", "__version__: str = '0.2.9'\n", null).versions());
        assertTrue(read("c/version.py", "VERSION = '1'\n", null).problem().contains("has no line __version__"));
    }

    @Test
    void pyproject() throws Exception {
        assertEquals(Set.of("0.2.9"), read("a/pyproject.toml", "[build-system]\nrequires = [\"setuptools\"]\n\n[project]\nname = \"brokle\"\nversion = \"0.2.9\"\n", null).versions());
        assertEquals(Set.of("1.0.0"), read("b/pyproject.toml", "[tool.poetry]\nname = \"x\"\nversion = \"1.0.0\"\n", null).versions());
        assertTrue(read("c/pyproject.toml", "[project]\nname = \"x\"\ndynamic = [\"version\"]\n", null).problem().contains("dynamic"));
    }

    @Test
    void textPattern() throws Exception {
        assertEquals(Set.of("1.2.3-beta.1"), read("web/src/constants/VERSION.ts", "// generated\nexport const VERSION = \"v1.2.3-beta.1\";\n",
                "export const VERSION = \"v{{version}}\";").versions());
        assertEquals(Set.of("2.0.0"), read("VERSION", "2.0.0\n", "{{version}}").versions());
        VersionFileReader.Reading none = read("other.ts", "const V = 1;\n", "VERSION = \"{{version}}\"");
        assertTrue(none.problem().contains("matches nothing"), none.problem());
    }

    @Test
    void missingFileNamesTheSetting() {
        VersionFileReader.Reading r = reader.read(root, new VersionFileConfig("brokle/_version.py", VersionFileKind.PYTHON_MODULE, null));
        assertEquals("brokle/_version.py: the file does not exist; create it or fix its path in the versionFiles setting", r.problem());
        assertTrue(r.versions().isEmpty());
    }

    @Test
    void aFileThatIsNotUtf8IsReportedWithItsByte() throws Exception {
        java.nio.file.Files.write(root.resolve("version.py"), "# caf\u00e9\n__version__ = \"1.2.0\"\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        VersionFileReader.Reading reading = reader.read(root, new VersionFileConfig("version.py", VersionFileKind.PYTHON_MODULE, null));
        assertEquals("version.py: not UTF-8 at byte 5; a version file must be UTF-8 text", reading.problem());
    }
}
