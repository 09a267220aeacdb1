package ai.brokle.release.publish.github;

import ai.brokle.release.GoalCommands;
import ai.brokle.release.ReleaseLog;
import ai.brokle.release.config.Placeholders;
import ai.brokle.release.config.PublishConfig;
import ai.brokle.release.plan.Check;
import ai.brokle.release.plan.Effect;
import ai.brokle.release.plan.Journal;
import ai.brokle.release.plan.Status;
import ai.brokle.release.plan.Step;
import ai.brokle.release.publish.ReleaseTarget;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * A repository_dispatch event of a release; GitHub cannot tell whether one was sent, so the journal
 * does, and the step is sent at most once ({@link #atMostOnce}). The configured payload's {@code {{version}}}, {@code {{tag}}} and {{@code {component}}}
 * are filled in from the release ({@link #of}).
 */
public final class DispatchStep implements Step {
    public static final String KIND = "dispatch";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String repository;
    private final String eventType;
    private final JsonNode payload;
    private final GitHubClient github;
    private final boolean hasToken;
    private final ReleaseLog log;
    private final GoalCommands commands;

    /** An event to {@code repository} of type {@code eventType} with {@code payload} as its client_payload. */
    public DispatchStep(String repository, String eventType, JsonNode payload, GitHubClient github, boolean hasToken, ReleaseLog log,
            GoalCommands commands) {
        this.repository = repository;
        this.eventType = eventType;
        this.payload = payload;
        this.github = github;
        this.hasToken = hasToken;
        this.log = log;
        this.commands = commands;
    }

    /** The configured event {@code dispatch} of the release {@code target}. */
    public static DispatchStep of(ReleaseTarget target, PublishConfig.Dispatch dispatch, GitHubClient github, boolean hasToken, ReleaseLog log,
            GoalCommands commands) {
        return new DispatchStep(dispatch.repository(), dispatch.eventType(), fill(JSON.valueToTree(dispatch.payload()), target), github,
                hasToken, log, commands);
    }

    @Override
    public String name() {
        return KIND + ":" + repository + ":" + eventType;
    }

    @Override
    public String target() {
        return repository + " (" + eventType + ")";
    }

    @Override
    public List<Check> check() {
        return hasToken ? List.of() : List.of(Check.credential(GitHubTokens.MISSING));
    }

    @Override
    public boolean atMostOnce() {
        return true;
    }

    @Override
    public String byHand() {
        return commands.of("dispatch") + " -Dbrokle.repository=" + repository + " -Dbrokle.eventType=" + eventType
                + " -Dbrokle.payload='" + payload.toString().replace("'", "'\\''") + "'";
    }

    @Override
    public Status status(Journal journal) {
        return journal.has(name()) ? Status.DONE : Status.TODO;
    }

    @Override
    public void simulate(ReleaseLog out) {
        out.info("[" + name() + "] would send repository_dispatch " + eventType + " to " + repository + " with client_payload " + payload);
    }

    @Override
    public Effect execute() {
        github.dispatch(repository, eventType, payload);
        log.info("[" + name() + "] sent");
        return Effect.done(repository + " " + eventType);
    }

    private static ObjectNode fill(ObjectNode node, ReleaseTarget target) {
        ObjectNode out = JSON.createObjectNode();
        node.fields().forEachRemaining(e -> out.set(e.getKey(), fillValue(e.getValue(), target)));
        return out;
    }

    private static JsonNode fillValue(JsonNode value, ReleaseTarget target) {
        if (value.isTextual()) {
            return JSON.getNodeFactory().textNode(Placeholders.DISPATCH_PAYLOAD.render(value.asText(), Map.of("version",
                    target.version().toString(), "tag", target.tag(), "component", target.component().name())));
        }
        if (value.isObject()) {
            return fill((ObjectNode) value, target);
        }
        if (value.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            value.forEach(v -> out.add(fillValue(v, target)));
            return out;
        }
        return value;
    }
}
