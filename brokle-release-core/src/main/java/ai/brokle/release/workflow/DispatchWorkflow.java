package ai.brokle.release.workflow;

import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.ReleaseLog;
import ai.brokle.release.config.ConfigLoader;
import ai.brokle.release.config.GitHubConfig;
import ai.brokle.release.github.GitHubActions;
import ai.brokle.release.github.GitHubClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code dispatch} goal: one repository_dispatch event given on the command line, or the
 * events configured for the component of a release tag (the dispatch steps of {@code perform}).
 */
public final class DispatchWorkflow {
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9-]+/[A-Za-z0-9._-]+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PerformOptions options;
    private final PrintStream stdout;
    private final ReleaseLog log;

    public DispatchWorkflow(PerformOptions options, PrintStream stdout) {
        this.options = options;
        this.stdout = stdout;
        this.log = options.release().log();
    }

    /** github.apiUrl of the configuration when it names one, else GITHUB_API_URL (set by GitHub Actions), else api.github.com. */
    private URI apiUrl() {
        String configured = ConfigLoader.load(options.release().baseDirectory()).github().apiUrl();
        if (!configured.equals(GitHubConfig.DEFAULT_API_URL)) {
            return URI.create(configured);
        }
        String fromActions = options.release().env("GITHUB_API_URL");
        return URI.create(fromActions != null ? fromActions : GitHubConfig.DEFAULT_API_URL);
    }

    /** Sends the event given by {@code repository}, {@code eventType} and {@code payload}; without a repository, perform's dispatch steps. */
    public void send(String repository, String eventType, String payload) {
        if (repository == null || repository.isBlank()) {
            if ((eventType != null && !eventType.isBlank()) || (payload != null && !payload.isBlank())) {
                throw new ReleaseFailure("brokle.repository: missing; name the receiving repository (owner/name) with the event");
            }
            new PerformWorkflow(options.withSkip(String.join(",", PerformWorkflow.GITHUB_RELEASE, PerformWorkflow.SLACK,
                    PerformWorkflow.DISCORD)), stdout).execute();
            return;
        }
        List<String> problems = new ArrayList<>();
        if (!REPOSITORY.matcher(repository.trim()).matches()) {
            problems.add("brokle.repository: '" + repository + "' is not a repository; write owner/name, e.g. brokle-ai/brokle");
        }
        if (eventType == null || eventType.isBlank() || eventType.trim().length() > 100) {
            problems.add("brokle.eventType: " + (eventType == null || eventType.isBlank() ? "missing" : "longer than 100 characters")
                    + "; give the type the receiving workflow listens for, e.g. sdk-released");
        }
        JsonNode clientPayload = JSON.createObjectNode();
        if (payload != null && !payload.isBlank()) {
            try {
                clientPayload = JSON.readTree(payload);
                if (!clientPayload.isObject()) {
                    problems.add("brokle.payload: must be a JSON object, e.g. {\"sdk\":\"python\",\"version\":\"1.2.3\"}");
                }
            } catch (IOException e) {
                problems.add("brokle.payload: not JSON (" + e.getMessage().lines().findFirst().orElse("") + "); give an object such as"
                        + " {\"sdk\":\"python\",\"version\":\"1.2.3\"}");
            }
        }
        String token = options.token();
        if (token == null && !options.dryRun()) {
            problems.add("No GitHub token: set GITHUB_TOKEN or GH_TOKEN, or name a settings.xml server with -Dbrokle.githubServerId");
        }
        if (!problems.isEmpty()) {
            throw new ReleaseFailure("Cannot send the repository_dispatch event", problems);
        }
        if (options.dryRun()) {
            log.info("Would send repository_dispatch " + eventType.trim() + " to " + repository.trim() + " with client_payload " + clientPayload);
            return;
        }
        new GitHubActions(options.release().environment(), stdout).mask(options.githubToken());
        new GitHubClient(apiUrl(), token, options.retry(), d -> Thread.sleep(d.toMillis()), log)
                .dispatch(repository.trim(), eventType.trim(), clientPayload);
        log.info("Sent repository_dispatch " + eventType.trim() + " to " + repository.trim());
    }
}
