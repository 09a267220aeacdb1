package ai.brokle.release.text;

import ai.brokle.release.ReleaseError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A text file the release reads as input (its configuration, change files): at most a bound in
 * size, so that a hostile or mistaken file is refused at once instead of parsed for minutes, and
 * strictly UTF-8, a bad byte named with its offset.
 */
public final class TextFile {
    /** The bound of a configuration or change file: far above any real one. */
    public static final long MAX_BYTES = 1L << 20;

    private TextFile() {
    }

    /** A file that is too large or not UTF-8; the message names it as {@code shown}. */
    public static final class Refused extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null);
        }
    }

    /** The text of {@code file}, named {@code shown} in messages; {@link Refused} when too large or not UTF-8. */
    public static String read(Path file, String shown) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new Refused(shown + ": " + size + " bytes, more than the " + MAX_BYTES + " read here; it cannot be a hand-written file"
                        + " of this kind: check what wrote it");
            }
            return Utf8.decode(Files.readAllBytes(file));
        } catch (Utf8.NotUtf8 e) {
            throw new Refused(shown + ": " + e.getMessage() + "; it must be UTF-8 text (convert it, e.g. iconv -f latin1 -t utf-8)");
        } catch (IOException e) {
            throw new ReleaseError("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
