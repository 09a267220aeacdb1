package ai.brokle.release.plan;

/**
 * A reason a step cannot run, found by its preflight {@link Step#check()}.
 *
 * @param message what is wrong and what to do, naming the setting or file to fix
 * @param realRunOnly whether it stops only a real run (a missing credential, a file that a real run
 *     would replace without permission): a dry run, which changes and sends nothing, goes on and tells
 *     what a real run would need
 */
public record Check(String message, boolean realRunOnly) {
    public static Check problem(String message) {
        return new Check(message, false);
    }

    /** A missing credential: a dry run goes on without it. */
    public static Check credential(String message) {
        return new Check(message, true);
    }

    /** Something only a real run needs settled first (a permission to replace a file, say). */
    public static Check beforeRealRun(String message) {
        return new Check(message, true);
    }
}
