package ai.brokle.release.git;

import ai.brokle.release.ReleaseError;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * A remote git operation with a bound on its whole duration. JGit's own timeout does not hold for
 * every transport (a git:// daemon that takes the connection and never answers blocks a socket read
 * that no interrupt ends), so the operation runs on a thread of its own and is abandoned at the
 * bound; that thread ends when the connection does.
 */
public final class BoundedCall {
    private BoundedCall() {
    }

    /** Runs {@code call} for at most {@code boundSeconds}; a failure is a {@link ReleaseError} starting with {@code failure}. */
    public static <T> T run(String failure, int boundSeconds, Callable<T> call) {
        FutureTask<T> task = new FutureTask<>(call);
        Thread worker = new Thread(task, "brokle-release-remote");
        worker.setDaemon(true);
        worker.start();
        try {
            return task.get(boundSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new ReleaseError(failure + ": no answer within " + boundSeconds + " s (the remote took the connection and sent nothing);"
                    + " check that the URL names a git server and that it is up");
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new ReleaseError(failure + ": interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime && !(cause instanceof org.eclipse.jgit.api.errors.JGitInternalException)) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            String message = cause instanceof GitAPIException || cause.getMessage() != null ? cause.getMessage() : cause.toString();
            throw new ReleaseError(failure + ": " + GitRepository.withoutUserInfo(message));
        }
    }
}
