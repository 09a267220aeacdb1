package ai.brokle.release.git;

import ai.brokle.release.ReleaseError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/** Reading and updating a remote's refs: what it has, and an all-or-nothing push of a release. */
public final class RemotePush {
    private final GitRepository git;
    private final String remote;
    private final CredentialsProvider credentials;
    private final int timeoutSeconds;

    /** How many read timeouts a listing of refs may take in all, and a fetch or push. */
    private static final int LISTING = 2;
    private static final int TRANSFER = 4;

    /** One JGit remote operation. */
    @FunctionalInterface
    private interface RemoteCall<T> {
        T call(Git g) throws GitAPIException;
    }

    public RemotePush(GitRepository git, String remote, CredentialsProvider credentials, int timeoutSeconds) {
        this.git = git;
        this.remote = remote;
        this.credentials = credentials;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** The names of the remote's tags (without refs/tags/). */
    public Set<String> tags() {
        Collection<Ref> refs = bounded("Cannot list the tags of remote " + git.describeRemote(remote), LISTING,
                g -> g.lsRemote().setRemote(remote).setTags(true).setTimeout(timeoutSeconds).setCredentialsProvider(credentials).call());
        Set<String> names = new HashSet<>();
        refs.forEach(r -> names.add(r.getName().substring(Constants.R_TAGS.length())));
        return names;
    }

    /** The remote's refs (full names → the object each points at, tags not peeled). */
    public Map<String, ObjectId> refs() {
        Collection<Ref> refs = bounded("Cannot list the refs of remote " + git.describeRemote(remote), LISTING,
                g -> g.lsRemote().setRemote(remote).setTimeout(timeoutSeconds).setCredentialsProvider(credentials).call());
        Map<String, ObjectId> found = new HashMap<>();
        refs.forEach(r -> found.put(r.getName(), r.getObjectId()));
        return found;
    }

    /** Fetches the remote's {@code refNames} into the same local names (refs the remote lacks are left out). */
    public void fetch(List<String> refNames) {
        if (refNames.isEmpty()) {
            return;
        }
        List<RefSpec> specs = refNames.stream().map(r -> new RefSpec("+" + r + ":" + r)).toList();
        bounded("Cannot fetch from remote " + git.describeRemote(remote), TRANSFER,
                g -> g.fetch().setRemote(remote).setRefSpecs(specs).setTimeout(timeoutSeconds).setCredentialsProvider(credentials).call());
    }

    /**
     * Fetches the remote's {@code remoteRef} into the local {@code localRef}, replacing what that
     * holds (a scratch ref: what the remote has is compared with the local ref afterwards, never
     * written over it).
     */
    public void fetchInto(String remoteRef, String localRef) {
        bounded("Cannot fetch from remote " + git.describeRemote(remote), TRANSFER, g -> g.fetch().setRemote(remote)
                .setRefSpecs(new RefSpec("+" + remoteRef + ":" + localRef)).setTimeout(timeoutSeconds).setCredentialsProvider(credentials).call());
    }

    /**
     * Pushes the local {@code refName} to the same name on the remote when that is a fast-forward of
     * what the remote holds at that moment (the remote checks the old value as it updates, so of two
     * runs pushing at once one wins). False when the remote refused because its ref moved; an
     * error when the remote cannot be reached or refused for another reason.
     */
    public boolean pushFastForward(String refName) {
        Iterable<PushResult> results = bounded("Cannot push to remote " + git.describeRemote(remote), TRANSFER, g -> g.push().setRemote(remote)
                .setRefSpecs(new RefSpec(refName + ":" + refName)).setTimeout(timeoutSeconds).setCredentialsProvider(credentials).call());
        for (PushResult result : results) {
            for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                switch (update.getStatus()) {
                    case OK, UP_TO_DATE -> {
                    }
                    case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED -> {
                        return false;
                    }
                    case REJECTED_OTHER_REASON -> {
                        String message = update.getMessage() == null ? "" : update.getMessage();
                        if (message.contains("lock") || message.contains("fetch first") || message.contains("non-fast-forward")) {
                            return false;
                        }
                        throw new ReleaseError("Remote " + git.describeRemote(remote) + " refused the push of " + refName + ": " + message);
                    }
                    default -> throw new ReleaseError("Remote " + git.describeRemote(remote) + " refused the push of " + refName + ": "
                            + update.getStatus().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                            + (update.getMessage() == null ? "" : " (" + update.getMessage() + ")"));
                }
            }
        }
        return true;
    }

    /**
     * Pushes each local ref to the same name on the remote in one atomic push: the remote takes all
     * or none. A rejection is an error that quotes the remote's reasons (a hook's output included).
     */
    public void pushAtomically(List<String> refNames) {
        pushAtomically(refNames, List.of());
    }

    /** Pushes a local branch to the same name on the remote, replacing what is there (a bot's branch that is rewritten on each run). */
    public void pushReplacing(String refName) {
        Iterable<PushResult> results = bounded("Cannot push to remote " + git.describeRemote(remote), TRANSFER, g -> g.push().setRemote(remote)
                .setRefSpecs(new RefSpec("+" + refName + ":" + refName)).setTimeout(timeoutSeconds).setCredentialsProvider(credentials).call());
        for (PushResult result : results) {
            for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                RemoteRefUpdate.Status status = update.getStatus();
                if (status != RemoteRefUpdate.Status.OK && status != RemoteRefUpdate.Status.UP_TO_DATE) {
                    throw new ReleaseError("Remote " + git.describeRemote(remote) + " refused the push of " + refName + ": "
                            + status.name().toLowerCase(Locale.ROOT).replace('_', ' ') + (update.getMessage() == null ? "" : " (" + update.getMessage() + ")"));
                }
            }
        }
    }

    /**
     * Pushes each local ref of {@code refNames} to the same name on the remote and deletes
     * {@code deletions} from it, in one atomic push: the remote takes all or none.
     */
    public void pushAtomically(List<String> refNames, List<String> deletions) {
        List<RefSpec> specs = new ArrayList<>();
        refNames.forEach(r -> specs.add(new RefSpec(r + ":" + r)));
        deletions.forEach(r -> specs.add(new RefSpec(":" + r)));
        Iterable<PushResult> results = bounded("Cannot push to remote " + git.describeRemote(remote), TRANSFER, g -> g.push().setRemote(remote)
                .setAtomic(true).setRefSpecs(specs).setTimeout(timeoutSeconds).setCredentialsProvider(credentials).call());
        List<String> rejected = new ArrayList<>();
        StringBuilder remoteMessages = new StringBuilder();
        for (PushResult result : results) {
            if (result.getMessages() != null && !result.getMessages().isBlank()) {
                remoteMessages.append(result.getMessages().strip());
            }
            for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                RemoteRefUpdate.Status status = update.getStatus();
                if (status != RemoteRefUpdate.Status.OK && status != RemoteRefUpdate.Status.UP_TO_DATE
                        && !(update.isDelete() && status == RemoteRefUpdate.Status.NON_EXISTING)) {
                    rejected.add(update.getRemoteName() + " " + status.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                            + (update.getMessage() == null ? "" : " (" + update.getMessage() + ")"));
                }
            }
        }
        if (!rejected.isEmpty()) {
            throw new ReleaseError("Remote " + git.describeRemote(remote) + " refused the push: " + String.join("; ", rejected)
                    + (remoteMessages.length() == 0 ? "" : "\nThe remote said:\n" + GitRepository.withoutUserInfo(remoteMessages.toString())));
        }
    }

    private <T> T bounded(String failure, int factor, RemoteCall<T> call) {
        return BoundedCall.run(failure, timeoutSeconds * factor, () -> {
            try (Git g = new Git(git.jgit())) {
                return call.call(g);
            }
        });
    }
}
