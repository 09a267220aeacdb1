package ai.brokle.release.files;

import java.nio.charset.StandardCharsets;

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
}
