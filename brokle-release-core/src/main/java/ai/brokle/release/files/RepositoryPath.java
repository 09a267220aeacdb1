package ai.brokle.release.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The rule for every file a release rewrites: it lies inside the repository and is reached without
 * a symbolic link. A link would have the release commit store the new text as the link's target
 * (git keeps the link) and leave the real file as it was, or reach a file outside the repository.
 */
public final class RepositoryPath {
    private RepositoryPath() {
    }

    /** Why {@code path} (relative to {@code root}, '/'-separated) may not be rewritten; empty when it may. */
    public static Optional<String> problem(Path root, String path) {
        Path normalized = Path.of(path).normalize();
        if (Path.of(path).isAbsolute() || normalized.startsWith("..")) {
            return Optional.of(path + ": lies outside the repository; a release changes only files inside it");
        }
        Path at = root;
        for (Path segment : normalized) {
            at = at.resolve(segment);
            if (Files.isSymbolicLink(at)) {
                String target;
                try {
                    target = Files.readSymbolicLink(at).toString();
                } catch (IOException e) {
                    target = "?";
                }
                String link = root.relativize(at).toString().replace('\\', '/');
                return Optional.of(path + ": " + (link.equals(normalized.toString().replace('\\', '/')) ? "is" : link + " is")
                        + " a symbolic link (to " + target + "); the release rewrites this file and follows no link: name the file itself"
                        + " in the configuration, or replace the link by the file");
            }
        }
        return Optional.empty();
    }
}
