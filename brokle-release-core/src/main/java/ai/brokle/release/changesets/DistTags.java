package ai.brokle.release.changesets;

import ai.brokle.release.version.SemVer;

/**
 * The npm dist-tag of a version, read from the version itself and never from a mode: a stable
 * version is {@code latest}; a pre-release is its channel ({@code 0.5.0-alpha.1} is
 * {@code alpha}), or {@code next} when the pre-release has no name, so a pre-release never
 * becomes what {@code npm install} picks by default.
 */
public final class DistTags {
    public static final String LATEST = "latest";
    public static final String NEXT = "next";

    private DistTags() {
    }

    public static String of(SemVer version) {
        if (!version.isPrerelease()) {
            return LATEST;
        }
        String first = version.prerelease().get(0);
        return first.chars().allMatch(Character::isDigit) || first.equals(LATEST) ? NEXT : first;
    }
}
