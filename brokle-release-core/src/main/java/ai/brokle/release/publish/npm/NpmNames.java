package ai.brokle.release.publish.npm;

import ai.brokle.release.Problem;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the npm registry takes as a new package's name, as {@code validate-npm-package-name} says,
 * and as a dist-tag: checked for every package before the first is published, so that a bad name
 * never leaves a release half published.
 */
public final class NpmNames {
    private static final Pattern NAME = Pattern.compile("(?:@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");
    private static final Set<String> RESERVED = Set.of("node_modules", "favicon.ico");
    private static final int LONGEST = 214;

    private NpmNames() {
    }

    /** What is wrong with {@code name} as a package name; empty when the registry takes it. */
    public static Optional<String> nameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("a package has no name");
        }
        String shown = "'" + Problem.echo(name) + "'";
        if (name.length() > LONGEST) {
            return Optional.of(shown + " is longer than the " + LONGEST + " characters npm takes");
        }
        if (RESERVED.contains(name)) {
            return Optional.of(shown + " is a name npm reserves");
        }
        if (!NAME.matcher(name).matches()) {
            return Optional.of(shown + " is not an npm package name: lower-case letters, digits and - . _ ~, optionally under an @scope/,"
                    + " not starting with . or _");
        }
        return Optional.empty();
    }

    /** What is wrong with {@code tag} as a dist-tag; empty when npm takes it. */
    public static Optional<String> tagProblem(String tag) {
        if (!TAG.matcher(tag).matches() || tag.length() > LONGEST) {
            return Optional.of("'" + Problem.echo(tag) + "' is not a dist-tag: a letter, then letters, digits and - . _ (alpha, beta, next)");
        }
        return Optional.empty();
    }
}
