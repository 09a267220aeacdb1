package ai.brokle.release.git;

/**
 * A commit as history gives it.
 *
 * @param hash full object id
 * @param message full message
 * @param parentCount how many parents it has (more than one: a merge)
 * @param authorName the author's name
 * @param authorEmail the author's e-mail address
 * @param authorTime when it was authored, in seconds since the epoch
 */
public record RawCommit(String hash, String message, int parentCount, String authorName, String authorEmail, long authorTime) {
}
