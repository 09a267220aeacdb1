package ai.brokle.release.submodules;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.git.BoundedCall;
import ai.brokle.release.version.SemVer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;

/**
 * An SDK's repository as the platform sees it through a submodule: a bare cache under the platform's
 * git directory holding the SDK remote's tags and branches, fetched without checking the
 * submodule out. Answers which release a commit is, or how far past one it is.
 */
public final class SdkRemote implements AutoCloseable {
    private static final Pattern DESCRIBED = Pattern.compile("(.+)-(\\d+)-g([0-9a-f]+)");
    private static final int TIMEOUT_SECONDS = 60;

    /** A release tag of the SDK. */
    public record Release(String tag, SemVer version, ObjectId commit) {
    }

    /**
     * Where a commit stands.
     *
     * @param release the release it is, or the nearest release before it; null when none
     * @param distance commits past that release (0 when it is the release)
     * @param describe the {@code git describe} form ({@code python-v0.2.9-3-g1a2b3c4}), or the tag when on it
     */
    public record Position(Release release, int distance, String describe) {
        public boolean onRelease() {
            return release != null && distance == 0;
        }
    }

    private final Repository cache;
    private final String tagPrefix;
    private List<Release> releases;

    private SdkRemote(Repository cache, String tagPrefix) {
        this.cache = cache;
        this.tagPrefix = tagPrefix;
    }

    /**
     * Fetches the tags and branches of {@code url} into the cache at {@code cacheDir}.
     *
     * @param shownUrl the URL as messages may show it (credentials masked)
     */
    public static SdkRemote fetch(Path cacheDir, String url, String shownUrl, String tagPrefix, CredentialsProvider credentials) {
        try {
            File dir = cacheDir.toFile();
            if (!new File(dir, "HEAD").isFile()) {
                Git.init().setBare(true).setDirectory(dir).call().close();
            }
            Repository repository = new FileRepositoryBuilder().setGitDir(dir).setMustExist(true).build();
            try {
                // bounded as a whole: a git:// server that never answers would otherwise block the read for good
                BoundedCall.run("the remote " + shownUrl + " cannot be reached", TIMEOUT_SECONDS * 4, () -> {
                    try (Git git = Git.wrap(repository)) {
                        git.fetch().setRemote(url).setRefSpecs(new RefSpec("+refs/tags/*:refs/tags/*"),
                                new RefSpec("+refs/heads/*:refs/remotes/sdk/*")).setRemoveDeletedRefs(true).setTimeout(TIMEOUT_SECONDS)
                                .setCredentialsProvider(credentials).call();
                        return null;
                    } catch (GitAPIException | RuntimeException e) {
                        throw new ReleaseError("the remote " + shownUrl + " cannot be reached (" + reason(e, url, shownUrl) + ")");
                    }
                });
            } catch (ReleaseError e) {
                repository.close();
                throw e;
            }
            return new SdkRemote(repository, tagPrefix);
        } catch (IOException | GitAPIException e) {
            throw new ReleaseError("Cannot prepare the cache " + cacheDir + " for " + shownUrl + ": " + e.getMessage(), e);
        }
    }

    private static String reason(Exception e, String url, String shownUrl) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replace(url, shownUrl).replaceAll("([A-Za-z][A-Za-z0-9+.-]*://)[^/@\\s]+@", "$1***@");
    }

    /** The SDK's release tags (prefix + SemVer), highest first; read once. */
    public List<Release> releases() {
        if (releases != null) {
            return releases;
        }
        List<Release> out = new ArrayList<>();
        try (RevWalk walk = new RevWalk(cache)) {
            for (Ref ref : cache.getRefDatabase().getRefsByPrefix(Constants.R_TAGS + tagPrefix)) {
                String tag = ref.getName().substring(Constants.R_TAGS.length());
                Optional<SemVer> version = SemVer.tryParse(tag.substring(tagPrefix.length()));
                if (version.isPresent()) {
                    out.add(new Release(tag, version.get(), walk.parseCommit(ref.getObjectId()).copy()));
                }
            }
        } catch (IOException e) {
            throw new ReleaseError("Cannot read the tags of the SDK cache " + cache.getDirectory() + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(Release::version).reversed());
        releases = List.copyOf(out);
        return releases;
    }

    /** Whether {@code commit} is reachable from a branch or tag of the remote: one walk from every tip. */
    public boolean contains(ObjectId commit) {
        try (RevWalk walk = new RevWalk(cache)) {
            if (!cache.getObjectDatabase().has(commit)) {
                return false;
            }
            for (Ref ref : cache.getRefDatabase().getRefs()) {
                ObjectId id = ref.getPeeledObjectId() != null ? ref.getPeeledObjectId() : ref.getObjectId();
                try {
                    walk.markStart(walk.parseCommit(id));
                } catch (IOException notACommit) {
                    // a tag of a tree or blob: no history to search
                }
            }
            for (RevCommit c : walk) {
                if (c.equals(commit)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new ReleaseError("Cannot read the SDK cache " + cache.getDirectory() + ": " + e.getMessage(), e);
        }
    }

    /** Where {@code commit} stands among the releases (call only when {@link #contains} is true). */
    public Position position(ObjectId commit) {
        List<Release> releases = releases();
        for (Release r : releases) {
            if (r.commit().equals(commit)) {
                return new Position(r, 0, r.tag());
            }
        }
        try (Git git = Git.wrap(cache)) {
            String described = git.describe().setTarget(commit).setTags(true).setMatch(tagPrefix + "*").call();
            Matcher m = described == null ? null : DESCRIBED.matcher(described);
            if (m != null && m.matches()) {
                Optional<Release> base = releases.stream().filter(r -> r.tag().equals(m.group(1))).findFirst();
                if (base.isPresent()) {
                    return new Position(base.get(), Integer.parseInt(m.group(2)), described);
                }
            }
            return new Position(null, 0, commit.abbreviate(7).name());
        } catch (GitAPIException | IOException | org.eclipse.jgit.errors.InvalidPatternException e) {
            throw new ReleaseError("Cannot describe " + commit.name() + " in the SDK cache: " + e.getMessage(), e);
        }
    }

    /** The commits after {@code from} up to {@code to} (newest first), for change lists; from may be null. */
    public List<RevCommit> between(ObjectId from, ObjectId to) {
        List<RevCommit> out = new ArrayList<>();
        try (RevWalk walk = new RevWalk(cache)) {
            walk.markStart(walk.parseCommit(to));
            if (from != null && cache.getObjectDatabase().has(from)) {
                walk.markUninteresting(walk.parseCommit(from));
            }
            for (RevCommit c : walk) {
                out.add(c);
            }
        } catch (IOException e) {
            throw new ReleaseError("Cannot read the history of the SDK cache " + cache.getDirectory() + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** When a release was made: the tagger's time of an annotated tag, else its commit's time, in seconds. */
    public long releaseTime(Release release) {
        try (RevWalk walk = new RevWalk(cache)) {
            Ref ref = cache.exactRef(Constants.R_TAGS + release.tag());
            var object = walk.parseAny(ref.getObjectId());
            if (object instanceof org.eclipse.jgit.revwalk.RevTag tag && tag.getTaggerIdent() != null) {
                return tag.getTaggerIdent().getWhenAsInstant().getEpochSecond();
            }
            return walk.parseCommit(ref.getObjectId()).getCommitTime();
        } catch (IOException e) {
            throw new ReleaseError("Cannot read the tag " + release.tag() + " in the SDK cache: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        cache.close();
    }
}
