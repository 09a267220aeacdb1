package ai.brokle.release.git;

/** A commit as history gives it: id, full message and how many parents it has. */
public record RawCommit(String hash, String message, int parentCount) {
}
