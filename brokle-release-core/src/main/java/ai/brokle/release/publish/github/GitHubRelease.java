package ai.brokle.release.publish.github;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A release on GitHub, as the client reads it.
 *
 * @param id its id
 * @param tag its tag name
 * @param draft whether it is still a draft
 * @param htmlUrl its web address
 * @param uploadUrl where its assets are uploaded (a URI template)
 * @param body its notes (Markdown), empty when it has none
 * @param prerelease whether GitHub marks it as a pre-release
 * @param publishedAt when it was made public (ISO-8601), or null for a draft
 */
public record GitHubRelease(long id, String tag, boolean draft, String htmlUrl, String uploadUrl, String body, boolean prerelease,
        String publishedAt) {
    static GitHubRelease of(JsonNode node) {
        return new GitHubRelease(node.path("id").asLong(), node.path("tag_name").asText(), node.path("draft").asBoolean(true),
                node.path("html_url").asText(null), node.path("upload_url").asText(""), node.path("body").asText(""),
                node.path("prerelease").asBoolean(false), node.path("published_at").isTextual() ? node.path("published_at").asText() : null);
    }

    /**
     * An asset of a release.
     *
     * @param id its id
     * @param name its file name
     * @param digest GitHub's digest of it, {@code sha256:<hex>} (empty when GitHub gives none)
     */
    public record Asset(long id, String name, String digest) {
        static Asset of(JsonNode node) {
            return new Asset(node.path("id").asLong(), node.path("name").asText(), node.path("digest").asText(""));
        }
    }

    /**
     * What a release says: its name, notes and whether it is a pre-release.
     *
     * @param tag the tag it is made from
     * @param name its title
     * @param body its notes (Markdown)
     * @param prerelease whether GitHub marks it as a pre-release
     */
    public record Fields(String tag, String name, String body, boolean prerelease) {
    }

    /**
     * A pull request.
     *
     * @param number its number
     * @param htmlUrl its web address
     */
    /**
     * A pull request as GitHub describes it.
     *
     * @param state open or closed
     * @param merged whether it was merged
     * @param headSha the commit its branch pointed at
     * @param mergeCommitSha the commit its merge made on the base (the merge, squash or rebased commit), or null
     * @param labels its labels' names
     */
    public record PullRequest(long number, String htmlUrl, String nodeId, String state, boolean merged, String headSha, String mergeCommitSha,
            java.util.List<String> labels, String body) {
        static PullRequest of(JsonNode node) {
            java.util.List<String> labels = new java.util.ArrayList<>();
            node.path("labels").forEach(l -> labels.add(l.path("name").asText()));
            return new PullRequest(node.path("number").asLong(), node.path("html_url").asText(null), node.path("node_id").asText(null),
                    node.path("state").asText("open"), node.path("merged_at").isTextual() || node.path("merged").asBoolean(false),
                    node.path("head").path("sha").asText(null), node.path("merge_commit_sha").asText(null), java.util.List.copyOf(labels),
                    node.path("body").asText(""));
        }
    }
}
