package ai.brokle.release.submodules;

import ai.brokle.release.changelog.ChangeHistory;
import ai.brokle.release.config.ComponentConfig;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.git.ReleaseTag;
import ai.brokle.release.version.SemVer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** How the submodule goals and the compatibility matrix read releases: newest first, dated, and whether a move crosses a major. */
public final class SubmoduleReleases {
    private SubmoduleReleases() {
    }

    /** The platform's release tags, newest version first. */
    public static List<ReleaseTag> releasesNewestFirst(GitRepository git, ComponentConfig platform) {
        List<ReleaseTag> tags = new ArrayList<>(git.releaseTags(platform.tagPrefix()));
        tags.sort(Comparator.comparing(ReleaseTag::version).reversed());
        return tags;
    }

    public static String date(long epochSeconds) {
        return ChangeHistory.date(epochSeconds);
    }

    /** Whether going from {@code from} to {@code to} changes the major version (a breaking SDK move). */
    public static boolean newMajor(SemVer from, SemVer to) {
        return !from.major().equals(to.major());
    }
}
