package ai.brokle.release.files;

import ai.brokle.release.config.VersionFileConfig;
import ai.brokle.release.version.SemVer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sets the version in a component's version files, changing only the version text: indentation,
 * key order, quoting, comments, line endings and the trailing newline stay as they were. A
 * package.json brings its workspace packages along, a pom.xml its reactor modules.
 *
 * <p>An updater works on texts in memory and touches no file: the caller writes the changes,
 * or prints them in a dry run.
 */
public final class VersionFileUpdater {
    /** What setting the version takes: the files to rewrite, or why it cannot be done. */
    public record Result(List<FileChange> changes, List<String> problems) {
        static Result of(List<FileChange> changes) {
            return new Result(List.copyOf(changes), List.of());
        }

        static Result problem(String problem) {
            return new Result(List.of(), List.of(problem));
        }
    }

    /** The versions a file and the files it brings along hold (path → version), or why they cannot be read. */
    record Versions(Map<String, String> byPath, List<String> problems) {
    }

    private final Path root;
    /** Texts as the earlier edits of this release left them, so two entries for one file add up. */
    private final Map<String, String> edited = new LinkedHashMap<>();
    /** Files the release creates. */
    private final Set<String> created = new HashSet<>();

    /** @param root the repository root the configured paths are relative to */
    public VersionFileUpdater(Path root) {
        this.root = root;
    }

    /** The changes that set {@code version} in {@code file} and the files it brings along. */
    public Result update(VersionFileConfig file, SemVer version) {
        Result result;
        try {
            switch (file.kind()) {
                case POM:
                    result = new PomVersions(this).update(file.path(), version);
                    break;
                case PACKAGE_JSON:
                    result = new PackageJsonVersions(this).update(file.path(), version);
                    break;
                case PYPROJECT:
                    result = PythonVersions.pyproject(this, file.path(), version, file.pep440());
                    break;
                case PYTHON_MODULE:
                    result = PythonVersions.module(this, file.path(), version, file.pep440());
                    break;
                default:
                    result = PatternVersions.update(this, file, version);
            }
        } catch (MissingFile e) {
            result = Result.problem(e.getMessage());
        }
        for (FileChange c : result.changes()) {
            edited.put(c.path(), c.after());
        }
        return result;
    }

    /** Adds a change made elsewhere (a changelog) to the release's files. */
    public void include(FileChange change) {
        if (change.before() == null) {
            created.add(change.path());
        }
        edited.put(change.path(), change.after());
    }

    /** Every change of the updates so far, one per file, from the file as it is on disk to its final text. */
    public List<FileChange> changes() {
        List<FileChange> all = new ArrayList<>();
        for (Map.Entry<String, String> e : edited.entrySet()) {
            FileChange change = new FileChange(e.getKey(), readOriginal(e.getKey()), e.getValue());
            if (change.changes()) {
                all.add(change);
            }
        }
        return all;
    }

    /** The file's text (one char per byte), as earlier updates of this release left it. */
    String read(String path) {
        String text = edited.get(path);
        return text != null ? text : readOriginal(path);
    }

    boolean exists(String path) {
        return edited.containsKey(path) || Files.isRegularFile(root.resolve(path));
    }

    Path root() {
        return root;
    }

    private String readOriginal(String path) {
        RepositoryPath.problem(root, path).ifPresent(p -> {
            throw new MissingFile(p);
        });
        Path file = root.resolve(path);
        if (!Files.exists(file) && created.contains(path)) {
            return null;
        }
        if (!Files.isRegularFile(file)) {
            throw new MissingFile(path + ": the file does not exist; create it or fix its path in the versionFiles setting");
        }
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new MissingFile(path + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    /** A file that should be there and is not (or cannot be read): a problem of the release, reported with the others. */
    static final class MissingFile extends RuntimeException {
        MissingFile(String message) {
            super(message, null, false, false);
        }
    }
}
