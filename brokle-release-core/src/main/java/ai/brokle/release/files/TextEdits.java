package ai.brokle.release.files;

import java.util.Map;
import java.util.TreeMap;

/** Replacements of spans of a text, applied together; everything outside the spans stays as it was. */
final class TextEdits {
    private final String text;
    private final TreeMap<Integer, Map.Entry<Integer, String>> spans = new TreeMap<>();

    TextEdits(String text) {
        this.text = text;
    }

    /** Replaces {@code text[start, end)} with {@code value}; spans must not overlap. */
    TextEdits replace(int start, int end, String value) {
        Map.Entry<Integer, Map.Entry<Integer, String>> before = spans.floorEntry(start);
        if (start < 0 || end < start || end > text.length() || (before != null && before.getValue().getKey() > start)) {
            throw new IllegalArgumentException("overlapping or invalid span " + start + ".." + end);
        }
        spans.put(start, Map.entry(end, value));
        return this;
    }

    boolean isEmpty() {
        return spans.isEmpty();
    }

    String apply() {
        StringBuilder out = new StringBuilder(text.length() + 16 * spans.size());
        int at = 0;
        for (Map.Entry<Integer, Map.Entry<Integer, String>> e : spans.entrySet()) {
            out.append(text, at, e.getKey()).append(e.getValue().getValue());
            at = e.getValue().getKey();
        }
        return out.append(text, at, text.length()).toString();
    }
}
