package ai.brokle.release.maven;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every {@code -Dbrokle.*} property of the plugin, one meaning each. A goal-specific option carries
 * its goal in its name ({@code brokle.perform.skipSteps}). {@link #MEANINGS} says what each one is:
 * its type and the words every parameter bound to it begins its description with; a test over the
 * generated plugin descriptor holds every goal to them.
 */
final class Properties {
    static final String COMPONENT = "brokle.component";
    static final String SKIP = "brokle.skip";
    static final String DRY_RUN = "brokle.dryRun";
    static final String TAG = "brokle.tag";
    static final String BUMP = "brokle.bump";
    static final String PRERELEASE = "brokle.prerelease";
    static final String RELEASE_VERSION = "brokle.releaseVersion";
    static final String RELEASE_BRANCH = "brokle.releaseBranch";
    static final String PLAN_FILE = "brokle.planFile";
    static final String OUTPUT = "brokle.output";
    static final String FROM = "brokle.from";
    static final String TO = "brokle.to";
    static final String FORMAT = "brokle.format";
    static final String CHANGELOG_FULL = "brokle.changelog.full";
    static final String PACKAGES = "brokle.packages";
    static final String SUMMARY = "brokle.summary";
    static final String PUSH = "brokle.push";
    static final String FORCE = "brokle.force";
    static final String GIT_SERVER_ID = "brokle.gitServerId";
    static final String GITHUB_SERVER_ID = "brokle.githubServerId";
    static final String PYPI_SERVER_ID = "brokle.pypiServerId";
    static final String NPM_SERVER_ID = "brokle.npmServerId";
    static final String DIST_TAG = "brokle.distTag";
    static final String PERFORM_SKIP_STEPS = "brokle.perform.skipSteps";
    static final String REPOSITORY = "brokle.repository";
    static final String EVENT_TYPE = "brokle.eventType";
    static final String PAYLOAD = "brokle.payload";
    static final String CHECKLIST = "brokle.checklist";
    static final String PASSED = "brokle.passed";
    static final String SUBMODULE = "brokle.submodule";
    static final String WARN_ONLY = "brokle.warnOnly";
    static final String BRANCH = "brokle.branch";
    static final String UPDATE_SUBMODULES_PRERELEASES = "brokle.updateSubmodules.prereleases";
    static final String CHECK = "brokle.check";
    static final String AUTO_MERGE = "brokle.autoMerge";
    static final String REASON = "brokle.reason";
    static final String ROLLBACK_SKIP_STEPS = "brokle.rollback.skipSteps";
    static final String METRICS_DIRECTORY = "brokle.metrics.directory";

    /** What a property means: the Java type of its parameters and how their descriptions begin. */
    record Meaning(String type, String begins) {
    }

    static final Map<String, Meaning> MEANINGS = new LinkedHashMap<>();

    static {
        meaning(COMPONENT, "java.lang.String", "Work on this component only");
        meaning(SKIP, "boolean", "Skip this goal");
        meaning(DRY_RUN, "boolean", "Print ");
        meaning(TAG, "java.lang.String", "The release tag");
        meaning(BUMP, "java.lang.String", "The bump");
        meaning(PRERELEASE, "java.lang.String", "The pre-release channel");
        meaning(RELEASE_VERSION, "java.lang.String", "The next version is exactly this one");
        meaning(RELEASE_BRANCH, "java.lang.String", "The branch releases are made from");
        meaning(PLAN_FILE, "java.io.File", "Write the plan as JSON to this file");
        meaning(OUTPUT, "java.io.File", "The file to write");
        meaning(FROM, "java.lang.String", "Where the range starts");
        meaning(TO, "java.lang.String", "Where the range ends");
        meaning(FORMAT, "java.lang.String", "What to render");
        meaning(CHANGELOG_FULL, "boolean", "Regenerate a whole changelog");
        meaning(PACKAGES, "java.lang.String", "The packages the change releases");
        meaning(SUMMARY, "java.lang.String", "The changelog text of the change");
        meaning(PUSH, "boolean", "Push the release commit and its tags");
        meaning(FORCE, "boolean", "Replace files that exist already");
        meaning(GIT_SERVER_ID, "java.lang.String", "The id of a server in settings.xml whose username and password");
        meaning(GITHUB_SERVER_ID, "java.lang.String", "The id of a settings.xml server whose password is the GitHub token");
        meaning(PYPI_SERVER_ID, "java.lang.String", "The id of a settings.xml server whose password is the package index's API token");
        meaning(NPM_SERVER_ID, "java.lang.String", "The id of a settings.xml server whose password is the npm token");
        meaning(DIST_TAG, "java.lang.String", "The npm dist-tag");
        meaning(PERFORM_SKIP_STEPS, "java.lang.String", "Steps of perform to leave out");
        meaning(REPOSITORY, "java.lang.String", "The receiving repository");
        meaning(EVENT_TYPE, "java.lang.String", "The event type");
        meaning(PAYLOAD, "java.lang.String", "The client payload");
        meaning(CHECKLIST, "java.lang.String", "The checklist");
        meaning(PASSED, "java.lang.String", "What this pipeline ran");
        meaning(SUBMODULE, "java.lang.String", "Work on this submodule only");
        meaning(WARN_ONLY, "boolean", "Warn instead of failing");
        meaning(BRANCH, "java.lang.String", "Commit on this branch");
        meaning(UPDATE_SUBMODULES_PRERELEASES, "boolean", "Move submodules to pre-releases too");
        meaning(CHECK, "boolean", "Fail when the file is out of date");
        meaning(AUTO_MERGE, "java.lang.String", "Merge the pull request by itself once its required checks pass");
        meaning(REASON, "java.lang.String", "Why the release is rolled back");
        meaning(ROLLBACK_SKIP_STEPS, "java.lang.String", "Steps of rollback-published to leave out");
        meaning(METRICS_DIRECTORY, "java.lang.String", "Where the metrics are written");
    }

    /** Old names that meant something else in one goal, kept for one release: goal → old property → the new one. */
    static final Map<String, Map<String, String>> RENAMED = Map.of(
            "perform", Map.of(SKIP, PERFORM_SKIP_STEPS),
            "pre-enter", Map.of(TAG, PRERELEASE),
            "update-submodules", Map.of(PRERELEASE, UPDATE_SUBMODULES_PRERELEASES));

    private static void meaning(String property, String type, String begins) {
        MEANINGS.put(property, new Meaning(type, begins));
    }

    private Properties() {
    }
}
