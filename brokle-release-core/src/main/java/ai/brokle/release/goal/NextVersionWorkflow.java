package ai.brokle.release.goal;

import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.ReleaseLog;
import ai.brokle.release.changesets.ChangesetDirectory;
import ai.brokle.release.ci.GitHubActions;
import ai.brokle.release.changesets.PreState;
import ai.brokle.release.changesets.ReleasePlan;
import ai.brokle.release.config.ComponentConfig;
import ai.brokle.release.config.ConfigLoader;
import ai.brokle.release.config.ReleaseConfig;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.planning.ChangesetComponent;
import ai.brokle.release.planning.ComponentPlan;
import ai.brokle.release.planning.NextVersionPlanner;
import ai.brokle.release.planning.PlanWriter;
import ai.brokle.release.version.Bump;
import ai.brokle.release.version.VersionRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The {@code next-version} goal: prints each component's next version and writes the plan. */
public final class NextVersionWorkflow {
    private final ReleaseOptions options;

    public NextVersionWorkflow(ReleaseOptions options) {
        this.options = options;
    }

    public List<ComponentPlan> execute() {
        VersionRequest request = VersionRequest.fromProperties(options.bump(), options.prerelease(), options.releaseVersion());
        // the configuration is read while JGit opens the repository: both mostly load classes
        GitRepository.Location location = GitRepository.locate(options.baseDirectory());
        CompletableFuture<ReleaseConfig> reading = Concurrently.start(() -> ConfigLoader.load(location.workTree()));
        try (GitRepository git = GitRepository.open(location)) {
            ReleaseConfig config = Concurrently.join(reading);
            List<ComponentConfig> components = config.select(options.component());
            NextVersionPlanner planner = new NextVersionPlanner(git, config);
            List<ComponentPlan> plans = new ArrayList<>(planner.plan(components, request));
            List<ReleasePlan> fromChangeFiles = new ArrayList<>();
            List<String> refused = new ArrayList<>();
            for (int i = 0; i < plans.size(); i++) {
                ReleasePlan releases = null;
                if (components.get(i).changesets()) {
                    // as prepare does: the change files (and the pre-release mode) decide, not the commits
                    if (!request.equals(VersionRequest.INFER)) {
                        refused.add(ChangesetComponent.forcedVersionRefused(components.get(i)));
                    }
                    ChangesetComponent changesets = new ChangesetComponent(git, components.get(i));
                    releases = changesets.releasePlan();
                    plans.set(i, changesets.plan(plans.get(i), releases));
                }
                fromChangeFiles.add(releases);
            }
            if (!refused.isEmpty()) {
                throw new ReleaseFailure("The version cannot be forced", refused);
            }
            for (int i = 0; i < plans.size(); i++) {
                report(components.get(i), plans.get(i), fromChangeFiles.get(i), options.log());
                planner.uncountedTags(components.get(i)).forEach(options.log()::warn);
            }
            ReleaseLog log = options.log();
            if (options.planFile() != null) {
                PlanWriter.writeJson(plans, options.planFile());
                log.info("Plan written to " + options.planFile());
            }
            GitHubActions actions = new GitHubActions(options.environment(), System.out);
            if (options.env("GITHUB_OUTPUT") != null) {
                actions.outputs(PlanWriter.githubOutputs(plans));
                log.info("Step outputs appended to GITHUB_OUTPUT");
            }
            actions.summary(PlanWriter.summary(plans));
            return plans;
        }
    }

    private static void report(ComponentConfig component, ComponentPlan p, ReleasePlan changeFiles, ReleaseLog log) {
        log.info(p.name());
        log.info("  current version : " + (p.currentVersion() == null ? "none (no release tag yet)" : p.currentVersion()
                + (p.currentTag() == null ? " (what the version files hold; no release tag of it)" : " (tag " + p.currentTag() + ")")));
        if (p.releases()) {
            log.info("  next version    : " + p.nextVersion());
            log.info("  tag             : " + p.tag());
            if (changeFiles != null) {
                log.info("  decided by      : " + describe(changeFiles));
            } else {
                log.info("  bump            : " + p.bump() + (p.decidingCommit() == null ? ""
                        : ", decided by " + p.decidingCommit().hash().substring(0, 10) + " " + p.decidingCommit().header()));
            }
        } else if (changeFiles != null) {
            log.info("  next version    : none (" + describe(changeFiles) + ")");
        } else {
            log.info("  next version    : none (no commit since the current release warrants one)");
        }
        log.info("  commits         : " + p.commits() + (p.currentTag() == null ? " in history" : " since " + p.currentTag()) + " under " + component.displayPath());
    }

    /** The change files behind a release plan, and the pre-release mode when it is on. */
    private static String describe(ReleasePlan plan) {
        int files = plan.changesets().size();
        String pre = plan.preState().filter(PreState::inPreMode).map(s -> ", pre-release mode '" + s.tag() + "'").orElse("");
        if (files == 0) {
            return "no change file in " + ChangesetDirectory.NAME + "/" + pre;
        }
        List<String> releases = plan.releases().stream().filter(r -> r.type() != Bump.NONE)
                .map(r -> r.name() + " " + r.oldVersion() + " -> " + r.newVersion() + " (" + r.type().label() + ")").toList();
        return files + " change file" + (files == 1 ? "" : "s") + " in " + ChangesetDirectory.NAME + "/" + pre
                + (releases.isEmpty() ? "" : ": " + String.join(", ", releases));
    }
}
