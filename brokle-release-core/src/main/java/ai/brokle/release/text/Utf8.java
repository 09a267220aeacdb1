package ai.brokle.release.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Files the release rewrites are read strictly as UTF-8: a byte sequence that is not UTF-8 is never
 * replaced by U+FFFD and written back, it is reported with where it is.
 */
public final class Utf8 {
    private Utf8() {
    }

    /** A file's bytes that are not UTF-8, with the offset of the first bad byte. */
    public static final class NotUtf8 extends CharacterCodingException {
        private static final long serialVersionUID = 1L;
        private final long offset;

        NotUtf8(long offset) {
            this.offset = offset;
        }

        /** The offset of the first byte that is not UTF-8. */
        public long offset() {
            return offset;
        }

        @Override
        public String getMessage() {
            return "not UTF-8 at byte " + offset;
        }
    }

    /** {@code bytes} as text; fails with the offset of the first byte that is not UTF-8. */
    public static String decode(byte[] bytes) throws NotUtf8 {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new NotUtf8(in.position());
        }
        result = decoder.flush(out);
        if (result.isError()) {
            throw new NotUtf8(in.position());
        }
        out.flip();
        return out.toString();
    }
}
