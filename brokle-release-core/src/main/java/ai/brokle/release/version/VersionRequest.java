package ai.brokle.release.version;

import ai.brokle.release.ReleaseFailure;
import java.util.ArrayList;
import java.util.List;

/**
 * What the user asked for on the command line: a forced bump, a pre-release channel, or an exact
 * version. All may be absent, and then commits decide.
 *
 * @param bump forced bump, or null to infer it from commits
 * @param channel pre-release channel such as {@code beta}, or null for a stable release
 * @param explicitVersion exact next version, or null
 */
public record VersionRequest(RequestedBump bump, String channel, SemVer explicitVersion) {
    public static final VersionRequest INFER = new VersionRequest(null, null, null);

    /**
     * Builds a request from the raw property values ({@code brokle.bump}, {@code brokle.prerelease},
     * {@code brokle.releaseVersion}), reporting every bad value at once.
     */
    public static VersionRequest fromProperties(String bump, String channel, String releaseVersion) {
        List<String> problems = new ArrayList<>();
        RequestedBump requested = null;
        if (notBlank(bump)) {
            requested = RequestedBump.fromLabel(bump.trim());
            if (requested == null) {
                problems.add("brokle.bump: '" + bump + "' is not a bump; use one of major, minor, patch, promote");
            }
        }
        String ch = null;
        if (notBlank(channel)) {
            ch = channel.trim();
            if (!isChannel(ch)) {
                problems.add("brokle.prerelease: '" + channel + "' is not a pre-release channel; use one identifier of"
                        + " ASCII letters, digits and '-' that is not only digits, such as alpha, beta or rc");
            }
        }
        SemVer explicit = null;
        if (notBlank(releaseVersion)) {
            String text = releaseVersion.trim();
            try {
                explicit = SemVer.parse(text);
            } catch (InvalidVersionException e) {
                problems.add("brokle.releaseVersion: " + e.getMessage());
            }
        }
        if (notBlank(releaseVersion) && (requested != null || ch != null)) {
            problems.add("brokle.releaseVersion names the version exactly; leave out brokle.bump and brokle.prerelease with it");
        }
        if (requested == RequestedBump.PROMOTE && ch != null) {
            problems.add("brokle.bump=promote releases the current pre-release as stable; leave out brokle.prerelease with it");
        }
        if (!problems.isEmpty()) {
            throw new ReleaseFailure("Invalid release request", problems);
        }
        return new VersionRequest(requested, ch, explicit);
    }

    /** A channel is one SemVer pre-release identifier that is not purely numeric. */
    public static boolean isChannel(String channel) {
        if (channel.isEmpty() || SemVer.isDigits(channel)) {
            return false;
        }
        for (int i = 0; i < channel.length(); i++) {
            if (!SemVer.isIdentifierChar(channel.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
