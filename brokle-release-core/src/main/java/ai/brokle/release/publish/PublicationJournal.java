package ai.brokle.release.publish;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseLog;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.git.PublicationRecord.Entry;
import ai.brokle.release.git.PublicationRecord;
import ai.brokle.release.git.RemotePush;
import ai.brokle.release.plan.Journal;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The publication record of a release tag as a plan's journal, shared through the remote: read
 * from it before the steps run, and pushed to it as soon as each step completes, so that a run
 * killed after a step, or a CI job in a fresh clone, finds it. What the remote holds is joined
 * with this clone's record, never written over it. A step that must not happen twice is claimed
 * on the remote before it runs: the push of the claim is a fast-forward that the remote checks as
 * it updates, so of two runs racing on the same tag exactly one sends it.
 */
public final class PublicationJournal implements Journal {
    private static final int ATTEMPTS = 5;

    private final GitRepository git;
    private final RemotePush remote;
    private final String tag;
    private final String ref;
    private final ReleaseLog log;

    /** @param remote the release's remote, or null when the clone has none */
    public PublicationJournal(GitRepository git, RemotePush remote, String tag, ReleaseLog log) {
        this.git = git;
        this.remote = remote;
        this.tag = tag;
        this.ref = PublicationRecord.refName(tag);
        this.log = log;
    }

    @Override
    public boolean has(String step) {
        return Entry.DONE.equals(PublicationRecord.states(git, tag).get(step));
    }

    @Override
    public boolean started(String step) {
        return Entry.STARTED.equals(PublicationRecord.states(git, tag).get(step));
    }

    @Override
    public void record(String step, String where) {
        PublicationRecord.record(git, tag, Entry.now(step, where));
        share();
    }

    @Override
    public boolean claim(String step, String where) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (remote != null) {
                try {
                    fetch();
                } catch (ReleaseError e) {
                    throw new ReleaseError("Cannot read the publication record " + ref + " on the remote (" + e.getMessage() + "), so " + step
                            + " was not sent: another run might send it too. Run again when the remote can be reached");
                }
            }
            String state = PublicationRecord.states(git, tag).get(step);
            if (Entry.DONE.equals(state) || Entry.STARTED.equals(state)) {
                return false;
            }
            ObjectId before = PublicationRecord.head(git, ref);
            if (!PublicationRecord.record(git, tag, Entry.now(step, where, Entry.STARTED), before)) {
                continue;
            }
            if (remote == null) {
                return true;
            }
            ObjectId claimed = PublicationRecord.head(git, ref);
            boolean pushed;
            try {
                pushed = remote.pushFastForward(ref);
            } catch (ReleaseError e) {
                PublicationRecord.move(git, tag, claimed, before);
                throw new ReleaseError("Cannot record on the remote that " + step + " is going out (" + e.getMessage() + "), so it was not"
                        + " sent: another run might send it too. Run again when the remote takes pushes to " + ref);
            }
            if (pushed) {
                return true;
            }
            // another run pushed first: take back this claim, read what it recorded and decide again
            PublicationRecord.move(git, tag, claimed, before);
        }
        throw new ReleaseError("Cannot claim " + step + " of " + tag + ": the publication record " + ref + " kept changing under other runs;"
                + " run again");
    }

    @Override
    public void abandon(String step, String where) {
        PublicationRecord.record(git, tag, Entry.now(step, where, Entry.ABANDONED));
        share();
    }

    @Override
    public void open() {
        if (remote == null) {
            return;
        }
        try {
            fetch();
        } catch (ReleaseError e) {
            log.warn("Cannot read what the remote records as published from " + tag + " (" + e.getMessage() + "); going by this clone's record");
        }
    }

    @Override
    public void close() {
        share();
    }

    /** Joins what the remote records with this clone's record. */
    private void fetch() {
        ObjectId onRemote = remote.refs().get(ref);
        if (onRemote == null) {
            return;
        }
        if (!PublicationRecord.holds(git, onRemote)) {
            remote.fetchInto(ref, PublicationRecord.REMOTE_COPY_PREFIX + tag);
        }
        PublicationRecord.adopt(git, tag, onRemote);
    }

    /** Pushes this clone's record, joining the remote's first when another run moved it; a warning when it cannot. */
    private void share() {
        if (remote == null || PublicationRecord.head(git, ref) == null) {
            return;
        }
        try {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                if (remote.pushFastForward(ref)) {
                    return;
                }
                fetch();
            }
            log.warn("Cannot push the publication record " + ref + ": other runs keep changing it; other clones will not see all that was"
                    + " published");
        } catch (ReleaseError e) {
            log.warn("Cannot push the publication record " + ref + " (" + e.getMessage() + "); other clones will not see what was published");
        }
    }
}
