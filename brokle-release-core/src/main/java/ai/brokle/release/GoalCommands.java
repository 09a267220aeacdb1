package ai.brokle.release;

/**
 * How the commands that messages suggest are written: with the short prefix
 * ({@code mvn brokle-release:rollback}) where Maven finds it (a POM that declares the plugin, or
 * {@code ai.brokle} among the settings' plugin groups), else with the plugin's coordinates, which
 * work everywhere.
 *
 * @param prefix what comes before the goal: {@code mvn brokle-release:} or {@code mvn ai.brokle:brokle-release-maven-plugin:0.2.0:}
 */
public record GoalCommands(String prefix) {
    public static final GoalCommands SHORT = new GoalCommands("mvn brokle-release:");

    /** The commands of a plugin that Maven finds only by its coordinates. */
    public static GoalCommands coordinates(String groupId, String artifactId, String version) {
        return new GoalCommands("mvn " + groupId + ":" + artifactId + ":" + version + ":");
    }

    /** The command of {@code goalAndArguments}, such as {@code rollback} or {@code prepare -Dbrokle.bump=patch}. */
    public String of(String goalAndArguments) {
        return prefix + goalAndArguments;
    }
}
