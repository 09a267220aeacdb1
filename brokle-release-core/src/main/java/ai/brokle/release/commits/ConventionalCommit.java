package ai.brokle.release.commits;

import java.util.List;

/**
 * One commit read as Conventional Commits 1.0.0. A commit whose header does not follow the
 * specification is kept with {@code type == null} ("other"), never rejected.
 *
 * @param hash full object id
 * @param type lower-case type (feat, fix, ...), "revert" for git's own revert messages, or null
 * @param scope scope without parentheses, or null
 * @param breaking {@code !} in the header or a BREAKING CHANGE footer
 * @param subject the description after "type(scope): ", without a trailing "(#123)"
 * @param body text between header and footers, or empty
 * @param footers trailers in order
 * @param header the first line, as written
 * @param merge the commit has more than one parent
 * @param pullRequest the number of a "(#123)" suffix or "Merge pull request #123", or 0
 * @param revertedHash the commit a revert names ("This reverts commit ..."), or null
 */
public record ConventionalCommit(String hash, String type, String scope, boolean breaking, String subject,
        String body, List<Footer> footers, String header, boolean merge, int pullRequest, String revertedHash) {

    public boolean isConventional() {
        return type != null;
    }

    public boolean isRevert() {
        return "revert".equals(type);
    }

    /** The migration note of a breaking change: its footer text, or the subject when only {@code !} marks it. */
    public String breakingDescription() {
        for (Footer f : footers) {
            if (f.isBreakingChange()) {
                return f.value();
            }
        }
        return breaking ? subject : null;
    }
}
