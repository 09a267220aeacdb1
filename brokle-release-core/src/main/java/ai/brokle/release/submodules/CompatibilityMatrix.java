package ai.brokle.release.submodules;

import ai.brokle.release.commits.ConventionalCommit;
import ai.brokle.release.commits.ConventionalCommitParser;
import ai.brokle.release.config.ComponentConfig;
import ai.brokle.release.credentials.Credentials;
import ai.brokle.release.config.ReleaseConfig;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.git.ReleaseTag;
import ai.brokle.release.git.SubmoduleLinks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * docs/SDK_COMPATIBILITY.md (strategy §6.3), from history alone: the SDK versions HEAD records, then
 * for every platform release, newest first, the SDK release each submodule pointed at, with notes
 * when an SDK crossed a major version or had breaking changes since the previous platform release.
 * The same history always gives the same text.
 */
public final class CompatibilityMatrix {
    private static final int BREAKING_LISTED = 5;

    private final GitRepository git;
    private final ComponentConfig platform;
    private final Map<String, SdkRemote> remotes;
    private final SubmoduleLinks links;
    private final ConventionalCommitParser parser = new ConventionalCommitParser();

    public CompatibilityMatrix(GitRepository git, ReleaseConfig config, ComponentConfig platform, Map<String, SdkRemote> remotes) {
        this.git = git;
        this.platform = platform;
        this.remotes = remotes;
        this.links = new SubmoduleLinks(git);
    }

    /** Where one submodule stood at one platform commit. */
    private record Pin(ObjectId commit, SdkRemote.Position position, boolean inRemote) {
        String label() {
            if (commit == null) {
                return "not a submodule yet";
            }
            if (!inRemote) {
                return commit.abbreviate(7).name() + " (not in the SDK's remote)";
            }
            return position.release() == null ? commit.abbreviate(7).name() + " (no release before it)" : position.describe();
        }
    }

    private Pin pin(ObjectId platformCommit, Submodule s) {
        Optional<ObjectId> recorded = links.recorded(platformCommit, s.path());
        if (recorded.isEmpty()) {
            return new Pin(null, null, false);
        }
        SdkRemote remote = remotes.get(s.path());
        if (remote == null || !remote.contains(recorded.get())) {
            return new Pin(recorded.get(), null, false);
        }
        return new Pin(recorded.get(), remote.position(recorded.get()), true);
    }

    /**
     * A platform release being made: its tag does not exist yet; its commit records the submodules
     * {@code head} records, and it is dated {@code date}.
     */
    public record Pending(ReleaseTag tag, String date) {
    }

    /**
     * The matrix at {@code commit} (whose submodules are {@code submodules}), reading each SDK's
     * releases from its remote (fetched into the platform's cache and closed again); with
     * {@code pending}, as it will read once that release is tagged on {@code commit}.
     */
    public static String render(GitRepository git, ReleaseConfig config, ComponentConfig platform, ObjectId commit, List<Submodule> submodules,
            Credentials credentials, Pending pending) {
        Map<String, SdkRemote> remotes = new LinkedHashMap<>();
        try {
            for (Submodule s : submodules) {
                if (s.url() != null) {
                    remotes.put(s.path(), s.fetch(git, credentials));
                }
            }
            return new CompatibilityMatrix(git, config, platform, remotes).render(commit, submodules, pending);
        } finally {
            remotes.values().forEach(SdkRemote::close);
        }
    }

    public String render(ObjectId head, List<Submodule> submodules) {
        return render(head, submodules, null);
    }

    public String render(ObjectId head, List<Submodule> submodules, Pending pending) {
        List<ReleaseTag> releases = new ArrayList<>(SubmoduleReleases.releasesNewestFirst(git, platform));
        if (pending != null) {
            releases.add(0, pending.tag());
        }
        StringBuilder out = new StringBuilder("# SDK Version Compatibility Matrix\n\n");
        out.append("Written by `mvn brokle-release:compatibility-matrix` from the platform's release tags and the SDK commits their\n"
                + "submodules record; `-Dbrokle.check=true` fails in CI when it is out of date. Do not edit by hand.\n\n");
        out.append("## Current SDK Versions (").append(pending != null ? "newest platform release: " + pending.tag().name()
                : asOf(head, releases)).append(")\n\n");
        out.append("| SDK | Version | Commit | Release Date | Notes |\n| --- | --- | --- | --- | --- |\n");
        List<String> checkouts = new ArrayList<>();
        for (Submodule s : submodules) {
            Pin p = pin(head, s);
            out.append("| ").append(s.config().name()).append(" | ");
            if (p.commit() == null) {
                out.append("— | — | — | Not recorded |\n");
            } else if (!p.inRemote()) {
                out.append("— | ").append(p.commit().abbreviate(7).name()).append(" | — | Not in the SDK's remote |\n");
            } else if (p.position().onRelease()) {
                SdkRemote.Release r = p.position().release();
                out.append(r.version()).append(" | ").append(p.commit().abbreviate(7).name()).append(" | ")
                        .append(SubmoduleReleases.date(remotes.get(s.path()).releaseTime(r))).append(" | ")
                        .append(r.version().isPrerelease() ? "Pre-release" : "Stable").append(" |\n");
                checkouts.add("cd " + s.path() + " && git checkout " + r.tag() + " && cd -");
            } else {
                out.append(p.position().describe()).append(" | ").append(p.commit().abbreviate(7).name()).append(" | — | Not a release |\n");
            }
        }
        out.append("\n## Version History\n");
        for (int i = 0; i < releases.size(); i++) {
            ReleaseTag tag = releases.get(i);
            boolean made = pending != null && i == 0;
            ObjectId commit = made ? head : git.peeledCommit(tag.name());
            out.append("\n### Platform ").append(tag.name()).append(" (").append(made ? pending.date() : SubmoduleReleases.date(git.tagTime(tag.name())))
                    .append(")\n\n");
            List<String> breaking = new ArrayList<>();
            for (Submodule s : submodules) {
                Pin now = pin(commit, s);
                out.append("- ").append(s.config().name()).append(": ").append(now.label()).append('\n');
                if (i + 1 < releases.size()) {
                    breaking.addAll(breaking(s, pin(git.peeledCommit(releases.get(i + 1).name()), s), now));
                }
            }
            if (breaking.isEmpty()) {
                out.append("- Breaking changes: None\n");
            } else {
                out.append("- Breaking changes:\n");
                breaking.forEach(b -> out.append("  - ").append(b).append('\n'));
            }
        }
        if (releases.isEmpty()) {
            out.append("\nNo platform release yet (tags ").append(platform.tagPrefix()).append("<version>).\n");
        }
        out.append("\n## Testing Compatibility\n\nRun the integration tests with the SDK versions above:\n\n```bash\n");
        checkouts.forEach(c -> out.append(c).append('\n'));
        out.append("make test-integration\n```\n");
        return out.toString();
    }

    /**
     * The newest platform release reachable from {@code head}. Neither a count of later commits nor
     * whether HEAD is the tagged commit is named, so that a commit that moves no submodule (the one
     * committing this file included) leaves the file as it is and its check in CI stays green.
     */
    private String asOf(ObjectId head, List<ReleaseTag> releases) {
        Optional<ReleaseTag> latest = git.latestReachableFrom(head, releases, v -> true);
        return latest.map(tag -> "newest platform release: " + tag.name()).orElse("no platform release yet");
    }

    /** What an SDK broke between two platform releases: a new major version, and its breaking commits. */
    private List<String> breaking(Submodule s, Pin before, Pin after) {
        List<String> out = new ArrayList<>();
        if (!before.inRemote() || !after.inRemote() || before.commit().equals(after.commit())) {
            return out;
        }
        String span = s.config().name() + " " + before.label() + " → " + after.label();
        SdkRemote.Release from = before.position().release();
        SdkRemote.Release to = after.position().release();
        if (from != null && to != null && SubmoduleReleases.newMajor(from.version(), to.version())) {
            out.add(span + ": new major version");
        }
        int listed = 0;
        for (RevCommit c : remotes.get(s.path()).between(before.commit(), after.commit())) {
            ConventionalCommit parsed = parser.parse(c.name(), c.getFullMessage(), c.getParentCount());
            if (parsed.breaking() && listed++ < BREAKING_LISTED) {
                out.add(span + ": " + c.getShortMessage() + " (" + c.abbreviate(7).name() + ")");
            }
        }
        return out;
    }
}
