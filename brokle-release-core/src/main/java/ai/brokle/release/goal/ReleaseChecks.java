package ai.brokle.release.goal;

import ai.brokle.release.Problem;
import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.changelog.ChangelogFile;
import ai.brokle.release.changesets.ReleasePlan;
import ai.brokle.release.config.ComponentConfig;
import ai.brokle.release.config.ConfigLoader;
import ai.brokle.release.config.ReleaseConfig;
import ai.brokle.release.config.VersionFileConfig;
import ai.brokle.release.files.RepositoryPath;
import ai.brokle.release.files.VersionFileReader;
import ai.brokle.release.git.GitCredentials;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.git.ReleaseWriter;
import ai.brokle.release.git.RemotePush;
import ai.brokle.release.plan.PrepareState;
import ai.brokle.release.planning.ChangesetComponent;
import ai.brokle.release.planning.ComponentPlan;
import ai.brokle.release.planning.NextVersionPlanner;
import ai.brokle.release.submodules.SubmoduleChecks;
import ai.brokle.release.text.Utf8;
import ai.brokle.release.version.SemVer;
import ai.brokle.release.version.VersionRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Whether a release could start now, against the next versions: configuration, branch, work tree,
 * tags, version files and changelogs. {@code validate} reports what it finds; {@code prepare} takes
 * the same findings (configuration, components, plans) and goes on from them.
 */
public final class ReleaseChecks {
    private static final int REMOTE_TIMEOUT_SECONDS = 30;
    private static final int LISTED_PATHS = 10;

    private final ReleaseOptions options;
    private final List<String> problems = new ArrayList<>();
    private List<ComponentConfig> checkedComponents = List.of();
    private List<ComponentPlan> checkedPlans = List.of();
    /** The release plan of each change-file component, by name, read once and handed to prepare. */
    private final Map<String, ReleasePlan> changesetPlans = new HashMap<>();
    private final List<Problem> configProblems = new ArrayList<>();
    /** The remote's refs, listed once for every component and the branch; null until asked. */
    private Map<String, ObjectId> remoteRefs;
    /** Whether the branch is behind its upstream as last fetched: said already, so the remote's own state need not be. */
    private boolean behindUpstream;
    private boolean remoteUnreachable;

    public ReleaseChecks(ReleaseOptions options) {
        this.options = options;
    }

    /**
     * What the checks found: the configuration, the components looked at with their plans (empty
     * when they could not be planned), and every problem.
     */
    public record Checked(ReleaseConfig config, List<ComponentConfig> components, List<ComponentPlan> plans, List<String> problems,
            Map<String, ReleasePlan> changesetPlans, List<Problem> configProblems) {
        /** The failure reporting {@code problems} (these and others), configuration problems on their lines. */
        public ReleaseFailure failure(String summary, List<String> all) {
            return ReleaseFailure.located(summary, Problem.locate(all, configProblems));
        }
    }

    /** Runs every check against the next versions; changes nothing. */
    public Checked check(GitRepository git) {
        VersionRequest request = null;
        try {
            request = VersionRequest.fromProperties(options.bump(), options.prerelease(), options.releaseVersion());
        } catch (ReleaseFailure e) {
            problems.addAll(e.problems());
        }
        ReleaseConfig config = null;
        try {
            config = ConfigLoader.load(git.workTree());
        } catch (ReleaseFailure e) {
            problems.addAll(e.problems());
            configProblems.addAll(e.located());
        }
        boolean shallow = git.isShallow();
        if (shallow) {
            problems.add(capitalize(NextVersionPlanner.SHALLOW_FIX));
        }
        checkWorkTree(git);
        checkBranch(git, config);
        if (config != null && !shallow && request != null) {
            checkComponents(git, config, request);
        }
        if (config != null) {
            problems.addAll(new SubmoduleChecks(options.credentials(), options.log()).releaseProblems(git, config, options.commands()));
        }
        return new Checked(config, checkedComponents, checkedPlans, List.copyOf(problems), Map.copyOf(changesetPlans), List.copyOf(configProblems));
    }

    private void checkWorkTree(GitRepository git) {
        Set<String> unclean = new java.util.TreeSet<>(git.uncleanPaths());
        // a submodule checked out at another commit than the one recorded is no uncommitted work: say how to align it
        for (String path : List.copyOf(unclean)) {
            if (git.isSubmodule(path)) {
                unclean.remove(path);
                problems.add("Submodule " + path + " is checked out at another commit than the one this commit records: run 'git submodule"
                        + " update --init " + path + "' to check out the recorded one, or record the checked-out one with 'git add " + path
                        + "' and a commit");
            }
        }
        if (!unclean.isEmpty()) {
            List<String> shown = new ArrayList<>(unclean).subList(0, Math.min(LISTED_PATHS, unclean.size()));
            problems.add("The work tree has uncommitted changes (" + String.join(", ", shown)
                    + (unclean.size() > LISTED_PATHS ? " and " + (unclean.size() - LISTED_PATHS) + " more" : "")
                    + "): commit them, or set them aside with 'git stash --include-untracked'");
        }
    }

    private void checkBranch(GitRepository git, ReleaseConfig config) {
        String wanted = notBlank(options.releaseBranch()) ? options.releaseBranch().trim()
                : config != null ? config.releaseBranch() : ReleaseConfig.DEFAULT_BRANCH;
        String setting = notBlank(options.releaseBranch()) ? "brokle.releaseBranch" : "releaseBranch in " + ReleaseConfig.FILE_NAME;
        var branch = git.currentBranch();
        String ref = options.env("GITHUB_REF");
        if (branch.isEmpty() && ref != null && ref.startsWith("refs/tags/") && git.hasLocalTag(ref.substring("refs/tags/".length()))
                && git.head().map(git.peeledCommit(ref.substring("refs/tags/".length()))::equals).orElse(false)) {
            // a workflow run on a tag push: the checkout is the tag; it must be a commit of the release branch
            String tag = ref.substring("refs/tags/".length());
            if (git.onBranch(git.peeledCommit(tag), config == null ? ReleaseConfig.DEFAULT_REMOTE : config.remote(), wanted)) {
                options.log().info("HEAD is the tag " + tag + " (GITHUB_REF), a commit of the release branch '" + wanted + "'");
            } else {
                problems.add("The tag " + tag + " (GITHUB_REF) is not on the release branch '" + wanted + "': tag a commit of '" + wanted
                        + "' (fetch the branch with actions/checkout's fetch-depth: 0), or change " + setting);
            }
            return;
        }
        if (branch.isEmpty()) {
            problems.add("HEAD is detached, not on the release branch '" + wanted + "': check it out ('git checkout " + wanted
                    + "'), or name another release branch with " + setting);
            return;
        }
        if (!branch.get().equals(wanted)) {
            problems.add("The current branch is '" + branch.get() + "' but releases are made from '" + wanted + "': check out '"
                    + wanted + "', or change " + setting);
        }
        git.behindUpstream(branch.get()).filter(n -> n > 0).ifPresent(n -> {
            behindUpstream = true;
            problems.add("Branch '" + branch.get() + "' is " + n + " commit" + (n == 1 ? "" : "s") + " behind its upstream: bring it up to"
                    + " date first ('git pull --rebase')");
        });
    }

    private void checkComponents(GitRepository git, ReleaseConfig config, VersionRequest request) {
        List<ComponentConfig> components;
        List<ComponentPlan> plans;
        try {
            components = config.select(options.component());
            plans = new ArrayList<>(new NextVersionPlanner(git, config).plan(components, request));
        } catch (ReleaseFailure e) {
            problems.addAll(e.problems());
            return;
        }
        for (int i = 0; i < components.size(); i++) {
            ComponentConfig component = components.get(i);
            if (!component.changesets()) {
                continue;
            }
            if (!request.equals(VersionRequest.INFER)) {
                problems.add(ChangesetComponent.forcedVersionRefused(component));
            }
            try {
                ChangesetComponent changesets = new ChangesetComponent(git, component);
                ReleasePlan releasePlan = changesets.releasePlan();
                changesetPlans.put(component.name(), releasePlan);
                plans.set(i, changesets.plan(plans.get(i), releasePlan));
            } catch (ReleaseFailure e) {
                e.problems().forEach(p -> problems.add("Component '" + component.name() + "': " + p));
                plans.set(i, changesetsUnplanned(plans.get(i)));
            }
        }
        checkedComponents = components;
        checkedPlans = plans;
        checkUnpushedRelease(git);
        NextVersionPlanner tagReader = new NextVersionPlanner(git, config);
        components.forEach(c -> tagReader.uncountedTags(c).forEach(options.log()::warn));
        // offline (-o): the remote is not asked; what only it can say is not checked, and the log says so
        boolean hasRemote = git.hasRemote(config.remote()) && !options.offline();
        RemotePush remote = hasRemote ? new RemotePush(git, config.remote(), GitCredentials.of(options.credentials()), REMOTE_TIMEOUT_SECONDS) : null;
        VersionFileReader reader = new VersionFileReader();
        for (int i = 0; i < components.size(); i++) {
            ComponentConfig component = components.get(i);
            ComponentPlan plan = plans.get(i);
            if (plan.releases()) {
                checkTagIsFree(git, config, component, plan, remote);
            }
            for (VersionFileConfig file : component.versionFiles()) {
                checkVersionFile(git.workTree(), reader, component, plan, file);
            }
            // the changelog holds the current release's section once it was released (tagged); a version only the files hold has none yet
            if (component.changelogPath() != null && plan.currentVersion() != null && plan.currentTag() != null) {
                checkChangelog(git.workTree(), component, plan.currentVersion());
            }
        }
        if (!hasRemote) {
            options.log().info(options.offline() ? "Maven runs offline (-o): the remote's tags and branch were not compared"
                    : "No remote '" + config.remote() + "' is configured, so the remote tags were not checked");
        } else {
            checkRemoteBranch(git, config, remote);
        }
    }

    /** The remote's refs, listed once; null (and a problem) when the remote cannot be reached. */
    private Map<String, ObjectId> remoteRefs(ReleaseConfig config, RemotePush remote) {
        if (remoteRefs == null && !remoteUnreachable) {
            try {
                remoteRefs = remote.refs();
            } catch (ReleaseError e) {
                remoteUnreachable = true;
                problems.add(e.getMessage() + ": check the remote's URL and credentials (BROKLE_GIT_USERNAME/BROKLE_GIT_PASSWORD"
                        + " or GITHUB_TOKEN), or set 'remote' in " + ReleaseConfig.FILE_NAME);
            }
        }
        return remoteRefs;
    }

    /**
     * The branch as it is on the remote now, not as the clone last fetched it: when the remote has
     * commits the clone lacks, the release commit could not be pushed, so nothing is made.
     */
    private void checkRemoteBranch(GitRepository git, ReleaseConfig config, RemotePush remote) {
        Optional<String> branch = git.currentBranch();
        Map<String, ObjectId> refs = remoteRefs(config, remote);
        if (branch.isEmpty() || refs == null || git.head().isEmpty() || behindUpstream) {
            return;
        }
        ObjectId there = refs.get(Constants.R_HEADS + branch.get());
        ObjectId head = git.head().get();
        if (there == null || there.equals(head) || new ReleaseWriter(git).isAncestor(there, head)) {
            return;
        }
        problems.add("Remote " + git.describeRemote(config.remote()) + " has commits on '" + branch.get() + "' that this clone lacks (it is"
                + " at " + there.name().substring(0, 7) + "): someone pushed since this clone last fetched. Bring them in first ('git pull"
                + " --rebase " + config.remote() + " " + branch.get() + "'), then run again");
    }

    /**
     * An unpushed release of an earlier prepare whose commit is no longer the branch's tip (a
     * 'git pull --rebase' copied it onto new commits): its tags and version files would mislead
     * every check, so it is named with the one way out.
     */
    private void checkUnpushedRelease(GitRepository git) {
        Optional<PrepareState> state = PrepareState.read(git.gitDirectory()).filter(st -> st.commit != null
                && !st.isDone(PrepareState.PUSH_STEP) && st.rollback == null);
        if (state.isEmpty() || git.head().isEmpty()
                || new ReleaseWriter(git).isAncestor(ObjectId.fromString(state.get().commit), git.head().get())) {
            return;
        }
        List<String> tags = state.get().tags.keySet().stream().filter(git::hasLocalTag).toList();
        if (!tags.isEmpty()) {
            problems.add(String.join(", ", tags) + (tags.size() == 1 ? " is the unpushed release" : " are the unpushed releases")
                    + " an earlier prepare made, whose commit is no longer the branch's tip (after 'git pull --rebase'?): drop it with"
                    + " '" + options.command("rollback") + "', then prepare again");
        }
    }

    /** Whether the next tag exists locally or on the remote, whose refs are listed once for every component. */
    private void checkTagIsFree(GitRepository git, ReleaseConfig config, ComponentConfig component, ComponentPlan plan, RemotePush remote) {
        String remedy = "; if that release was made, fetch its tag ('git fetch --tags'), otherwise delete the stray tag";
        boolean unpushed = PrepareState.read(git.gitDirectory()).map(st -> st.tags.containsKey(plan.tag()) && !st.isDone(PrepareState.PUSH_STEP)
                && st.rollback == null).orElse(false);
        if (git.hasLocalTag(plan.tag()) && !unpushed) {
            problems.add("The next tag of component '" + component.name() + "', " + plan.tag() + ", already exists locally but is not"
                    + " reachable from HEAD" + remedy + " ('git tag -d " + plan.tag() + "')");
        }
        Map<String, ObjectId> refs = remote == null ? null : remoteRefs(config, remote);
        if (refs != null && refs.containsKey(Constants.R_TAGS + plan.tag())) {
            problems.add("The next tag of component '" + component.name() + "', " + plan.tag() + ", already exists on remote "
                    + git.describeRemote(config.remote()) + remedy);
        }
    }

    private void checkVersionFile(Path root, VersionFileReader reader, ComponentConfig component, ComponentPlan plan, VersionFileConfig file) {
        VersionFileReader.Reading reading = reader.read(root, file);
        if (reading.problem() != null) {
            problems.add("Component '" + component.name() + "': " + reading.problem());
            return;
        }
        SemVer current = plan.currentVersion();
        if (current == null) {
            return;
        }
        boolean matches = reading.versions().size() == 1 && VersionFileReader.sameVersion(reading.versions().iterator().next(), current);
        if (!matches) {
            problems.add("Component '" + component.name() + "': " + file.path() + " holds " + String.join(", ", reading.versions())
                    + " but the current release is " + current + (plan.currentTag() == null ? " (the highest the version files hold)"
                            : " (tag " + plan.currentTag() + ")") + "; set it to " + current
                    + " in a commit before releasing");
        }
    }

    private void checkChangelog(Path root, ComponentConfig component, SemVer current) {
        Optional<String> unsafe = RepositoryPath.problem(root, component.changelogPath());
        if (unsafe.isPresent()) {
            problems.add("Component '" + component.name() + "': changelog " + unsafe.get());
            return;
        }
        Path file = root.resolve(component.changelogPath());
        if (!Files.isRegularFile(file)) {
            problems.add("Component '" + component.name() + "': the changelog " + component.changelogPath() + " does not exist; create it"
                    + " or fix 'changelog' in " + ReleaseConfig.FILE_NAME);
            return;
        }
        try {
            if (!ChangelogFile.hasSection(Utf8.decode(Files.readAllBytes(file)), current.toString())) {
                problems.add("Component '" + component.name() + "': " + component.changelogPath() + " has no entry for the current release "
                        + current + "; add a '## [" + current + "] - <date>' section");
            }
        } catch (Utf8.NotUtf8 e) {
            problems.add("Component '" + component.name() + "': " + component.changelogPath() + " is " + e.getMessage() + "; the release"
                    + " rewrites it, so it must be UTF-8 text (convert it, e.g. iconv -f latin1 -t utf-8)");
        } catch (IOException e) {
            problems.add("Component '" + component.name() + "': " + component.changelogPath() + " cannot be read (" + e.getMessage() + ")");
        }
    }

    /** A component whose change files could not be read releases nothing. */
    private static ComponentPlan changesetsUnplanned(ComponentPlan plan) {
        return new ComponentPlan(plan.name(), plan.currentVersion(), plan.currentTag(), null, null, null, plan.commits(), null);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
