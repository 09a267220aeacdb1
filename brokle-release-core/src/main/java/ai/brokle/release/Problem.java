package ai.brokle.release;

import java.util.List;

/**
 * One thing wrong, as a failure reports it: its text, and the file and line it is about when it
 * has one (a configuration problem), so that CI can annotate that line without reading the text.
 *
 * @param text what is wrong and what to do, as printed
 * @param file the file it is about, or null
 * @param line its line in that file, or 0
 */
public record Problem(String text, String file, int line) {
    private static final int ECHOED = 60;

    /** A problem about no particular line. */
    public static Problem of(String text) {
        return new Problem(text, null, 0);
    }

    /**
     * {@code texts} as problems, each taking the file and line of the problem of equal text among
     * {@code known} (the located problems of a failure whose texts were gathered into a wider report).
     */
    public static List<Problem> locate(List<String> texts, List<Problem> known) {
        return texts.stream().map(t -> known.stream().filter(k -> k.text().equals(t)).findFirst().orElse(Problem.of(t))).toList();
    }

    /** What a problem echoes of a bad value: all of a short one, a prefix and the length of a long one, so that a hostile value does not flood the log. */
    public static String echo(String value) {
        return value.length() <= ECHOED ? value : value.substring(0, ECHOED) + "… (" + value.length() + " characters)";
    }

    @Override
    public String toString() {
        return text;
    }
}
