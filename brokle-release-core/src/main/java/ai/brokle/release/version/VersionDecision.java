package ai.brokle.release.version;

/**
 * The outcome of {@link NextVersionCalculator}: the next version, or null when nothing warrants a
 * release, and the bump that led there (major, minor, patch, prerelease, promote, explicit).
 */
public record VersionDecision(SemVer next, String bump) {
    public static final VersionDecision NO_RELEASE = new VersionDecision(null, null);

    public boolean releases() {
        return next != null;
    }
}
