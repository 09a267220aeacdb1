package ai.brokle.release.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/**
 * A file a release rewrites. The texts hold the file's bytes one character per byte (ISO-8859-1),
 * so an edit of the version text keeps every other byte exactly, whatever the file's encoding.
 *
 * @param path the file's path relative to the repository root, with '/' separators
 * @param before the file's bytes now; null when the release creates the file
 * @param after the file's bytes after the release; null when the release deletes the file
 */
public record FileChange(String path, String before, String after) {
    /** A change from bytes to bytes. */
    public static FileChange of(String path, byte[] before, byte[] after) {
        return new FileChange(path, before == null ? null : new String(before, StandardCharsets.ISO_8859_1),
                new String(after, StandardCharsets.ISO_8859_1));
    }

    /** The release deletes the file at {@code path}, which holds {@code before}. */
    public static FileChange deletion(String path, String before) {
        return new FileChange(path, before, null);
    }

    /** The bytes after the release, or null when it deletes the file. */
    public byte[] afterBytes() {
        return after == null ? null : after.getBytes(StandardCharsets.ISO_8859_1);
    }

    public byte[] beforeBytes() {
        return before == null ? null : before.getBytes(StandardCharsets.ISO_8859_1);
    }

    public boolean changes() {
        return !java.util.Objects.equals(after, before);
    }

    /** A unified diff of a change, as 'git diff' prints it. */
    public String unifiedDiff() {
        byte[] before = beforeBytes() == null ? new byte[0] : beforeBytes();
        RawText a = new RawText(before);
        RawText b = new RawText(afterBytes() == null ? new byte[0] : afterBytes());
        EditList edits = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM).diff(RawTextComparator.DEFAULT, a, b);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DiffFormatter formatter = new DiffFormatter(out)) {
            out.write(((before() == null ? "--- /dev/null" : "--- a/" + path()) + "\n"
                    + (after() == null ? "+++ /dev/null" : "+++ b/" + path()) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            formatter.format(edits, a, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8).stripTrailing();
    }
}
