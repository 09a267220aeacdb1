package ai.brokle.release.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/** A real git repository in a temporary directory, built with JGit, for tests. */
public final class TestRepo implements AutoCloseable {
    private final Git git;
    private final Path dir;
    private int counter;
    private long time = 1_700_000_000L;

    private TestRepo(Git git, Path dir) {
        this.git = git;
        this.dir = dir;
    }

    public static TestRepo init(Path dir) {
        try {
            Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
            StoredConfig config = git.getRepository().getConfig();
            config.setBoolean("commit", null, "gpgsign", false);
            config.setBoolean("tag", null, "gpgsign", false);
            // no automatic gc: after each fetch JGit starts one in a background thread, whose gc.log.lock comes and goes under tests
            // that compare a repository's files before and after a run; not detached, and with nothing to do, it ends at once
            config.setInt("gc", null, "auto", 0);
            config.setInt("gc", null, "autoPackLimit", 0);
            config.setBoolean("gc", null, "autoDetach", false);
            config.save();
            return new TestRepo(git, dir);
        } catch (GitAPIException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static TestRepo open(Path dir) {
        try {
            return new TestRepo(Git.open(dir.toFile()), dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    public Git git() {
        return git;
    }

    private PersonIdent ident() {
        time += 60;
        return new PersonIdent("Release Tester", "tester@example.com", Instant.ofEpochSecond(time), TimeZone.getTimeZone("UTC").toZoneId());
    }

    /** Commits a change to a file of its own at the repository root. */
    public RevCommit commit(String message) {
        return commitIn("", message);
    }

    /** Commits a change to a new file under {@code directory} ("" for the root). */
    public RevCommit commitIn(String directory, String message) {
        counter++;
        return commitFile((directory.isEmpty() ? "" : directory + "/") + "file-" + counter + ".txt", "change " + counter + "\n", message);
    }

    public RevCommit commitFile(String path, String content, String message) {
        write(path, content);
        try {
            git.add().addFilepattern(path).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
        return commitStaged(message);
    }

    /** Commits every change in the work tree, untracked files included. */
    public RevCommit commitAll(String message) {
        try {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
        return commitStaged(message);
    }

    /** Commits a change to a file of its own, written by someone else than the usual tester. */
    public RevCommit commitAs(String name, String email, String message) {
        counter++;
        String path = "file-" + counter + ".txt";
        write(path, "change " + counter + "\n");
        try {
            git.add().addFilepattern(path).call();
            PersonIdent committer = ident();
            PersonIdent author = new PersonIdent(name, email, committer.getWhenAsInstant(), committer.getZoneId());
            return git.commit().setMessage(message).setAuthor(author).setCommitter(committer).setSign(false).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The time the next commit or tag gets, in seconds since the epoch. */
    public long nextTime() {
        return time + 60;
    }

    private RevCommit commitStaged(String message) {
        try {
            PersonIdent who = ident();
            return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The paths whose content differs between {@code commit} and its first parent. */
    public java.util.Set<String> changedBy(ObjectId commit) {
        java.util.Set<String> paths = new java.util.TreeSet<>();
        try (RevWalk walk = new RevWalk(git.getRepository()); TreeWalk tree = new TreeWalk(git.getRepository())) {
            RevCommit c = walk.parseCommit(commit);
            tree.setRecursive(true);
            tree.addTree(walk.parseCommit(c.getParent(0)).getTree());
            tree.addTree(c.getTree());
            while (tree.next()) {
                if (!tree.getObjectId(0).equals(tree.getObjectId(1))) {
                    paths.add(tree.getPathString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return paths;
    }

    /** Stages a gitlink (a submodule's recorded commit) at {@code path}; the next commit records it. */
    public void stageGitlink(String path, ObjectId commit) {
        try {
            org.eclipse.jgit.dircache.DirCache index = git.getRepository().lockDirCache();
            org.eclipse.jgit.dircache.DirCacheEditor editor = index.editor();
            editor.add(new org.eclipse.jgit.dircache.DirCacheEditor.PathEdit(path) {
                @Override
                public void apply(org.eclipse.jgit.dircache.DirCacheEntry entry) {
                    entry.setFileMode(org.eclipse.jgit.lib.FileMode.GITLINK);
                    entry.setObjectId(commit);
                }
            });
            editor.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commits what is staged. */
    public RevCommit commitIndex(String message) {
        return commitStaged(message);
    }

    /** Copies the directory {@code from}, its .git included, to {@code to}: a clone with the same commits. */
    public static Path copyTree(Path from, Path to) {
        try (java.util.stream.Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    public void write(String path, String content) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void lightweightTag(String name) {
        try {
            git.tag().setName(name).setAnnotated(false).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public void annotatedTag(String name) {
        try {
            git.tag().setName(name).setAnnotated(true).setMessage("release " + name).setTagger(ident()).setSigned(false).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public void checkoutNewBranch(String name) {
        try {
            git.checkout().setCreateBranch(true).setName(name).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public void checkout(String name) {
        try {
            git.checkout().setName(name).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
