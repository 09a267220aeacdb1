package ai.brokle.release.changelog;

/** Someone who wrote commits of a release. */
public record Author(String name, String email) {
}
