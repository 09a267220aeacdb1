package ai.brokle.release.git;

import ai.brokle.release.ReleaseError;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.MutableObjectId;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectIdOwnerMap;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.util.RawParseUtils;

/**
 * Reads the commits of a history fast: ranges walked with one RevWalk, or whole histories cut at
 * each release tag with every commit read once, straight from the object reader (no tree objects
 * unless a path filters them), giving {@link RawCommit}s.
 */
public final class CommitHistory {
    private final Repository repository;

    CommitHistory(Repository repository) {
        this.repository = repository;
    }

    /**
     * A walker for many ranges of one history: commits read for one range are not read again
     * for the next, so a whole history cut at each release costs about one walk.
     */
    public Walker walker(String path) {
        return new Walker(path);
    }

    /** Walks ranges of history, each the commits reachable from a tip but from none of some others. */
    public final class Walker implements AutoCloseable {
        private final RevWalk walk = new RevWalk(repository);

        private Walker(String path) {
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
}
