package ai.brokle.release.config;

import ai.brokle.release.Problem;

/**
 * One thing wrong with the configuration.
 *
 * @param file the file's name
 * @param line its line, or 0 when the problem belongs to no line (a missing section)
 * @param key the key, dotted from the top (components.platform.tagPrefix), or empty for the whole file
 * @param message what is wrong and what is allowed
 */
public record ConfigProblem(String file, int line, String key, String message) {
    /** As a failure carries it: the text reported, with the file and line. */
    public Problem problem() {
        return new Problem(toString(), file, line);
    }

    /** As reported: {@code file:line: key: message}. */
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + (key.isEmpty() ? "" : key + ": ") + message;
    }
}
