package ai.brokle.release.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.Problem;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workflow commands and files of GitHub Actions, and silence outside it. */
class GitHubActionsTest {
    @TempDir
    Path tmp;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private GitHubActions actions(Map<String, String> env) {
        return new GitHubActions(env, new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @Test
    void problemsBecomeErrorAnnotationsOnTheirFileAndLine() {
        actions(Map.of("GITHUB_ACTIONS", "true")).errors(List.of(
                new Problem(".brokle-release.yml:7: components.platform.tagPrefix: 'v 1' is not a tag prefix", ".brokle-release.yml", 7),
                Problem.of("The work tree has uncommitted changes (a.txt)\nand more, 100% sure"),
                Problem.of("a.txt:3: looks located, but a problem's text is never read for a place")));
        assertEquals("::error file=.brokle-release.yml,line=7::components.platform.tagPrefix: 'v 1' is not a tag prefix\n"
                + "::error::The work tree has uncommitted changes (a.txt)%0Aand more, 100%25 sure\n"
                + "::error::a.txt:3: looks located, but a problem's text is never read for a place\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void secretsAreMaskedInActionsOnly() {
        actions(Map.of("GITHUB_ACTIONS", "true")).mask("s3cr3t-token");
        actions(Map.of()).mask("other-token");
        actions(Map.of()).errors(List.of(Problem.of("not annotated outside Actions")));
        assertEquals("::add-mask::s3cr3t-token\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void outputsAndSummaryAreAppendedToTheirFiles() throws Exception {
        Path output = tmp.resolve("output");
        Path summary = tmp.resolve("summary");
        Files.writeString(output, "earlier=1\n");
        GitHubActions actions = actions(Map.of("GITHUB_OUTPUT", output.toString(), "GITHUB_STEP_SUMMARY", summary.toString()));
        Map<String, String> values = new LinkedHashMap<>();
        values.put("tag", "v3.2.1");
        values.put("notes", "line one\nline two");
        actions.outputs(values);
        actions.summary("| step | result |");
        String written = Files.readString(output);
        String delimiter = written.substring(written.indexOf("notes<<") + 7, written.indexOf('\n', written.indexOf("notes<<")));
        assertEquals("earlier=1\ntag=v3.2.1\nnotes<<" + delimiter + "\nline one\nline two\n" + delimiter + "\n", written);
        assertEquals("| step | result |\n", Files.readString(summary));
    }

    @Test
    void aMultiLineValueCannotEndItsHeredocEarly() throws Exception {
        Path output = tmp.resolve("output");
        GitHubActions actions = actions(Map.of("GITHUB_OUTPUT", output.toString()));
        // a value that closes the delimiter the old writer derived from it, then adds an output of its own
        String value = "notes\nBROKLE_EOF_" + Integer.toHexString("x".hashCode()) + "\ninjected=true";
        actions.outputs(Map.of("notes", value));
        actions.outputs(Map.of("notes", value));
        List<String> delimiters = Files.readAllLines(output).stream().filter(l -> l.startsWith("notes<<")).map(l -> l.substring(7)).toList();
        assertEquals(2, delimiters.size());
        assertTrue(delimiters.get(0).matches("ghadelimiter_[0-9a-f]{32}"), delimiters.get(0));
        assertFalse(delimiters.get(0).equals(delimiters.get(1)), "a new delimiter for every value, not one derived from it");
        assertFalse(value.contains(delimiters.get(0)));
    }
}
