package ai.brokle.release.version;

import ai.brokle.release.ReleaseFailure;
import java.util.Collection;
import java.util.List;

/**
 * Decides a component's next version from its release history, the bump its commits ask for, and
 * the user's request.
 *
 * <p>Pre-releases work towards a target release: from 1.2.0 a feature on channel beta gives
 * 1.3.0-beta.1, and later fixes keep the 1.3.0 target (1.3.0-beta.2) because the target only moves
 * when the last stable release bumped by the new commits passes it (a breaking change gives
 * 2.0.0-beta.1). The number after the channel is one more than the highest existing tag of that
 * target and channel, compared as numbers.
 */
public final class NextVersionCalculator {
    private final VersionPolicy policy;

    public NextVersionCalculator(VersionPolicy policy) {
        this.policy = policy;
    }

    /**
     * @param latest the highest release reachable from HEAD, or null when there is none
     * @param latestStable the highest reachable release that is not a pre-release, or null
     * @param existing every release version of the component, reachable or not (to number pre-releases)
     * @param inferred the highest bump the commits since {@code latest} ask for, breaking = MAJOR
     * @param request what the user asked for
     */
    public VersionDecision decide(SemVer latest, SemVer latestStable, Collection<SemVer> existing,
            Bump inferred, VersionRequest request) {
        if (request.explicitVersion() != null) {
            SemVer explicit = request.explicitVersion();
            if (latest != null && explicit.compareTo(latest) <= 0) {
                throw new ReleaseFailure("brokle.releaseVersion " + explicit + " is not greater than the latest release "
                        + latest + "; give a higher version, or leave brokle.releaseVersion out to infer it from commits");
            }
            return new VersionDecision(explicit, "explicit");
        }
        if (request.bump() == RequestedBump.PROMOTE) {
            if (latest == null || !latest.isPrerelease()) {
                throw new ReleaseFailure("brokle.bump=promote: there is no pre-release to promote (latest release: "
                        + (latest == null ? "none" : latest) + "); use major, minor or patch instead");
            }
            return new VersionDecision(latest.release(), "promote");
        }

        boolean forced = request.bump() != null;
        Bump bump = forced ? Bump.valueOf(request.bump().name()) : inferred;
        SemVer base = latestStable != null ? latestStable : latest != null ? latest : policy.initialVersion();
        if (!forced && bump == Bump.MAJOR && base.major().signum() == 0) {
            bump = policy.breakingWhileZero();
        }
        String channel = request.channel();

        SemVer target;
        String label;
        if (latest == null) {
            if (bump == Bump.NONE) {
                return VersionDecision.NO_RELEASE;
            }
            target = policy.initialVersion();
            label = bump.label();
        } else if (!latest.isPrerelease()) {
            if (bump == Bump.NONE) {
                return VersionDecision.NO_RELEASE;
            }
            target = bump.apply(latest);
            label = bump.label();
        } else {
            SemVer pending = latest.release();
            boolean sameChannel = channel != null && channel.equals(latest.prerelease().get(0));
            if (bump == Bump.NONE && (channel == null || sameChannel)) {
                return VersionDecision.NO_RELEASE;
            }
            target = pending;
            if (bump != Bump.NONE && latestStable != null && bump.apply(latestStable).compareTo(pending) > 0) {
                target = bump.apply(latestStable);
            }
            if (!target.equals(pending)) {
                label = bump.label();
            } else {
                // same target: a further pre-release, or (without a channel) its stable release
                label = channel == null ? "promote" : "prerelease";
            }
        }

        SemVer next = channel == null ? target : target.withPrerelease(List.of(channel, nextNumber(target, channel, existing).toString()));
        if (latest != null && next.compareTo(latest) <= 0) {
            throw new ReleaseFailure("brokle.prerelease=" + channel + " would give " + next + ", which is not above the latest release "
                    + latest + "; use a channel that sorts after '" + latest.prerelease().get(0)
                    + "' (alpha < beta < rc), or brokle.bump=promote to release " + latest.release());
        }
        return new VersionDecision(next, label);
    }

    private static java.math.BigInteger nextNumber(SemVer target, String channel, Collection<SemVer> existing) {
        java.math.BigInteger highest = java.math.BigInteger.ZERO;
        for (SemVer v : existing) {
            List<String> pre = v.prerelease();
            if (pre.isEmpty() || !pre.get(0).equals(channel) || !v.release().equals(target)) {
                continue;
            }
            if (pre.size() >= 2 && SemVer.isDigits(pre.get(1))) {
                highest = highest.max(new java.math.BigInteger(pre.get(1)));
            }
        }
        return highest.add(java.math.BigInteger.ONE);
    }
}
