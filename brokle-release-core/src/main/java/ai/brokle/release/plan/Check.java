package ai.brokle.release.plan;

/**
 * A reason a step cannot run, found by its preflight {@link Step#check()}.
 *
 * @param message what is wrong and what to do, naming the setting or file to fix
 * @param credential whether it is only a missing credential: that stops a real run, while a dry
 *     run, which sends nothing, goes on and tells what it would need
 */
public record Check(String message, boolean credential) {
    public static Check problem(String message) {
        return new Check(message, false);
    }

    public static Check credential(String message) {
        return new Check(message, true);
    }
}
