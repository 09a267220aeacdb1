package ai.brokle.release.commits;

/** A commit message trailer such as {@code BREAKING CHANGE: ...} or {@code Refs #12}. */
public record Footer(String token, String value) {
    public boolean isBreakingChange() {
        return "BREAKING CHANGE".equals(token) || "BREAKING-CHANGE".equals(token);
    }
}
