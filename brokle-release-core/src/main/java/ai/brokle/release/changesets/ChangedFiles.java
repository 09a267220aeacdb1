package ai.brokle.release.changesets;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * {@code changedFilePatterns} of the Changesets configuration: globs, relative to a package's
 * directory, that decide which changed files make the package "changed". Read as micromatch reads
 * them for plain paths: {@code *} within one directory, {@code **} across any number of them
 * (none included, so {@code **}{@code /*.ts} matches {@code index.ts}).
 */
public final class ChangedFiles {
    private ChangedFiles() {
    }

    /** Whether {@code file} (relative to its package, with {@code /}) matches one of {@code patterns}. */
    public static boolean matches(List<String> patterns, String file) {
        Path path = Path.of(file);
        for (String pattern : patterns) {
            String glob = pattern;
            while (true) {
                PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
                if (matcher.matches(path)) {
                    return true;
                }
                int deep = glob.indexOf("**/");
                if (deep < 0) {
                    break;
                }
                glob = glob.substring(0, deep) + glob.substring(deep + 3);
            }
        }
        return false;
    }
}
