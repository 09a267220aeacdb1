package ai.brokle.release.files;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Files that a release publishes, named by globs relative to the repository root. */
public final class FileGlobs {
    private FileGlobs() {
    }

    /**
     * The files the globs match (.git left out), by file name, in name order. A glob that matches
     * nothing, or two files of one name, is a problem naming {@code setting}.
     */
    public static Map<String, Path> byName(Path root, List<String> globs, String setting, List<String> problems) {
        Map<String, Path> found = new TreeMap<>();
        for (String glob : globs) {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            List<Path> matched = new ArrayList<>();
            try {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        return dir.getFileName() != null && dir.getFileName().toString().equals(".git") ? FileVisitResult.SKIP_SUBTREE
                                : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile() && matcher.matches(root.relativize(file))) {
                            matched.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                problems.add(setting + ": cannot list the files for '" + glob + "': " + e.getMessage());
            }
            if (matched.isEmpty()) {
                problems.add(setting + ": '" + glob + "' matches no file under " + root + "; build them before publishing, or fix the glob in "
                        + setting);
            }
            for (Path file : matched) {
                Path other = found.put(file.getFileName().toString(), file);
                if (other != null && !other.equals(file)) {
                    problems.add(setting + ": two files are named " + file.getFileName() + " (" + root.relativize(other) + ", "
                            + root.relativize(file) + "); published files need distinct names");
                }
            }
        }
        return found;
    }
}
