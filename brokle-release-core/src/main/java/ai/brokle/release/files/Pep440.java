package ai.brokle.release.files;

import ai.brokle.release.version.SemVer;
import java.util.List;
import java.util.Map;

/**
 * The PEP 440 spelling of a SemVer version, which Python packaging normalizes to:
 * 1.3.0-beta.1 is 1.3.0b1, 1.3.0-rc.2 is 1.3.0rc2, 1.3.0-alpha.3 is 1.3.0a3.
 */
public final class Pep440 {
    private static final Map<String, String> CHANNELS = Map.of("alpha", "a", "a", "a", "beta", "b", "b", "b", "rc", "rc", "c", "rc",
            "dev", ".dev", "post", ".post");

    private Pep440() {
    }

    /** The PEP 440 form, or the SemVer text itself when the pre-release has no PEP 440 equivalent. */
    public static String fromSemVer(SemVer version) {
        String release = version.major() + "." + version.minor() + "." + version.patch();
        List<String> pre = version.prerelease();
        if (pre.isEmpty()) {
            return release;
        }
        String channel = CHANNELS.get(pre.get(0).toLowerCase(java.util.Locale.ROOT));
        if (channel == null || pre.size() > 2 || (pre.size() == 2 && !pre.get(1).chars().allMatch(Character::isDigit))) {
            return version.toString();
        }
        return release + channel + (pre.size() == 2 ? pre.get(1) : "0");
    }
}
