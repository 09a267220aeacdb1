package ai.brokle.release.changelog;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Web links into a repository: commits, pull requests, comparisons and tags. GitLab's paths are
 * used for hosts named gitlab, GitHub's (also Gitea's and Forgejo's) for the others.
 */
public final class RepositoryLinks {
    private static final Pattern SCP_LIKE = Pattern.compile("^(?:[^@/\\s]+@)?([^:/\\s]+):(?!/)(.+)$");
    private static final Pattern URL = Pattern.compile("^(?:ssh|git|https?|git\\+ssh)://(?:[^@/\\s]+@)?([^/:\\s]+)(?::(\\d+))?/(.+)$");

    private final String base;
    private final boolean gitlab;

    private RepositoryLinks(String base) {
        this.base = base;
        this.gitlab = base.toLowerCase(Locale.ROOT).matches("https?://[^/]*gitlab[^/]*/.*");
    }

    /** Links under a web address such as https://github.com/brokle-ai/brokle. */
    public static RepositoryLinks of(String webUrl) {
        return new RepositoryLinks(webUrl.replaceAll("/+$", ""));
    }

    /**
     * Links for a remote URL (https, ssh, or scp-like {@code git@host:owner/repo.git}), with any
     * user name or token dropped; null for a URL with no web address, such as a local path.
     */
    public static RepositoryLinks fromRemote(String remoteUrl) {
        if (remoteUrl == null || remoteUrl.isBlank()) {
            return null;
        }
        String url = remoteUrl.strip();
        String host;
        String port = null;
        String path;
        Matcher m = URL.matcher(url);
        Matcher scp = SCP_LIKE.matcher(url);
        if (m.matches()) {
            host = m.group(1);
            port = url.startsWith("http") ? m.group(2) : null;
            path = m.group(3);
        } else if (!url.contains("://") && scp.matches() && scp.group(1).contains(".")) {
            host = scp.group(1);
            path = scp.group(2);
        } else {
            return null;
        }
        path = path.replaceAll("/+$", "").replaceAll("\\.git$", "");
        if (path.isEmpty() || !path.contains("/") && !host.contains(".")) {
            return null;
        }
        return new RepositoryLinks("https://" + host + (port == null ? "" : ":" + port) + "/" + path);
    }

    public String base() {
        return base;
    }

    public String commit(String hash) {
        return base + (gitlab ? "/-/commit/" : "/commit/") + hash;
    }

    public String pullRequest(int number) {
        return base + (gitlab ? "/-/merge_requests/" : "/pull/") + number;
    }

    /** Changes from one ref to another (tags, or HEAD). */
    public String compare(String from, String to) {
        return base + (gitlab ? "/-/compare/" : "/compare/") + from + "..." + to;
    }

    public String tag(String tag) {
        return base + (gitlab ? "/-/tags/" : "/releases/tag/") + tag;
    }
}
