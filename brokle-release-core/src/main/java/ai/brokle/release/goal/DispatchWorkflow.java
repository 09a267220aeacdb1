package ai.brokle.release.goal;

import ai.brokle.release.Problem;
import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.ReleaseLog;
import ai.brokle.release.ci.GitHubActions;
import ai.brokle.release.config.ConfigLoader;
import ai.brokle.release.credentials.Credentials;
import ai.brokle.release.http.Sleeper;
import ai.brokle.release.plan.Journal;
import ai.brokle.release.plan.Mode;
import ai.brokle.release.plan.Plan;
import ai.brokle.release.plan.Step;
import ai.brokle.release.publish.github.DispatchStep;
import ai.brokle.release.publish.github.GitHubClient;
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
 * events configured for the component of a release tag (the dispatch steps, and only those, that
 * {@code perform} includes too).
 */
public final class DispatchWorkflow {
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9-]+/[A-Za-z0-9._-]+");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PAYLOAD = 65_536;

    private final PerformOptions options;
    private final GitHubActions actions;
    private final ReleaseLog log;

    public DispatchWorkflow(PerformOptions options, PrintStream stdout) {
        this.options = options;
        this.actions = new GitHubActions(options.release().environment(), stdout);
        this.log = options.release().log();
    }

    /** github.apiUrl of the configuration when it names one, else GITHUB_API_URL (set by GitHub Actions), else api.github.com. */
    private URI apiUrl() {
        return GitHubEnvironment.apiUrl(ConfigLoader.load(options.release().baseDirectory()).github(), options.release());
    }

    /** Sends the event given by {@code repository}, {@code eventType} and {@code payload}; without a repository, the tag's configured ones. */
    public void send(String repository, String eventType, String payload) {
        if (!options.dryRun()) {
            options.release().requireOnline("dispatch", "it sends a repository_dispatch event to GitHub");
        }
        if (repository == null || repository.isBlank()) {
            if ((eventType != null && !eventType.isBlank()) || (payload != null && !payload.isBlank())) {
                throw new ReleaseFailure("brokle.repository: missing; name the receiving repository (owner/name) with the event");
            }
            sendConfigured();
            return;
        }
        List<String> problems = new ArrayList<>();
        if (!REPOSITORY.matcher(repository.trim()).matches()) {
            problems.add("brokle.repository: '" + Problem.echo(repository) + "' is not a repository; write owner/name, e.g. brokle-ai/brokle");
        }
        if (eventType == null || eventType.isBlank() || eventType.trim().length() > 100) {
            problems.add("brokle.eventType: " + (eventType == null || eventType.isBlank() ? "missing" : "longer than 100 characters")
                    + "; give the type the receiving workflow listens for, e.g. sdk-released");
        }
        JsonNode clientPayload = JSON.createObjectNode();
        if (payload != null && payload.length() > MAX_PAYLOAD) {
            problems.add("brokle.payload: " + payload.length() + " characters, more than the " + MAX_PAYLOAD + " a dispatch payload may hold"
                    + " here; send what the receiving workflow needs (versions, tags), not file contents");
        } else if (payload != null && !payload.isBlank()) {
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
        String receiver = repository.trim();
        String type = eventType == null ? "" : eventType.trim();
        Plan plan = new Plan(List.of(new DispatchStep(receiver, type, clientPayload, null, options.release().credentials().has(Credentials.Purpose.GITHUB), log,
                options.release().commands())), Journal.NONE, log);
        problems.addAll(plan.problems(options.mode()));
        if (!problems.isEmpty()) {
            throw new ReleaseFailure("Cannot send the repository_dispatch event", problems);
        }
        String token = options.release().credentials().masking(actions::mask).token(Credentials.Purpose.GITHUB).orElse(null);
        GitHubClient github = new GitHubClient(apiUrl(), token, options.retry(), Sleeper.REAL, log);
        new Plan(List.of(new DispatchStep(receiver, type, clientPayload, github, options.release().credentials().has(Credentials.Purpose.GITHUB), log,
                options.release().commands())), Journal.NONE, log)
                .run(options.mode());
        if (options.mode() == Mode.EXECUTE) {
            log.info("Sent repository_dispatch " + type + " to " + receiver);
        }
    }

    /** The dispatch steps of the tag's component, and nothing else that component publishes. */
    private void sendConfigured() {
        try (ReleaseRun run = ReleaseRun.open(options.release(), options.tag(), false)) {
            if (run.target == null) {
                run.failOnProblems("Cannot send the dispatches", "nothing was sent");
            }
            List<Step> steps = new PublicationSteps(run, options, actions).dispatches();
            if (steps.isEmpty()) {
                log.info("Component '" + run.target.component().name() + "' configures no dispatch: nothing to send");
                return;
            }
            Plan plan = new Plan(steps, run.publishingJournal(), log);
            run.problems.addAll(plan.problems(options.mode()));
            run.failOnProblems("Cannot send the dispatches of " + run.target.tag(), "nothing was sent");
            plan.run(options.mode());
        }
    }
}
