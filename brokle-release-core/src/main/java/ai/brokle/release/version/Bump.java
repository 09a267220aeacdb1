package ai.brokle.release.version;

import java.util.Locale;

/** How far a change moves a version, in increasing order. */
public enum Bump {
    NONE, PATCH, MINOR, MAJOR;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public SemVer apply(SemVer version) {
        switch (this) {
            case MAJOR:
                return version.nextMajor();
            case MINOR:
                return version.nextMinor();
            case PATCH:
                return version.nextPatch();
            default:
                return version.release();
        }
    }

    public Bump max(Bump other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** Parses a configured bump name (none, patch, minor, major); null when unknown. */
    public static Bump fromLabel(String label) {
        for (Bump b : values()) {
            if (b.label().equals(label)) {
                return b;
            }
        }
        return null;
    }
}
