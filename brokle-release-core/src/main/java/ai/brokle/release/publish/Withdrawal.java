package ai.brokle.release.publish;

import ai.brokle.release.git.ReleaseTag;
import ai.brokle.release.version.SemVer;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A published release being rolled back: the bad release, why, and the releases of its component
 * that stay good (every other release tag, less those rolled back before), newest first. Each
 * rollback step moves what the bad release took (a floating image tag, an npm dist-tag, the latest
 * GitHub release) back to the good release that would hold it had the bad one never been made.
 *
 * @param bad the release being rolled back
 * @param reason why, as the deprecation, the release's warning and the record say it
 * @param good the component's other releases, newest first
 */
public record Withdrawal(ReleaseTarget bad, String reason, List<ReleaseTag> good) {
    public Withdrawal {
        good = good.stream().filter(t -> !t.name().equals(bad.tag())).sorted(Comparator.comparing(ReleaseTag::version).reversed()).toList();
    }

    /** The newest good release whose version {@code wanted} accepts. */
    public Optional<ReleaseTag> previous(Predicate<SemVer> wanted) {
        return good.stream().filter(t -> wanted.test(t.version())).findFirst();
    }

    /** The newest good stable release below the bad one, which takes its place as the latest. */
    public Optional<ReleaseTag> previousStable() {
        return previous(v -> !v.isPrerelease() && v.compareTo(bad.version()) < 0);
    }

    /** The versions of the good releases. */
    public List<SemVer> goodVersions() {
        return good.stream().map(ReleaseTag::version).toList();
    }

    /** The one-line notice the deprecation and the release's warning carry. */
    public String notice() {
        return bad.tag() + " was rolled back: " + reason + previousStable().map(t -> "; use " + t.name() + " instead").orElse("");
    }
}
