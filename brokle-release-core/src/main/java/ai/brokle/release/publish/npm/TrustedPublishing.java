package ai.brokle.release.publish.npm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * npm Trusted Publishing: in GitHub Actions, with {@code id-token: write} and no token, the npm CLI
 * (11.5.1 or later) exchanges the job's OIDC token for a short-lived publish token itself. What it
 * needs is checked before anything is published, each with what to do.
 */
final class TrustedPublishing {
    /** The first npm CLI that exchanges the OIDC token. */
    static final int[] MINIMUM_NPM = {11, 5, 1};
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern GITHUB_REPOSITORY = Pattern.compile("(?:github:|github\\.com[/:])?([A-Za-z0-9-]+)/([A-Za-z0-9._-]+?)(?:\\.git)?/?$");

    private TrustedPublishing() {
    }

    /** Whether this run publishes through Trusted Publishing: in GitHub Actions, without an npm token. */
    static boolean applies(Map<String, String> env, boolean hasToken) {
        return !hasToken && "true".equals(env.get("GITHUB_ACTIONS"));
    }

    /**
     * What stops Trusted Publishing here: an npm CLI too old, a job without id-token: write, a
     * package whose repository field does not name the job's repository (npm refuses it).
     *
     * @param npmVersion what {@code npm --version} says, or null when npm cannot be run
     * @param manifests package name → its package.json text
     */
    static List<String> problems(String npmVersion, Map<String, String> env, Map<String, String> manifests) {
        List<String> problems = new ArrayList<>();
        if (npmVersion == null || !atLeast(npmVersion.strip(), MINIMUM_NPM)) {
            problems.add("npm Trusted Publishing needs npm 11.5.1 or later, and this job has " + (npmVersion == null ? "no npm" : "npm "
                    + npmVersion.strip()) + ": use Node 24 (actions/setup-node with node-version: 24), or run 'npm install -g npm@latest'"
                    + " first; or set NPM_TOKEN to publish with a token");
        }
        if (env.get("ACTIONS_ID_TOKEN_REQUEST_URL") == null || env.get("ACTIONS_ID_TOKEN_REQUEST_TOKEN") == null) {
            problems.add("No npm token, and the job cannot ask for an OIDC token: give the publishing job 'permissions: id-token: write' for"
                    + " npm Trusted Publishing, or set NPM_TOKEN");
        }
        String repository = env.get("GITHUB_REPOSITORY");
        manifests.forEach((name, text) -> {
            Optional<String> named = repository(text);
            if (repository != null && (named.isEmpty() || !named.get().equalsIgnoreCase(repository))) {
                problems.add(name + ": npm Trusted Publishing requires package.json's \"repository\" to be this repository: set it to"
                        + " {\"type\": \"git\", \"url\": \"git+https://github.com/" + repository + ".git\"}" + (named.isEmpty() ? "" : " (it names "
                        + named.get() + ")"));
            }
        });
        return problems;
    }

    /** The GitHub repository (owner/name) a package.json's repository field names, if it names one. */
    static Optional<String> repository(String packageJson) {
        try {
            JsonNode field = JSON.readTree(packageJson).path("repository");
            String url = field.isTextual() ? field.asText() : field.path("url").asText("");
            Matcher m = GITHUB_REPOSITORY.matcher(url.strip());
            if (url.isBlank() || !m.find() || (!url.contains("github") && url.contains(":") && !url.startsWith("github:"))) {
                return Optional.empty();
            }
            return Optional.of(m.group(1) + "/" + m.group(2));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static boolean atLeast(String version, int[] minimum) {
        String[] parts = version.split("[.-]");
        for (int i = 0; i < minimum.length; i++) {
            int part;
            try {
                part = i < parts.length ? Integer.parseInt(parts[i]) : 0;
            } catch (NumberFormatException e) {
                return false;
            }
            if (part != minimum[i]) {
                return part > minimum[i];
            }
        }
        return true;
    }

    /** The advice for a publish that npm refused under Trusted Publishing. */
    static String refusedAdvice(String packageName, Map<String, String> env) {
        return " (npm Trusted Publishing: on npmjs.com, the package " + packageName + " needs a trusted publisher naming the repository "
                + env.getOrDefault("GITHUB_REPOSITORY", "<owner/repo>").toLowerCase(Locale.ROOT) + " and this workflow's file name)";
    }
}
