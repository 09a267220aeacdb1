package ai.brokle.release.version;

import java.util.Map;
import java.util.Objects;

/**
 * The rules that turn commits into a bump: which commit type bumps what, what a breaking change
 * does while the major version is 0, and the version of a component's first release.
 */
public final class VersionPolicy {
    public static final Map<String, Bump> DEFAULT_TYPE_BUMPS = Map.of("feat", Bump.MINOR, "fix", Bump.PATCH, "perf", Bump.PATCH);
    public static final SemVer DEFAULT_INITIAL_VERSION = SemVer.of(0, 1, 0);

    private final Map<String, Bump> typeBumps;
    private final Bump breakingWhileZero;
    private final SemVer initialVersion;

    public VersionPolicy(Map<String, Bump> typeBumps, Bump breakingWhileZero, SemVer initialVersion) {
        this.typeBumps = Map.copyOf(typeBumps);
        this.breakingWhileZero = Objects.requireNonNull(breakingWhileZero);
        this.initialVersion = Objects.requireNonNull(initialVersion);
    }

    public static VersionPolicy defaults() {
        return new VersionPolicy(DEFAULT_TYPE_BUMPS, Bump.MINOR, DEFAULT_INITIAL_VERSION);
    }

    /** The bump a commit of this type asks for; types are case-insensitive, as Conventional Commits says. */
    public Bump bumpForType(String type) {
        if (type == null) {
            return Bump.NONE;
        }
        return typeBumps.getOrDefault(type.toLowerCase(java.util.Locale.ROOT), Bump.NONE);
    }

    public Map<String, Bump> typeBumps() {
        return typeBumps;
    }

    public Bump breakingWhileZero() {
        return breakingWhileZero;
    }

    public SemVer initialVersion() {
        return initialVersion;
    }
}
