package ai.brokle.release.git;

import ai.brokle.release.ReleaseError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.submodule.SubmoduleWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The submodules a commit records: {@code .gitmodules} and the commit each gitlink points at, read
 * from history without checking anything out; and new commits that move gitlinks.
 */
public final class SubmoduleLinks {
    /** A submodule declared in .gitmodules. */
    public record Declared(String name, String path, String url) {
    }

    private final GitRepository git;

    public SubmoduleLinks(GitRepository git) {
        this.git = git;
    }

    /** The submodules that {@code commit}'s .gitmodules declares, in file order; empty without one. */
    public List<Declared> declared(ObjectId commit) {
        Repository repository = git.jgit();
        Optional<byte[]> file = blob(commit, Constants.DOT_GIT_MODULES);
        if (file.isEmpty()) {
            return List.of();
        }
        Config config = new Config();
        try {
            config.fromText(new String(file.get(), StandardCharsets.UTF_8));
        } catch (ConfigInvalidException e) {
            throw new ai.brokle.release.ReleaseFailure(".gitmodules cannot be read: " + e.getMessage());
        }
        List<Declared> out = new ArrayList<>();
        for (String name : config.getSubsections("submodule")) {
            String path = config.getString("submodule", name, "path");
            String url = config.getString("submodule", name, "url");
            if (path != null) {
                out.add(new Declared(name, path, url));
            }
        }
        return out;
    }

    /** The commit the gitlink at {@code path} of {@code commit} points at; empty when there is none. */
    public Optional<ObjectId> recorded(ObjectId commit, String path) {
        Repository repository = git.jgit();
        try (RevWalk walk = new RevWalk(repository); TreeWalk tree = TreeWalk.forPath(repository, path, walk.parseCommit(commit).getTree())) {
            if (tree == null || tree.getFileMode(0) != FileMode.GITLINK) {
                return Optional.empty();
            }
            return Optional.of(tree.getObjectId(0));
        } catch (IOException e) {
            throw new ReleaseError("Cannot read " + path + " in commit " + commit.name() + ": " + e.getMessage(), e);
        }
    }

    /** A submodule URL as git resolves it: a relative one (../python.git) against the superproject's remote. */
    public String resolveUrl(String url) {
        try {
            return SubmoduleWalk.getSubmoduleRemoteUrl(git.jgit(), url);
        } catch (IOException e) {
            throw new ReleaseError("Cannot resolve the submodule URL " + GitRepository.withoutUserInfo(url) + ": " + e.getMessage(), e);
        }
    }

    /** A URL with its user and password masked, for messages. */
    public static String masked(String url) {
        return url == null ? null : url.replaceAll("([A-Za-z][A-Za-z0-9+.-]*://)[^/@\\s]+@", "$1***@");
    }

    /** Points the index's gitlinks at the given commits, so that the work tree's status matches a commit that sets them (ReleaseWriter.writeCommit). */
    public void stageGitlinks(Map<String, ObjectId> gitlinks) {
        Repository repository = git.jgit();
        try {
            DirCache index = repository.lockDirCache();
            try {
                DirCacheEditor editor = index.editor();
                gitlinks.forEach((path, target) -> editor.add(new DirCacheEditor.PathEdit(path) {
                    @Override
                    public void apply(DirCacheEntry entry) {
                        entry.setFileMode(FileMode.GITLINK);
                        entry.setObjectId(target);
                    }
                }));
                editor.finish();
                index.write();
                index.commit();
            } finally {
                index.unlock();
            }
        } catch (IOException e) {
            throw new ReleaseError("Cannot update the index: " + e.getMessage(), e);
        }
    }

    private Optional<byte[]> blob(ObjectId commit, String path) {
        Repository repository = git.jgit();
        try (RevWalk walk = new RevWalk(repository); TreeWalk tree = TreeWalk.forPath(repository, path, walk.parseCommit(commit).getTree())) {
            if (tree == null) {
                return Optional.empty();
            }
            return Optional.of(repository.open(tree.getObjectId(0), Constants.OBJ_BLOB).getBytes());
        } catch (IOException e) {
            throw new ReleaseError("Cannot read " + path + " in commit " + commit.name() + ": " + e.getMessage(), e);
        }
    }
}
