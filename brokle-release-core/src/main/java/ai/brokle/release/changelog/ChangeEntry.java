package ai.brokle.release.changelog;

/**
 * One change as changelogs and release notes list it.
 *
 * @param hash full commit id
 * @param shortHash the first seven characters of the id
 * @param type conventional-commit type (feat, fix, ...)
 * @param scope scope, or null
 * @param subject the description
 * @param breaking whether it breaks compatibility
 * @param migration what users must do, from the BREAKING CHANGE footer (the subject when only {@code !} marks it); null when not breaking
 * @param pullRequest the pull request number, or 0
 * @param commitUrl link to the commit, or null when the repository's address is unknown
 * @param pullRequestUrl link to the pull request, or null
 * @param authorName who wrote it
 * @param authorEmail the author's e-mail address
 * @param text the Markdown line for a list item: "**scope:** subject ([#12](...)) ([abc1234](...))"
 */
public record ChangeEntry(String hash, String shortHash, String type, String scope, String subject, boolean breaking, String migration,
        int pullRequest, String commitUrl, String pullRequestUrl, String authorName, String authorEmail, String text) {
}
