package ai.brokle.release.publish;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseLog;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.git.PublicationRecord;
import ai.brokle.release.git.RemotePush;
import ai.brokle.release.plan.Journal;
import java.util.List;

/**
 * The publication record of a release tag as a plan's journal: read from the remote before the
 * steps run, written locally as each step completes, and pushed back to the remote afterwards so
 * that other jobs and clones see it. A remote that cannot be reached is a warning: the clone's own
 * record is used.
 */
public final class PublicationJournal implements Journal {
    private final GitRepository git;
    private final RemotePush remote;
    private final String tag;
    private final ReleaseLog log;

    /** @param remote the release's remote, or null when the clone has none */
    public PublicationJournal(GitRepository git, RemotePush remote, String tag, ReleaseLog log) {
        this.git = git;
        this.remote = remote;
        this.tag = tag;
        this.log = log;
    }

    @Override
    public boolean has(String step) {
        return PublicationRecord.read(git, tag).stream().anyMatch(e -> e.step().equals(step));
    }

    @Override
    public void record(String step, String where) {
        PublicationRecord.record(git, tag, PublicationRecord.Entry.now(step, where));
    }

    @Override
    public void open() {
        if (remote == null) {
            return;
        }
        try {
            String ref = PublicationRecord.refName(tag);
            if (remote.refs().containsKey(ref)) {
                remote.fetch(List.of(ref));
            }
        } catch (ReleaseError e) {
            log.warn("Cannot read what the remote records as published from " + tag + " (" + e.getMessage() + "); going by this clone's record");
        }
    }

    @Override
    public void close() {
        if (remote == null || PublicationRecord.read(git, tag).isEmpty()) {
            return;
        }
        try {
            remote.pushAtomically(List.of(PublicationRecord.refName(tag)));
        } catch (ReleaseError e) {
            log.warn("Cannot push the publication record " + PublicationRecord.refName(tag) + " (" + e.getMessage() + "); other clones will"
                    + " not see what was published");
        }
    }
}
