package ai.brokle.release.planning;

import ai.brokle.release.config.ComponentConfig;
import ai.brokle.release.config.VersionFileKind;
import ai.brokle.release.version.SemVer;
import java.util.List;
import java.util.Optional;

/**
 * The pre-release channels a Python component can use: those whose PEP 440 reading is a
 * pre-release in the place SemVer gives it. {@code alpha}, {@code beta} and {@code rc} read as
 * {@code a}, {@code b} and {@code rc} in the same order; {@code dev} is a development release that
 * PEP 440 puts below every alpha, beta and rc of the version, so it may only come first. {@code post}
 * is a final post-release above the version in PEP 440, and other words are not PEP 440 at all.
 */
public final class PythonChannels {
    private static final List<String> ORDERED = List.of("alpha", "beta", "rc");
    private static final String DEV = "dev";

    private PythonChannels() {
    }

    /** Whether the component's version ends up in Python packaging: a Python version file or a PyPI publication. */
    public static boolean isPython(ComponentConfig component) {
        return component.publish() != null && component.publish().pypi() != null
                || component.versionFiles().stream().anyMatch(f -> f.kind() == VersionFileKind.PYPROJECT || f.kind() == VersionFileKind.PYTHON_MODULE);
    }

    /**
     * Why {@code next} cannot be a release of a Python component, or empty when it can.
     *
     * @param existing the versions released before (tags and what the version files hold)
     */
    public static Optional<String> problem(ComponentConfig component, SemVer next, List<SemVer> existing) {
        if (!next.isPrerelease() || !isPython(component)) {
            return Optional.empty();
        }
        String channel = next.prerelease().get(0);
        String refused = "Component '" + component.name() + "' is a Python package and " + next + " cannot be its version: ";
        if (channel.chars().allMatch(Character::isDigit)) {
            return Optional.of(refused + "its pre-release starts with a number, which PEP 440 cannot read; use a channel:"
                    + " brokle.prerelease=alpha, beta, rc or dev");
        }
        if (channel.equals("post")) {
            return Optional.of(refused + "'post' is a post-release in PEP 440, a final version above " + core(next) + ", not a pre-release"
                    + " below it; use alpha, beta, rc or dev, or release " + core(next) + " and then a patch");
        }
        if (channel.equals(DEV)) {
            Optional<SemVer> before = existing.stream().filter(v -> v.isPrerelease() && core(v).equals(core(next))
                    && ORDERED.contains(v.prerelease().get(0))).findFirst();
            if (before.isPresent()) {
                return Optional.of(refused + "'dev' comes before every alpha, beta and rc in PEP 440, and " + before.get()
                        + " was released already; continue with " + before.get().prerelease().get(0) + " or a later channel (beta, rc)");
            }
            return Optional.empty();
        }
        if (!ORDERED.contains(channel) || next.prerelease().size() > 2
                || next.prerelease().size() == 2 && !next.prerelease().get(1).chars().allMatch(Character::isDigit)) {
            return Optional.of(refused + "the pre-release '" + String.join(".", next.prerelease()) + "' has no PEP 440 reading in SemVer's"
                    + " order; the channels are alpha, beta, rc (and dev before them), each followed by a number");
        }
        return Optional.empty();
    }

    private static String core(SemVer v) {
        return v.major() + "." + v.minor() + "." + v.patch();
    }
}
