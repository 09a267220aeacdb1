package ai.brokle.release.git;

import ai.brokle.release.ReleaseError;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    static final String FILE = "published.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One publication.
     *
     * @param step the step that published (as {@code brokle.perform.skipSteps} names it)
     * @param target where it went (a package URL, an image reference, a release URL)
     * @param at when, as an ISO-8601 instant
     */
    public record Entry(String step, String target, String at) {
        public static Entry now(String step, String target) {
            return new Entry(step, target, Instant.now().toString());
        }

        @Override
        public String toString() {
            return step + " → " + target + " (" + at + ")";
        }
    }

    private PublicationRecord() {
    }

    public static String refName(String tag) {
        return REF_PREFIX + tag;
    }

    /** What the local repository records as published from {@code tag}; empty when nothing. */
    public static List<Entry> read(GitRepository git, String tag) {
        Repository repository = git.jgit();
        try {
            Ref ref = repository.exactRef(refName(tag));
            if (ref == null || ref.getObjectId() == null) {
                return List.of();
            }
            try (RevWalk walk = new RevWalk(repository)) {
                RevCommit commit = walk.parseCommit(ref.getObjectId());
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
        Repository repository = git.jgit();
        List<Entry> entries = new ArrayList<>(read(git, tag));
        entries.add(entry);
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            Optional<ObjectId> previous = Optional.ofNullable(repository.exactRef(refName(tag))).map(Ref::getObjectId);
            ObjectId blob = inserter.insert(Constants.OBJ_BLOB, JSON.writeValueAsBytes(entries));
            TreeFormatter tree = new TreeFormatter();
            tree.append(FILE, FileMode.REGULAR_FILE, blob);
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(inserter.insert(tree));
            previous.ifPresent(commit::setParentId);
            PersonIdent who = new PersonIdent(repository);
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage("Published " + entry.step() + " of " + tag + ": " + entry.target() + "\n");
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            RefUpdate update = repository.updateRef(refName(tag));
            update.setExpectedOldObjectId(previous.orElse(ObjectId.zeroId()));
            update.setNewObjectId(id);
            update.setRefLogMessage("brokle-release: published " + entry.step(), false);
            RefUpdate.Result result = update.update();
            if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FAST_FORWARD) {
                throw new ReleaseError("Cannot record the publication of " + tag + " in " + refName(tag) + ": " + result);
            }
        } catch (IOException e) {
            throw new ReleaseError("Cannot record the publication of " + tag + " in " + refName(tag) + ": " + e.getMessage(), e);
        }
    }
}
