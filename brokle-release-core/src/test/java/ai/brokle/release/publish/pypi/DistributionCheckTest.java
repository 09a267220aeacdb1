package ai.brokle.release.publish.pypi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.version.SemVer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading wheels and sdists, and the checks before an upload, with Python's own tools as the reference where the machine has them. */
class DistributionCheckTest {
    @TempDir
    Path dir;

    private static final String MARKDOWN = "Description-Content-Type: text/markdown\n";

    @Test
    void readsTheMetadataOfAWheelAndAnSdist() throws Exception {
        String metadata = PythonDistributions.metadata("brokle", "0.3.0b1", MARKDOWN + "Classifier: A\nClassifier: B\n", "# Brokle\n\nTrace LLM calls.\n");
        Distribution wheel = Distribution.read(PythonDistributions.wheel(dir, "brokle", "0.3.0b1", metadata));
        assertEquals("bdist_wheel", wheel.filetype());
        assertEquals("py3", wheel.pyversion());
        assertEquals("0.3.0b1", wheel.field("Version"));
        assertEquals(List.of("A", "B"), wheel.metadata().get("Classifier"));
        assertEquals("# Brokle\n\nTrace LLM calls.\n", wheel.description());
        Distribution sdist = Distribution.read(PythonDistributions.sdist(dir, "brokle", "0.3.0b1", metadata));
        assertEquals("sdist", sdist.filetype());
        assertEquals("source", sdist.pyversion());
        assertEquals("brokle", sdist.field("Name"));
        assertEquals(List.of(), DistributionCheck.problems(wheel, SemVer.parse("0.3.0-beta.1")));
        assertEquals(List.of(), DistributionCheck.problems(sdist, SemVer.parse("0.3.0-beta.1")));
        assertEquals(PythonDistributions.python("import hashlib;print(hashlib.sha256(open('" + wheel.file() + "','rb').read()).hexdigest());"
                + "print(hashlib.blake2b(open('" + wheel.file() + "','rb').read(),digest_size=32).hexdigest())"), wheel.sha256() + "\n" + wheel.blake2b256());
    }

    @Test
    void everyProblemIsNamedWithItsFile() throws Exception {
        Path bad = PythonDistributions.wheel(dir, "brokle", "0.2.9", "Metadata-Version: 3.0\nName: brokle\nVersion: 0.2.9\nSummary: one\n  two\n"
                + "Description-Content-Type: text/html\n\n<p>hi</p>\n");
        List<String> problems = DistributionCheck.problems(Distribution.read(bad), SemVer.parse("0.3.0"));
        String all = String.join("\n", problems);
        assertTrue(all.contains("brokle-0.2.9-py3-none-any.whl: Metadata-Version is '3.0'"), all);
        assertTrue(all.contains("the version is 0.2.9 but the release is 0.3.0 (0.3.0 in PEP 440 form)"), all);
        assertTrue(all.contains("Summary spans several lines"), all);
        assertTrue(all.contains("Description-Content-Type is 'text/html'"), all);

        Path renamed = PythonDistributions.wheel(dir, "brokle-sdk", "0.3.0", PythonDistributions.metadata("brokle", "0.3.0", MARKDOWN, "x"));
        assertTrue(String.join("\n", DistributionCheck.problems(Distribution.read(renamed), SemVer.parse("0.3.0")))
                .contains("the file name names 'brokle_sdk' but the metadata names 'brokle'"));
        Path noWheelFile = dir.resolve("broken-1.0.0-py3-none-any.whl");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(noWheelFile))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("broken-1.0.0.dist-info/METADATA"));
            zip.write(PythonDistributions.metadata("broken", "1.0.0", MARKDOWN, "x").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        ai.brokle.release.ReleaseFailure noWheel = org.junit.jupiter.api.Assertions.assertThrows(ai.brokle.release.ReleaseFailure.class,
                () -> Distribution.read(noWheelFile));
        assertTrue(noWheel.getMessage().contains("no *.dist-info/WHEEL"), noWheel.getMessage());
        Files.writeString(dir.resolve("notes.txt"), "x");
        ai.brokle.release.ReleaseFailure e = org.junit.jupiter.api.Assertions.assertThrows(ai.brokle.release.ReleaseFailure.class,
                () -> Distribution.read(dir.resolve("notes.txt")));
        assertTrue(e.getMessage().contains("not a Python distribution"), e.getMessage());
    }

    @Test
    void aRestructuredTextDescriptionThatDocutilsRefusesIsAProblemAndOneItTakesIsNot() throws Exception {
        String broken = "Brokle SDK\n=====\n\nTrace calls.\n";
        String fine = "Brokle SDK\n==========\n\nTrace calls.\n\nUsage\n-----\n\n- one\n- two\n";
        String docutils = PythonDistributions.python("import io, docutils.core, docutils.utils\n"
                + "for text in [" + py(broken) + ", " + py(fine) + "]:\n"
                + "    try:\n"
                + "        docutils.core.publish_doctree(text, settings_overrides={'halt_level': 2, 'report_level': 5,"
                + " 'warning_stream': io.StringIO()})\n"
                + "        print('renders')\n"
                + "    except docutils.utils.SystemMessage:\n"
                + "        print('refused')\n");
        assertEquals("refused\nrenders", docutils, "what the index's renderer (docutils, halting at warnings) says");
        Distribution b = Distribution.read(PythonDistributions.wheel(dir, "brokle", "1.0.0", PythonDistributions.metadata("brokle", "1.0.0",
                "Description-Content-Type: text/x-rst\n", broken)));
        assertTrue(String.join("\n", DistributionCheck.problems(b, SemVer.parse("1.0.0")))
                .contains("line 2, the underline of 'Brokle SDK' is shorter than the title"));
        Path fineDir = Files.createDirectory(dir.resolve("fine"));
        Distribution f = Distribution.read(PythonDistributions.wheel(fineDir, "brokle", "1.0.0", PythonDistributions.metadata("brokle", "1.0.0",
                "Description-Content-Type: text/x-rst\n", fine)));
        assertEquals(List.of(), DistributionCheck.problems(f, SemVer.parse("1.0.0")));
    }

    @Test
    void versionsAreComparedInTheNormalFormOfPythonPackaging() {
        List<String> versions = List.of("1.0.0", "v1.0.0", "1.0.0-Beta.1", "1.0.0b1", "1.0.0.alpha2", "1.0.0c3", "1.0.0-rc.4", "1.0.0.post1",
                "1.0.0-1", "1.0.0.dev3", "1!2.0", "01.02.03", "1.0.0rc1.dev2", "1.0.0pre5",
                // numbers above Long.MAX_VALUE and an epoch of 0, which the normal form leaves out
                "1.99999999999999999999999.0", "0!01.0002rc0099999999999999999999.post00007.dev1");
        StringBuilder script = new StringBuilder("from pip._vendor.packaging.version import Version\n");
        versions.forEach(v -> script.append("print(Version('").append(v).append("'))\n"));
        String theirs = PythonDistributions.python(script.toString());
        String ours = String.join("\n", versions.stream().map(DistributionCheck::normalize).toList());
        assertEquals(theirs, ours);
    }

    private static String py(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
    }
}
