package ai.brokle.release.git;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.version.SemVer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
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
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.MutableObjectId;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectIdOwnerMap;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.util.RawParseUtils;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RemoteConfig;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

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

    /** Forgets what was read of HEAD, after a ref update. */
    void headMoved() {
        headResolved = false;
        head = null;
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

    /** Every tag whose name is exactly {@code prefix} followed by a valid SemVer version. */
    public List<ReleaseTag> releaseTags(String prefix) {
        List<ReleaseTag> tags = new ArrayList<>();
        try {
            for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS + prefix)) {
                String name = ref.getName().substring(Constants.R_TAGS.length());
                SemVer.tryParse(name.substring(prefix.length())).ifPresent(v -> tags.add(new ReleaseTag(name, v)));
            }
        } catch (IOException e) {
            throw new ReleaseError("Cannot list the tags of " + repository.getDirectory() + ": " + e.getMessage(), e);
        }
        return tags;
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
        try (HistoryWalker walker = historyWalker(path)) {
            return walker.walk(head, since == null ? List.of() : List.of(since), consumer);
        }
    }

    /**
     * A walker for many ranges of one history: commits read for one range are not read again
     * for the next, so a whole history cut at each release costs about one walk.
     */
    public HistoryWalker historyWalker(String path) {
        return new HistoryWalker(path);
    }

    /** Walks ranges of history, each the commits reachable from a tip but from none of some others. */
    public final class HistoryWalker implements AutoCloseable {
        private final RevWalk walk = new RevWalk(repository);

        private HistoryWalker(String path) {
            if (!path.isEmpty()) {
                walk.setTreeFilter(AndTreeFilter.create(PathFilterGroup.createFromStrings(path), TreeFilter.ANY_DIFF));
            }
        }

        /**
         * Gives {@code consumer} the commits reachable from {@code tip} and from none of
         * {@code excluded}, newest first, that change something under the walker's path.
         *
         * @return how many commits were given
         */
        public int walk(ObjectId tip, Collection<ObjectId> excluded, Consumer<RawCommit> consumer) {
            int count = 0;
            try {
                walk.reset();
                walk.markStart(walk.parseCommit(tip));
                for (ObjectId id : excluded) {
                    walk.markUninteresting(walk.parseCommit(id));
                }
                for (RevCommit commit : walk) {
                    consumer.accept(raw(commit));
                    commit.disposeBody();
                    count++;
                }
            } catch (IOException e) {
                throw new ReleaseError("Cannot walk the history of " + repository.getDirectory() + ": " + e.getMessage(), e);
            }
            return count;
        }

        @Override
        public void close() {
            walk.close();
        }
    }

    /**
     * Cuts history at each of {@code tips}, taken in order: gives {@code consumer} the index of
     * each tip and the commits reachable from it and from no earlier tip, newest first, that change
     * something under {@code path} ("" for everything). Every commit is read once, so the cost is
     * one walk of the history however many tips there are.
     */
    public void walkSuccessiveRanges(List<ObjectId> tips, String path, BiConsumer<Integer, List<RawCommit>> consumer) {
        try (ObjectReader reader = repository.newObjectReader()) {
            Set<ObjectId> touching = path.isEmpty() ? null : commitsTouching(tips, path);
            Set<ObjectId> shallow = repository.getObjectDatabase().getShallowCommits();
            ObjectIdOwnerMap<Node> nodes = new ObjectIdOwnerMap<>();
            ArrayDeque<Node> pending = new ArrayDeque<>();
            for (int i = 0; i < tips.size(); i++) {
                List<Node> range = new ArrayList<>();
                pending.push(node(nodes, tips.get(i)));
                while (!pending.isEmpty()) {
                    Node node = pending.pop();
                    if (node.buffer != null || node.done) {
                        continue;
                    }
                    node.buffer = reader.open(node, Constants.OBJ_COMMIT).getCachedBytes();
                    range.add(node);
                    node.commitTime = committerTime(node.buffer);
                    int p = RawParseUtils.headerEnd(node.buffer, 0) + 1; // past the tree line
                    MutableObjectId parentId = new MutableObjectId();
                    while (!shallow.contains(node) && RawParseUtils.match(node.buffer, p, PARENT) >= 0) {
                        parentId.fromString(node.buffer, p + PARENT.length);
                        Node parent = node(nodes, parentId);
                        node.parentCount++;
                        if (parent.buffer == null && !parent.done) {
                            pending.push(parent);
                        }
                        p += PARENT.length + Constants.OBJECT_ID_STRING_LENGTH + 1;
                    }
                }
                range.sort(Comparator.comparingLong((Node n) -> n.commitTime).reversed());
                List<RawCommit> commits = new ArrayList<>(range.size());
                for (Node node : range) {
                    if (touching == null || touching.contains(node)) {
                        commits.add(raw(node, node.buffer, node.parentCount));
                    }
                    node.buffer = null;
                    node.done = true;
                }
                consumer.accept(i, commits);
            }
        } catch (IOException e) {
            throw new ReleaseError("Cannot walk the history of " + repository.getDirectory() + ": " + e.getMessage(), e);
        }
    }

    private static final byte[] PARENT = Constants.encodeASCII("parent ");

    /** A commit of {@link #walkSuccessiveRanges}: its raw text while its range is read, then only that it was read. */
    private static final class Node extends ObjectIdOwnerMap.Entry {
        byte[] buffer;
        boolean done;
        long commitTime;
        int parentCount;

        Node(AnyObjectId id) {
            super(id);
        }
    }

    private static Node node(ObjectIdOwnerMap<Node> nodes, AnyObjectId id) {
        Node node = nodes.get(id);
        if (node == null) {
            node = new Node(id);
            nodes.add(node);
        }
        return node;
    }

    /** The committer time of a raw commit, in seconds since the epoch (0 when it has none). */
    private static long committerTime(byte[] buffer) {
        int p = RawParseUtils.committer(buffer, 0);
        if (p < 0) {
            return 0;
        }
        int afterEmail = RawParseUtils.nextLF(buffer, p, '>');
        return RawParseUtils.parseLongBase10(buffer, afterEmail, null);
    }

    /** The commits reachable from any of {@code tips} that change something under {@code path}. */
    private Set<ObjectId> commitsTouching(List<ObjectId> tips, String path) throws IOException {
        Set<ObjectId> touching = new HashSet<>();
        try (RevWalk walk = new RevWalk(repository)) {
            walk.setRetainBody(false);
            walk.setTreeFilter(AndTreeFilter.create(PathFilterGroup.createFromStrings(path), TreeFilter.ANY_DIFF));
            for (ObjectId tip : tips) {
                walk.markStart(walk.parseCommit(tip));
            }
            for (RevCommit commit : walk) {
                touching.add(commit.copy());
            }
        }
        return touching;
    }

    private static RawCommit raw(RevCommit commit) {
        return raw(commit, commit.getRawBuffer(), commit.getParentCount());
    }

    private static RawCommit raw(AnyObjectId id, byte[] buffer, int parentCount) {
        String hash = id.name();
        boolean plain = RawParseUtils.parseEncodingName(buffer) == null;
        String message = plain ? plainMessage(buffer) : null;
        RawCommit fast = message == null ? null : asciiAuthor(hash, buffer, parentCount, message);
        if (fast != null) {
            return fast;
        }
        // an encoding header, a message that is not UTF-8 or an author that is not plain ASCII: JGit's parser
        RevCommit parsed = RevCommit.parse(buffer);
        PersonIdent author = parsed.getAuthorIdent();
        return new RawCommit(hash, message == null ? parsed.getFullMessage() : message, parentCount, author.getName(), author.getEmailAddress(),
                author.getWhenAsInstant().getEpochSecond());
    }

    /**
     * The commit with its author read straight from an ASCII {@code author Name <email> seconds zone}
     * line, as nearly every commit has it; null for any other shape, which JGit's parser reads.
     */
    private static RawCommit asciiAuthor(String hash, byte[] buffer, int parentCount, String message) {
        int start = RawParseUtils.author(buffer, 0);
        if (start < 0) {
            return null;
        }
        int lt = -1;
        int gt = -1;
        int end = start;
        for (; end < buffer.length && buffer[end] != '\n'; end++) {
            byte b = buffer[end];
            if (b < 0) {
                return null;
            } else if (b == '<' && lt < 0) {
                lt = end;
            } else if (b == '>' && lt >= 0 && gt < 0) {
                gt = end;
            }
        }
        if (lt < 0 || gt < 0) {
            return null;
        }
        int nameEnd = lt;
        while (nameEnd > start && buffer[nameEnd - 1] <= ' ') {
            nameEnd--;
        }
        int p = gt + 1;
        while (p < end && buffer[p] == ' ') {
            p++;
        }
        long seconds = 0;
        int digits = 0;
        for (; p < end && buffer[p] >= '0' && buffer[p] <= '9' && digits < 18; p++, digits++) {
            seconds = seconds * 10 + (buffer[p] - '0');
        }
        if (digits == 0) {
            return null;
        }
        return new RawCommit(hash, message, parentCount, new String(buffer, start, nameEnd - start, StandardCharsets.US_ASCII),
                new String(buffer, lt + 1, gt - lt - 1, StandardCharsets.US_ASCII), seconds);
    }

    /**
     * The message of a commit without an encoding header. Most messages are ASCII: those become a
     * string directly, without the buffers of a general decoder; the others go through a strict
     * UTF-8 decoder. Null when the bytes are not UTF-8: JGit then decodes them as git would.
     */
    private static String plainMessage(byte[] raw) {
        int start = RawParseUtils.commitMessage(raw, 0);
        if (start < 0) {
            return "";
        }
        boolean ascii = true;
        for (int i = start; i < raw.length && ascii; i++) {
            ascii = raw[i] >= 0;
        }
        if (ascii) {
            return new String(raw, start, raw.length - start, StandardCharsets.US_ASCII);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(raw, start, raw.length - start)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
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

    /** Whether the remote has the tag, asked with ls-remote; credentials may be null. */
    public boolean remoteHasTag(String remote, String tagName, CredentialsProvider credentials, int timeoutSeconds) {
        try (Git git = new Git(repository)) {
            Collection<Ref> refs = git.lsRemote().setRemote(remote).setTags(true).setTimeout(timeoutSeconds)
                    .setCredentialsProvider(credentials).call();
            String wanted = Constants.R_TAGS + tagName;
            return refs.stream().anyMatch(r -> r.getName().equals(wanted));
        } catch (GitAPIException e) {
            throw new ReleaseError("Cannot list the tags of remote " + describeRemote(remote) + ": " + withoutUserInfo(e.getMessage()));
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
