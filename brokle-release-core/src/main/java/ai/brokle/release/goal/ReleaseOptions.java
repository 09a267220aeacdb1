package ai.brokle.release.goal;

import ai.brokle.release.GoalCommands;
import ai.brokle.release.ReleaseLog;
import ai.brokle.release.credentials.Credentials;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything a goal is told by its caller: where the repository is, what the user asked for
 * ({@code brokle.*} properties), the environment and where to log. Blank values mean "not given".
 *
 * @param baseDirectory directory inside the repository the goal runs for
 * @param component {@code brokle.component}: one component's name
 * @param bump {@code brokle.bump}: major, minor, patch or promote
 * @param prerelease {@code brokle.prerelease}: pre-release channel
 * @param releaseVersion {@code brokle.releaseVersion}: exact next version
 * @param planFile {@code brokle.planFile}: where to write the plan as JSON
 * @param releaseBranch {@code brokle.releaseBranch}: overrides the configured release branch
 * @param environment environment variables (GITHUB_OUTPUT, GITHUB_REF, webhook URLs)
 * @param log where progress goes
 * @param credentials the secrets: settings.xml servers the user named, then the environment
 * @param commands how a command the messages suggest is written where the goal runs
 * @param offline Maven runs offline ({@code -o}): nothing goes to the network
 */
public record ReleaseOptions(Path baseDirectory, String component, String bump, String prerelease, String releaseVersion,
        Path planFile, String releaseBranch, Map<String, String> environment, ReleaseLog log, Credentials credentials, GoalCommands commands,
        boolean offline) {

    public static ReleaseOptions of(Path baseDirectory) {
        return new ReleaseOptions(baseDirectory, null, null, null, null, null, null, Map.of(), ReleaseLog.SILENT, Credentials.none(),
                GoalCommands.SHORT, false);
    }

    public ReleaseOptions withCommands(GoalCommands value) {
        return new ReleaseOptions(baseDirectory, component, bump, prerelease, releaseVersion, planFile, releaseBranch, environment, log, credentials,
                value, offline);
    }

    public ReleaseOptions withOffline(boolean value) {
        return new ReleaseOptions(baseDirectory, component, bump, prerelease, releaseVersion, planFile, releaseBranch, environment, log, credentials,
                commands, value);
    }

    /** Fails, before anything is done, when Maven runs offline: {@code goal} needs the network, for {@code why}. */
    public void requireOnline(String goal, String why) {
        if (offline) {
            throw new ai.brokle.release.ReleaseFailure("Maven runs offline (-o), and " + goal + " needs the network: " + why + ". Run it without -o");
        }
    }

    /** The command that runs {@code goal} with {@code arguments} where this goal runs: {@code mvn brokle-release:rollback}. */
    public String command(String goalAndArguments) {
        return commands.of(goalAndArguments);
    }

    public ReleaseOptions withComponent(String value) {
        return new ReleaseOptions(baseDirectory, value, bump, prerelease, releaseVersion, planFile, releaseBranch, environment, log,
                credentials, commands, offline);
    }

    public ReleaseOptions withBump(String value) {
        return new ReleaseOptions(baseDirectory, component, value, prerelease, releaseVersion, planFile, releaseBranch, environment, log,
                credentials, commands, offline);
    }

    public ReleaseOptions withPrerelease(String value) {
        return new ReleaseOptions(baseDirectory, component, bump, value, releaseVersion, planFile, releaseBranch, environment, log,
                credentials, commands, offline);
    }

    public ReleaseOptions withReleaseVersion(String value) {
        return new ReleaseOptions(baseDirectory, component, bump, prerelease, value, planFile, releaseBranch, environment, log,
                credentials, commands, offline);
    }

    public ReleaseOptions withPlanFile(Path value) {
        return new ReleaseOptions(baseDirectory, component, bump, prerelease, releaseVersion, value, releaseBranch, environment, log,
                credentials, commands, offline);
    }

    public ReleaseOptions withReleaseBranch(String value) {
        return new ReleaseOptions(baseDirectory, component, bump, prerelease, releaseVersion, planFile, value, environment, log,
                credentials, commands, offline);
    }

    public ReleaseOptions withEnvironment(Map<String, String> value) {
        return new ReleaseOptions(baseDirectory, component, bump, prerelease, releaseVersion, planFile, releaseBranch, Map.copyOf(value), log,
                credentials.withEnvironment(value), commands, offline);
    }

    public ReleaseOptions withLog(ReleaseLog value) {
        return new ReleaseOptions(baseDirectory, component, bump, prerelease, releaseVersion, planFile, releaseBranch, environment, value,
                credentials, commands, offline);
    }

    /** With the settings.xml servers and the mask; the environment stays this options' own. */
    public ReleaseOptions withCredentials(Credentials value) {
        return new ReleaseOptions(baseDirectory, component, bump, prerelease, releaseVersion, planFile, releaseBranch, environment, log,
                value.withEnvironment(environment), commands, offline);
    }

    String env(String name) {
        String v = environment.get(name);
        return v == null || v.isBlank() ? null : v;
    }
}
