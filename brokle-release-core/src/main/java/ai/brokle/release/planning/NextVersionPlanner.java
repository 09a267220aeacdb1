package ai.brokle.release.planning;

import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.commits.ConventionalCommit;
import ai.brokle.release.commits.ConventionalCommitParser;
import ai.brokle.release.commits.RevertPairs;
import ai.brokle.release.config.ComponentConfig;
import ai.brokle.release.config.ReleaseConfig;
import ai.brokle.release.config.VersionFileConfig;
import ai.brokle.release.files.VersionFileReader;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.git.ReleaseTag;
import ai.brokle.release.version.Bump;
import ai.brokle.release.version.NextVersionCalculator;
import ai.brokle.release.version.SemVer;
import ai.brokle.release.version.VersionDecision;
import ai.brokle.release.version.VersionPolicy;
import ai.brokle.release.version.VersionRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Works out each component's next version: its latest release among the tags HEAD reaches, the
 * conventional commits since that release under its path, and the user's request.
 */
public final class NextVersionPlanner {
    /** What to tell a user whose clone lacks history. */
    public static final String SHALLOW_FIX = "the repository is a shallow clone, so its tags and commits are incomplete and the"
            + " version would be wrong; fetch the whole history: in GitHub Actions set 'fetch-depth: 0' on actions/checkout,"
            + " elsewhere run 'git fetch --unshallow --tags'";

    private final GitRepository git;
    private final VersionPolicy policy;
    private final ConventionalCommitParser parser = new ConventionalCommitParser();
    private int commitsParsed;

    public NextVersionPlanner(GitRepository git, ReleaseConfig config) {
        this.git = git;
        this.policy = config.policy();
    }

    /** Plans every component given, failing first if history is incomplete. */
    public List<ComponentPlan> plan(List<ComponentConfig> components, VersionRequest request) {
        if (git.isShallow()) {
            throw new ReleaseFailure("Cannot compute versions: " + SHALLOW_FIX);
        }
        if (git.head().isEmpty()) {
            throw new ReleaseFailure("The repository has no commits yet: commit something before releasing");
        }
        if (request.explicitVersion() != null && components.size() > 1) {
            throw new ReleaseFailure("brokle.releaseVersion sets one component's version, but " + components.size()
                    + " components are selected; name one with brokle.component");
        }
        List<ComponentPlan> plans = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ComponentConfig component : components) {
            try {
                plans.add(plan(component, request));
            } catch (ReleaseFailure e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ReleaseFailure(problems.size() == 1 ? problems.get(0) : "The next versions cannot be planned", problems);
        }
        return plans;
    }

    public ComponentPlan plan(ComponentConfig component, VersionRequest request) {
        // tags under the prefixes it had before are its earlier releases too
        List<ReleaseTag> tags = git.releaseTags(component.tagPrefixes());
        Optional<ReleaseTag> latest = git.latestReachable(tags, v -> true);
        Optional<ReleaseTag> latestStable = latest.isPresent() && !latest.get().version().isPrerelease()
                ? latest : git.latestReachable(tags, v -> !v.isPrerelease());

        ObjectId since = latest.map(t -> git.peeledCommit(t.name())).orElse(null);
        // every commit's bump, newest first; a revert of a commit in the same range cancels both (RevertPairs)
        List<String> hashes = new ArrayList<>();
        List<String> reverted = new ArrayList<>();
        List<Bump> bumps = new ArrayList<>();
        List<ConventionalCommit> bumping = new ArrayList<>();
        int count = git.commitsSince(since, component.path(), raw -> {
            ConventionalCommit commit = parser.parse(raw.hash(), raw.message(), raw.parentCount());
            commitsParsed++;
            Bump bump = commit.breaking() ? Bump.MAJOR : policy.bumpForType(commit.type());
            hashes.add(raw.hash());
            reverted.add(commit.revertedHash());
            bumps.add(bump);
            bumping.add(bump == Bump.NONE ? null : commit);
        });
        Set<String> cancelled = reverted.stream().allMatch(java.util.Objects::isNull) ? Set.of() : RevertPairs.cancelled(hashes, reverted);
        Bump[] highest = {Bump.NONE};
        ConventionalCommit[] decider = {null};
        for (int i = 0; i < bumps.size(); i++) {
            if (bumps.get(i).compareTo(highest[0]) > 0 && !cancelled.contains(hashes.get(i))) {
                highest[0] = bumps.get(i);
                decider[0] = bumping.get(i);
            }
        }

        List<SemVer> existing = new ArrayList<>(tags.size());
        tags.forEach(t -> existing.add(t.version()));
        SemVer current = latest.map(ReleaseTag::version).orElse(null);
        SemVer stable = latestStable.map(ReleaseTag::version).orElse(null);
        // a version the files already hold is never gone below: it is the current one when no tag is higher
        Optional<SemVer> inFiles = versionInFiles(component);
        String currentTag = latest.map(ReleaseTag::name).orElse(null);
        if (inFiles.isPresent() && (current == null || inFiles.get().compareTo(current) > 0)) {
            current = inFiles.get();
            stable = current.isPrerelease() ? stable : current;
            currentTag = null;
            existing.add(current);
        }
        VersionDecision decision = new NextVersionCalculator(policy).decide(current, stable, existing, highest[0], request);
        SemVer next = decision.next();
        if (next != null) {
            PythonChannels.problem(component, next, existing).ifPresent(problem -> {
                throw new ReleaseFailure(problem);
            });
        }
        return new ComponentPlan(component.name(), current, currentTag, next,
                next == null ? null : component.tagFor(next), decision.bump(), count, next == null ? null : decider[0]);
    }

    /**
     * Warnings for tags that look like releases of {@code component} (under its prefix or an earlier
     * one) but are not SemVer, so they do not count: each named, with the SemVer tag to use when a
     * PEP 440 pre-release spelling ({@code v0.1.0a1}) is recognised.
     */
    public List<String> uncountedTags(ComponentConfig component) {
        List<String> warnings = new ArrayList<>();
        List<String> prefixes = new ArrayList<>(List.of(component.tagPrefix()));
        prefixes.addAll(component.previousTagPrefixes());
        for (String prefix : prefixes) {
            for (String tag : git.versionLikeTags(prefix)) {
                String version = tag.substring(prefix.length());
                java.util.regex.Matcher pep440 = PEP440_PRE.matcher(version);
                warnings.add("Tag " + tag + " looks like a release of component '" + component.name() + "' but " + version + " is not a SemVer"
                        + " version, so it is not counted as one" + (pep440.matches() ? " (it is PEP 440 for " + pep440.group(1) + "-"
                        + PEP440_CHANNELS.get(pep440.group(2)) + "." + pep440.group(3) + "; if it was a release, tag its commit " + prefix
                        + pep440.group(1) + "-" + PEP440_CHANNELS.get(pep440.group(2)) + "." + pep440.group(3) + " too)" : ""));
            }
        }
        return warnings;
    }

    private static final java.util.regex.Pattern PEP440_PRE = java.util.regex.Pattern.compile("(\\d+\\.\\d+\\.\\d+)(a|b|rc)(\\d+)");
    private static final java.util.Map<String, String> PEP440_CHANNELS = java.util.Map.of("a", "alpha", "b", "beta", "rc", "rc");

    /** The highest SemVer version the component's version files hold (those that cannot be read are validate's business). */
    private Optional<SemVer> versionInFiles(ComponentConfig component) {
        SemVer highest = null;
        VersionFileReader reader = new VersionFileReader();
        for (VersionFileConfig file : component.versionFiles()) {
            VersionFileReader.Reading reading = reader.read(git.workTree(), file);
            for (String text : reading.versions()) {
                Optional<SemVer> v = SemVer.tryParse(text.strip());
                if (v.isPresent() && (highest == null || v.get().compareTo(highest) > 0)) {
                    highest = v.get();
                }
            }
        }
        return Optional.ofNullable(highest);
    }

    /** How many commit messages this planner has parsed, for measurements. */
    public int commitsParsed() {
        return commitsParsed;
    }
}
