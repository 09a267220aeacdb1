package ai.brokle.release.git;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.version.SemVer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.BranchTrackingStatus;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RemoteConfig;
import org.eclipse.jgit.transport.URIish;

/**
 * The repository facts a release needs, read with JGit: release tags, which of them HEAD
 * reaches, the commits since one of them, and the state of the work tree and branch.
 */
public final class GitRepository implements AutoCloseable {
    private static final java.util.regex.Pattern USER_INFO = java.util.regex.Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/@\\s]+@");

    private final Repository repository;
    private final RevWalk reachability;
    private final Map<ObjectId, Boolean> reachableFromHead = new HashMap<>();
    /** Tag name to the commit it names (null when none): each tag object is read once. */
    private final Map<String, ObjectId> peeled = new HashMap<>();
    private final Map<String, List<ReleaseTag>> releaseTags = new HashMap<>();
    private ObjectId head;
    private boolean headResolved;

    private GitRepository(Repository repository) {
        this.repository = repository;
        this.reachability = new RevWalk(repository);
    }

    /** Where a repository is: its git directory and its work tree, found without opening it. */
    public record Location(Path gitDirectory, Path workTree) {
    }

    /**
     * Finds the repository that holds {@code directory}, looking upwards like git does, without
     * opening it: a caller can read files in the work tree while the repository opens.
     */
    public static Location locate(Path directory) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(directory.toFile());
        File gitDir = builder.getGitDir();
        if (gitDir == null) {
            throw new ReleaseFailure("No git repository at " + directory + " or above it: run the release in a clone"
                    + " of the repository (git clone ...), or create one with 'git init'");
        }
        if (builder.getWorkTree() == null && gitDir.getName().equals(Constants.DOT_GIT) && gitDir.isDirectory()) {
            return new Location(gitDir.toPath(), gitDir.getParentFile().toPath());
        }
        try {
            File workTree = builder.setup().getWorkTree();
            if (workTree == null) {
                throw new ReleaseFailure(gitDir + " is a bare repository: run the release in a clone with a work tree");
            }
            return new Location(gitDir.toPath(), workTree.toPath());
        } catch (IllegalArgumentException | IOException e) {
            throw new ReleaseError("Cannot find the work tree of " + gitDir + ": " + e.getMessage(), e);
        }
    }

    /** Opens the repository that holds {@code directory}. */
    public static GitRepository open(Path directory) {
        return open(locate(directory));
    }

    public static GitRepository open(Location location) {
        JGitStartup.prepare(location.gitDirectory());
        try {
            return new GitRepository(new FileRepositoryBuilder().setGitDir(location.gitDirectory().toFile())
                    .setWorkTree(location.workTree().toFile()).readEnvironment().setMustExist(true).build());
        } catch (IOException e) {
            throw new ReleaseError("Cannot open the git repository at " + location.gitDirectory() + ": " + e.getMessage(), e);
        }
    }

    public Path workTree() {
        return repository.getWorkTree().toPath();
    }

    /** The repository's git directory, where state that must stay out of the work tree goes. */
    public Path gitDirectory() {
        return repository.getDirectory().toPath();
    }

    /** The JGit repository, for the other classes of this package. */
    Repository jgit() {
        return repository;
    }

    /** Forgets what was read of HEAD and the tags, after a ref update. */
    void refsMoved() {
        headResolved = false;
        head = null;
        releaseTags.clear();
    }

    /** A shallow clone lacks history, so versions computed from it could be wrong. */
    public boolean isShallow() {
        File shallow = new File(repository.getDirectory(), "shallow");
        return shallow.isFile() && shallow.length() > 0;
    }

    /** The commit HEAD points at, or empty in a repository without commits. */
    public Optional<ObjectId> head() {
        if (!headResolved) {
            try {
                head = repository.resolve(Constants.HEAD + "^{commit}");
            } catch (IOException e) {
                throw new ReleaseError("Cannot resolve HEAD in " + repository.getDirectory() + ": " + e.getMessage(), e);
            }
            headResolved = true;
        }
        return Optional.ofNullable(head);
    }

    /**
     * The release tags under each of {@code prefixes} (a component's prefix, then its earlier ones),
     * one per version: where two prefixes tag the same version, the earlier prefix's tag is kept.
     */
    public List<ReleaseTag> releaseTags(List<String> prefixes) {
        Map<SemVer, ReleaseTag> byVersion = new LinkedHashMap<>();
        for (String prefix : prefixes) {
            releaseTags(prefix).forEach(t -> byVersion.putIfAbsent(t.version(), t));
        }
        return List.copyOf(byVersion.values());
    }

    /** Every tag whose name is exactly {@code prefix} followed by a valid SemVer version; listed once per prefix until refs move. */
    public List<ReleaseTag> releaseTags(String prefix) {
        return releaseTags.computeIfAbsent(prefix, this::listReleaseTags);
    }

    /**
     * Tags under {@code prefix} that look like a version (a digit follows the prefix) but are not
     * SemVer, so they are not releases: {@code v0.1.0a1} (PEP 440), {@code v1.2}. Sorted by name.
     */
    public List<String> versionLikeTags(String prefix) {
        List<String> names = new ArrayList<>();
        try {
            for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS + prefix)) {
                String name = ref.getName().substring(Constants.R_TAGS.length());
                String rest = name.substring(prefix.length());
                if (!rest.isEmpty() && Character.isDigit(rest.charAt(0)) && SemVer.tryParse(rest).isEmpty()) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new ReleaseError("Cannot list the tags of " + repository.getDirectory() + ": " + e.getMessage(), e);
        }
        names.sort(null);
        return names;
    }

    private List<ReleaseTag> listReleaseTags(String prefix) {
        List<ReleaseTag> tags = new ArrayList<>();
        try {
            for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS + prefix)) {
                String name = ref.getName().substring(Constants.R_TAGS.length());
                SemVer.tryParse(name.substring(prefix.length())).ifPresent(v -> tags.add(new ReleaseTag(name, v)));
            }
        } catch (IOException e) {
            throw new ReleaseError("Cannot list the tags of " + repository.getDirectory() + ": " + e.getMessage(), e);
        }
        return List.copyOf(tags);
    }

    /**
     * The release of highest precedence among {@code tags} that HEAD reaches and {@code filter}
     * accepts. Tags are tried from the highest version down, so the walk stops at the first hit.
     */
    public Optional<ReleaseTag> latestReachable(Collection<ReleaseTag> tags, Predicate<SemVer> filter) {
        if (head().isEmpty()) {
            return Optional.empty();
        }
        List<ReleaseTag> sorted = new ArrayList<>(tags);
        sorted.sort(Comparator.comparing(ReleaseTag::version).reversed());
        for (ReleaseTag tag : sorted) {
            if (filter.test(tag.version()) && isReachableFromHead(tag)) {
                return Optional.of(tag);
            }
        }
        return Optional.empty();
    }

    /**
     * The release of highest precedence among {@code tags} that {@code tip} reaches and
     * {@code filter} accepts, for ranges that end elsewhere than HEAD.
     */
    public Optional<ReleaseTag> latestReachableFrom(ObjectId tip, Collection<ReleaseTag> tags, Predicate<SemVer> filter) {
        List<ReleaseTag> sorted = new ArrayList<>(tags);
        sorted.sort(Comparator.comparing(ReleaseTag::version).reversed());
        try {
            RevCommit target = reachability.parseCommit(tip);
            for (ReleaseTag tag : sorted) {
                ObjectId commit = filter.test(tag.version()) ? peeledCommit(tag.name()) : null;
                if (commit != null && reachability.isMergedInto(reachability.parseCommit(commit), target)) {
                    return Optional.of(tag);
                }
            }
        } catch (IOException e) {
            throw new ReleaseError("Cannot read the history of " + tip.name() + ": " + e.getMessage(), e);
        }
        return Optional.empty();
    }

    private boolean isReachableFromHead(ReleaseTag tag) {
        try {
            ObjectId commit = peeledCommit(tag.name());
            if (commit == null) {
                return false;
            }
            Boolean known = reachableFromHead.get(commit);
            if (known == null) {
                known = reachability.isMergedInto(reachability.parseCommit(commit), reachability.parseCommit(head));
                reachableFromHead.put(commit, known);
            }
            return known;
        } catch (IOException e) {
            throw new ReleaseError("Cannot read the history of tag " + tag.name() + ": " + e.getMessage(), e);
        }
    }

    /** The commit a tag points at, through annotated tag objects; null if it names no commit. */
    public ObjectId peeledCommit(String tagName) {
        if (peeled.containsKey(tagName)) {
            return peeled.get(tagName);
        }
        try {
            ObjectId id = repository.resolve(Constants.R_TAGS + tagName + "^{commit}");
            peeled.put(tagName, id);
            return id;
        } catch (org.eclipse.jgit.errors.RevisionSyntaxException | org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
            return null;
        } catch (IOException e) {
            throw new ReleaseError("Cannot read tag " + tagName + ": " + e.getMessage(), e);
        }
    }

    public boolean hasLocalTag(String tagName) {
        try {
            return repository.exactRef(Constants.R_TAGS + tagName) != null;
        } catch (IOException e) {
            throw new ReleaseError("Cannot read tag " + tagName + ": " + e.getMessage(), e);
        }
    }

    /**
     * Walks the commits reachable from HEAD but not from {@code since} (all of history when null),
     * newest first, keeping those that change something under {@code path} ("" for everything).
     *
     * @return how many commits were given to {@code consumer}
     */
    public int commitsSince(ObjectId since, String path, Consumer<RawCommit> consumer) {
        if (head().isEmpty()) {
            return 0;
        }
        try (CommitHistory.Walker walker = historyWalker(path)) {
            return walker.walk(head, since == null ? List.of() : List.of(since), consumer);
        }
    }

    /**
     * A walker for many ranges of one history: commits read for one range are not read again
     * for the next, so a whole history cut at each release costs about one walk.
     */
    public CommitHistory.Walker historyWalker(String path) {
        return new CommitHistory(repository).walker(path);
    }

    /** Cuts history at each of {@code tips}, each commit read once ({@link CommitHistory#walkSuccessiveRanges}). */
    public void walkSuccessiveRanges(List<ObjectId> tips, String path, BiConsumer<Integer, List<RawCommit>> consumer) {
        new CommitHistory(repository).walkSuccessiveRanges(tips, path, consumer);
    }

    /**
     * The commit a revision names (a tag, branch, HEAD, HEAD~3 or an abbreviated id), or empty
     * when it names none.
     */
    public Optional<ObjectId> resolveCommit(String revision) {
        try {
            return Optional.ofNullable(repository.resolve(revision + "^{commit}"));
        } catch (org.eclipse.jgit.errors.RevisionSyntaxException | org.eclipse.jgit.errors.IncorrectObjectTypeException
                | org.eclipse.jgit.errors.AmbiguousObjectException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new ReleaseError("Cannot resolve '" + revision + "' in " + repository.getDirectory() + ": " + e.getMessage(), e);
        }
    }

    /**
     * When a tag was made: the tagger's time of an annotated tag, else its commit's time, in
     * seconds since the epoch.
     */
    public long tagTime(String tagName) {
        try (RevWalk walk = new RevWalk(repository)) {
            Ref ref = repository.exactRef(Constants.R_TAGS + tagName);
            if (ref == null) {
                throw new ReleaseFailure("There is no tag " + tagName);
            }
            RevObject object = walk.parseAny(ref.getObjectId());
            if (object instanceof RevTag tag && tag.getTaggerIdent() != null) {
                return tag.getTaggerIdent().getWhenAsInstant().getEpochSecond();
            }
            return walk.parseCommit(ref.getObjectId()).getCommitTime();
        } catch (IOException e) {
            throw new ReleaseError("Cannot read tag " + tagName + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code commit} is on branch {@code branch}, locally or as the remote's tracking branch; false when neither exists. */
    public boolean onBranch(ObjectId commit, String remote, String branch) {
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit target = walk.parseCommit(commit);
            for (String name : List.of(Constants.R_HEADS + branch, Constants.R_REMOTES + remote + "/" + branch)) {
                Ref ref = repository.exactRef(name);
                if (ref != null && walk.isMergedInto(target, walk.parseCommit(ref.getObjectId()))) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new ReleaseError("Cannot tell whether " + commit.name() + " is on " + branch + ": " + e.getMessage(), e);
        }
    }

    /** The names of every tag. */
    public List<String> tagNames() {
        try {
            return repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS).stream().map(r -> r.getName().substring(Constants.R_TAGS.length()))
                    .toList();
        } catch (IOException e) {
            throw new ReleaseError("Cannot list the tags: " + e.getMessage(), e);
        }
    }

    /** A commit's committer time, in seconds since the epoch. */
    public long commitTime(ObjectId commit) {
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.parseCommit(commit).getCommitTime();
        } catch (IOException e) {
            throw new ReleaseError("Cannot read commit " + commit.name() + ": " + e.getMessage(), e);
        }
    }

    /** The message of an annotated tag; empty for a lightweight tag or one that does not exist. */
    public Optional<String> tagMessage(String tagName) {
        try (RevWalk walk = new RevWalk(repository)) {
            Ref ref = repository.exactRef(Constants.R_TAGS + tagName);
            if (ref == null) {
                return Optional.empty();
            }
            RevObject object = walk.parseAny(ref.getObjectId());
            return object instanceof RevTag tag ? Optional.of(tag.getFullMessage()) : Optional.empty();
        } catch (IOException e) {
            throw new ReleaseError("Cannot read tag " + tagName + ": " + e.getMessage(), e);
        }
    }

    /** The configured URL of a remote, as written (it may hold credentials: never print it), or null. */
    public String remoteUrl(String remote) {
        return repository.getConfig().getString("remote", remote, "url");
    }

    /** The checked-out branch's short name, or empty on a detached HEAD. */
    public Optional<String> currentBranch() {
        try {
            Ref headRef = repository.exactRef(Constants.HEAD);
            if (headRef == null || !headRef.isSymbolic()) {
                return Optional.empty();
            }
            return Optional.of(Repository.shortenRefName(headRef.getTarget().getName()));
        } catch (IOException e) {
            throw new ReleaseError("Cannot read HEAD: " + e.getMessage(), e);
        }
    }

    /** How far the branch is behind its upstream, or empty when it tracks none. */
    public Optional<Integer> behindUpstream(String branch) {
        try {
            BranchTrackingStatus status = BranchTrackingStatus.of(repository, branch);
            return status == null ? Optional.empty() : Optional.of(status.getBehindCount());
        } catch (IOException e) {
            throw new ReleaseError("Cannot compare " + branch + " with its upstream: " + e.getMessage(), e);
        }
    }

    /** Paths that are modified, staged, missing or untracked (ignored files excluded), sorted. */
    public Set<String> uncleanPaths() {
        try (Git git = new Git(repository)) {
            Status status = git.status().call();
            Set<String> paths = new TreeSet<>(status.getUncommittedChanges());
            paths.addAll(status.getUntracked());
            paths.addAll(status.getConflicting());
            // a submodule that is not checked out (a clone without --recurse-submodules) is not a change, as for git status
            paths.removeIf(this::uninitialisedSubmodule);
            return paths;
        } catch (GitAPIException e) {
            throw new ReleaseError("Cannot read the status of the work tree: " + e.getMessage(), e);
        }
    }

    /** Whether the index records {@code path} as a submodule (a gitlink). */
    public boolean isSubmodule(String path) {
        try {
            org.eclipse.jgit.dircache.DirCacheEntry entry = repository.readDirCache().getEntry(path);
            return entry != null && entry.getFileMode() == org.eclipse.jgit.lib.FileMode.GITLINK;
        } catch (IOException e) {
            return false;
        }
    }

    private boolean uninitialisedSubmodule(String path) {
        try {
            org.eclipse.jgit.dircache.DirCacheEntry entry = repository.readDirCache().getEntry(path);
            if (entry == null || entry.getFileMode() != org.eclipse.jgit.lib.FileMode.GITLINK) {
                return false;
            }
            java.io.File dir = new java.io.File(repository.getWorkTree(), path);
            String[] files = dir.list();
            return !dir.exists() || (dir.isDirectory() && files != null && files.length == 0);
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether a remote of this name is configured. */
    public boolean hasRemote(String remote) {
        try {
            return RemoteConfig.getAllRemoteConfigs(repository.getConfig()).stream().anyMatch(r -> r.getName().equals(remote));
        } catch (java.net.URISyntaxException e) {
            throw new ReleaseFailure("The remotes in " + repository.getDirectory() + "/config are not valid: " + e.getMessage());
        }
    }

    /** The URL of a remote with any user info removed, for messages. */
    public String describeRemote(String remote) {
        String url = repository.getConfig().getString("remote", remote, "url");
        if (url == null) {
            return remote;
        }
        try {
            return remote + " (" + new URIish(url).setUser(null).setPass(null) + ")";
        } catch (java.net.URISyntaxException e) {
            return remote;
        }
    }

    /** Removes the user and password part of every URL in a message, where tokens often hide. */
    static String withoutUserInfo(String message) {
        return message == null ? "" : USER_INFO.matcher(message).replaceAll("$1");
    }

    @Override
    public void close() {
        reachability.close();
        repository.close();
    }
}
