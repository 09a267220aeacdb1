package ai.brokle.release.git;

import ai.brokle.release.ReleaseError;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * What was published from a release tag (a package upload, an image push, a public GitHub
 * release), kept in git where every clone can see it: the ref
 * {@code refs/brokle-release/published/<tag>} points at a commit whose tree holds
 * {@value #FILE}, a list of what was published, each record a new commit on the previous one.
 * The publishing steps record themselves here and push the ref; {@code rollback} reads it, locally
 * and on the remote, and refuses to undo a release that anything was published from.
 */
public final class PublicationRecord {
    public static final String REF_PREFIX = "refs/brokle-release/published/";
    /** Where the remote's record is fetched to, to be joined with the local one ({@link #adopt}). */
    public static final String REMOTE_COPY_PREFIX = "refs/brokle-release/remote-published/";
    static final String FILE = "published.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One publication, or the start of one that must not happen twice.
     *
     * @param step the step that published (as {@code brokle.perform.skipSteps} names it)
     * @param target where it went (a package URL, an image reference, a release URL)
     * @param at when, as an ISO-8601 instant
     * @param state {@link #DONE} (also when absent, as records of earlier versions are),
     *     {@link #STARTED} (claimed before it went out; no answer recorded since) or
     *     {@link #ABANDONED} (it surely did not go out)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String step, String target, String at, String state) {
        public static final String DONE = "done";
        public static final String STARTED = "started";
        public static final String ABANDONED = "abandoned";

        public static Entry now(String step, String target) {
            return new Entry(step, target, Instant.now().toString(), null);
        }

        public static Entry now(String step, String target, String state) {
            return new Entry(step, target, Instant.now().toString(), DONE.equals(state) ? null : state);
        }

        /** The state, {@link #DONE} when none is written. */
        public String effectiveState() {
            return state == null ? DONE : state;
        }

        @Override
        public String toString() {
            return step + " → " + target + " (" + at + (state == null ? "" : ", " + state) + ")";
        }
    }

    private PublicationRecord() {
    }

    public static String refName(String tag) {
        return REF_PREFIX + tag;
    }

    /** What the local repository records as published from {@code tag}; empty when nothing. */
    public static List<Entry> read(GitRepository git, String tag) {
        return read(git, tag, head(git, refName(tag)));
    }

    /**
     * The state each step last reached in the local record of {@code tag}, by step name
     * ({@link Entry#DONE}, {@link Entry#STARTED} or {@link Entry#ABANDONED}).
     */
    public static Map<String, String> states(GitRepository git, String tag) {
        Map<String, String> states = new LinkedHashMap<>();
        for (Entry e : read(git, tag)) {
            // a step found done stays done, whatever a merged record lists after it
            if (!Entry.DONE.equals(states.get(e.step()))) {
                states.put(e.step(), e.effectiveState());
            }
        }
        return states;
    }

    /** What may have gone out from {@code tag}: every entry but those of abandoned attempts. */
    public static List<Entry> published(GitRepository git, String tag) {
        Map<String, String> states = states(git, tag);
        return read(git, tag).stream().filter(e -> !e.effectiveState().equals(Entry.ABANDONED))
                .filter(e -> e.effectiveState().equals(Entry.DONE) || states.get(e.step()).equals(Entry.STARTED)).toList();
    }

    /** Whether this clone has the object {@code id} (a record the remote holds needs no fetch when it has). */
    public static boolean holds(GitRepository git, ObjectId id) {
        try {
            return git.jgit().getObjectDatabase().has(id);
        } catch (IOException e) {
            throw new ReleaseError("Cannot read the object database: " + e.getMessage(), e);
        }
    }

    /** The commit a ref points at; null when there is no such ref. */
    public static ObjectId head(GitRepository git, String ref) {
        try {
            Ref found = git.jgit().exactRef(ref);
            return found == null ? null : found.getObjectId();
        } catch (IOException e) {
            throw new ReleaseError("Cannot read " + ref + ": " + e.getMessage(), e);
        }
    }

    private static List<Entry> read(GitRepository git, String tag, ObjectId id) {
        if (id == null) {
            return List.of();
        }
        Repository repository = git.jgit();
        try {
            try (RevWalk walk = new RevWalk(repository)) {
                RevCommit commit = walk.parseCommit(id);
                try (TreeWalk file = TreeWalk.forPath(repository, FILE, commit.getTree())) {
                    if (file == null) {
                        throw new ReleaseError(refName(tag) + " holds no " + FILE + ": it was not written by brokle-release");
                    }
                    byte[] bytes = repository.open(file.getObjectId(0), Constants.OBJ_BLOB).getBytes();
                    return JSON.readValue(bytes, new TypeReference<List<Entry>>() { });
                }
            }
        } catch (IOException e) {
            throw new ReleaseError("Cannot read what was published from " + tag + " (" + refName(tag) + "): " + e.getMessage(), e);
        }
    }

    /** Adds {@code entry} to what the local repository records for {@code tag}; push {@link #refName} to share it. */
    public static void record(GitRepository git, String tag, Entry entry) {
        ObjectId previous = head(git, refName(tag));
        if (!record(git, tag, entry, previous)) {
            throw new ReleaseError("Cannot record the publication of " + tag + " in " + refName(tag) + ": another run changed it at the same"
                    + " moment; run again");
        }
    }

    /**
     * Adds {@code entry} to the local record of {@code tag} when the record is still at
     * {@code expected} (null: none yet); false, changing nothing, when another run moved it.
     */
    public static boolean record(GitRepository git, String tag, Entry entry, ObjectId expected) {
        List<Entry> entries = new ArrayList<>(read(git, tag, expected));
        entries.add(entry);
        String message = (entry.effectiveState().equals(Entry.DONE) ? "Published " : "Publication " + entry.effectiveState() + ": ")
                + entry.step() + " of " + tag + ": " + entry.target() + "\n";
        return write(git, tag, entries, expected == null ? List.of() : List.of(expected), expected, message);
    }

    /**
     * Brings what the remote records for {@code tag} (fetched to {@code fetched}) into the local
     * record without losing anything of either: the local record is moved to the remote's when
     * that contains it, kept when it contains the remote's, and otherwise joined with it in a merge
     * whose entries are both lists', so that the next push is a fast-forward.
     */
    public static void adopt(GitRepository git, String tag, ObjectId fetched) {
        if (fetched == null) {
            return;
        }
        Repository repository = git.jgit();
        for (int attempt = 0; attempt < 5; attempt++) {
            ObjectId local = head(git, refName(tag));
            try (RevWalk walk = new RevWalk(repository)) {
                if (local != null && walk.isMergedInto(walk.parseCommit(fetched), walk.parseCommit(local))) {
                    return;
                }
                boolean done;
                if (local == null || walk.isMergedInto(walk.parseCommit(local), walk.parseCommit(fetched))) {
                    done = move(git, tag, local, fetched);
                } else {
                    List<Entry> entries = new ArrayList<>(read(git, tag, fetched));
                    read(git, tag, local).stream().filter(e -> !entries.contains(e)).forEach(entries::add);
                    done = write(git, tag, entries, List.of(local, fetched), local, "Joined the publication records of " + tag
                            + " of two runs\n");
                }
                if (done) {
                    return;
                }
            } catch (IOException e) {
                throw new ReleaseError("Cannot compare the publication records of " + tag + ": " + e.getMessage(), e);
            }
        }
        throw new ReleaseError("Cannot join the remote's publication record of " + tag + " with this clone's: other runs keep changing it");
    }

    /** Moves the local record of {@code tag} from {@code expected} to {@code to} (null: deletes it); false when another run moved it. */
    public static boolean move(GitRepository git, String tag, ObjectId expected, ObjectId to) {
        try {
            RefUpdate update = git.jgit().updateRef(refName(tag));
            update.setExpectedOldObjectId(expected == null ? ObjectId.zeroId() : expected);
            update.setRefLogMessage("brokle-release: publication record", false);
            update.setForceUpdate(true);
            if (to == null) {
                RefUpdate.Result result = update.delete();
                return result == RefUpdate.Result.FORCED || result == RefUpdate.Result.NO_CHANGE;
            }
            update.setNewObjectId(to);
            RefUpdate.Result result = update.update();
            return result == RefUpdate.Result.NEW || result == RefUpdate.Result.FAST_FORWARD || result == RefUpdate.Result.FORCED
                    || result == RefUpdate.Result.NO_CHANGE;
        } catch (IOException e) {
            throw new ReleaseError("Cannot update " + refName(tag) + ": " + e.getMessage(), e);
        }
    }

    private static boolean write(GitRepository git, String tag, List<Entry> entries, List<ObjectId> parents, ObjectId expected,
            String message) {
        Repository repository = git.jgit();
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            ObjectId blob = inserter.insert(Constants.OBJ_BLOB, JSON.writeValueAsBytes(entries));
            TreeFormatter tree = new TreeFormatter();
            tree.append(FILE, FileMode.REGULAR_FILE, blob);
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(inserter.insert(tree));
            commit.setParentIds(parents);
            PersonIdent who = new PersonIdent(repository);
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            RefUpdate update = repository.updateRef(refName(tag));
            update.setExpectedOldObjectId(expected == null ? ObjectId.zeroId() : expected);
            update.setNewObjectId(id);
            update.setRefLogMessage("brokle-release: " + message.strip(), false);
            RefUpdate.Result result = update.update();
            if (result == RefUpdate.Result.LOCK_FAILURE || result == RefUpdate.Result.REJECTED) {
                return false;
            }
            if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FAST_FORWARD) {
                throw new ReleaseError("Cannot record the publication of " + tag + " in " + refName(tag) + ": " + result);
            }
            return true;
        } catch (IOException e) {
            throw new ReleaseError("Cannot record the publication of " + tag + " in " + refName(tag) + ": " + e.getMessage(), e);
        }
    }
}
