package ai.brokle.release.changesets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.version.Bump;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Change files as @changesets/parse reads them, refused as it refuses them, in time linear in their size. */
class ChangesetParseTest {
    @Test
    void aPackageNamedTwiceIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Changeset.parse("young-seals-bake", "---\n\"brokle\": patch\n\"brokle\": major\n---\n\nTwice\n"));
        assertTrue(e.getMessage().startsWith(".changeset/young-seals-bake.md: a package is named twice in the front matter"), e.getMessage());
    }

    @Test
    void frontMatterIsFoundAsTheParserFindsIt() {
        Changeset c = Changeset.parse("a", "\n  ---\n\"brokle\": minor\n\n  ---  \nStream responses\n");
        assertEquals(Map.of("brokle", Bump.MINOR), c.releases());
        assertEquals("Stream responses", c.summary());
        Changeset atTheEnd = Changeset.parse("b", "---\n\"brokle\": patch\n---");
        assertEquals(Map.of("brokle", Bump.PATCH), atTheEnd.releases());
        assertEquals("", atTheEnd.summary(), "the closing line may end the file");
    }

    @Test
    void aHugeFileWithoutClosingFrontMatterIsRefusedAtOnce() {
        String text = "---" + "\n".repeat(1_000_000);
        long start = System.nanoTime();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Changeset.parse("huge", text));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(e.getMessage().contains("has no front matter between '---' lines"), e.getMessage());
        assertTrue(millis < 2_000, "linear, not quadratic: " + millis + " ms");
    }

    @Test
    void aChangeFileThatIsHugeOrNotUtf8IsNamedWithItsProblem(@org.junit.jupiter.api.io.TempDir java.nio.file.Path root) throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createDirectories(root.resolve(".changeset"));
        java.nio.file.Files.write(dir.resolve("latin.md"), "---\n\"brokle\": patch\n---\n\ncaf\u00e9\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        java.nio.file.Files.writeString(dir.resolve("huge.md"), "---\n\"brokle\": patch\n---\n\n" + "x".repeat(2_000_000));
        ChangesetException e = assertThrows(ChangesetException.class, () -> new ChangesetDirectory(root).changesets());
        assertTrue(e.getMessage().contains(".changeset/latin.md: not UTF-8 at byte 28"), e.getMessage());
        assertTrue(e.getMessage().contains(".changeset/huge.md: 2000025 bytes, more than the 1048576 read here"), e.getMessage());
    }
}
