package ai.brokle.release.notify;

import ai.brokle.release.ReleaseLog;
import ai.brokle.release.UnknownOutcome;
import ai.brokle.release.plan.Effect;
import ai.brokle.release.plan.Journal;
import ai.brokle.release.plan.Status;
import ai.brokle.release.plan.Step;
import ai.brokle.release.publish.ReleaseTarget;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A Slack (Block Kit) or Discord (embed) message announcing a release. A failure is a warning,
 * never a failed release; the journal stays without it so that a re-run sends it.
 */
public final class NotifyStep implements Step {
    public static final String SLACK = "slack";
    public static final String DISCORD = "discord";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReleaseTarget target;
    private final String kind;
    private final Webhook webhook;
    private final List<String> highlights;
    private final Supplier<String> releaseUrl;
    private final ReleaseLog log;

    /**
     * @param kind {@link #SLACK} or {@link #DISCORD}
     * @param highlights the release's highlights, at most a handful
     * @param releaseUrl the release's web address, asked when the message is written (after the GitHub release is published)
     */
    public NotifyStep(ReleaseTarget target, String kind, Webhook webhook, List<String> highlights, Supplier<String> releaseUrl, ReleaseLog log) {
        this.target = target;
        this.kind = kind;
        this.webhook = webhook;
        this.highlights = highlights;
        this.releaseUrl = releaseUrl;
        this.log = log;
    }

    /** The environment variable holding the webhook URL of {@code kind}. */
    public static String variable(String kind) {
        return kind.equals(SLACK) ? "SLACK_WEBHOOK_URL" : "DISCORD_WEBHOOK_URL";
    }

    @Override
    public String name() {
        return kind;
    }

    @Override
    public String target() {
        return variable(kind);
    }

    /** A notice posted twice reads as two releases: it is claimed before it is posted, and never posted again after a lost answer. */
    @Override
    public boolean atMostOnce() {
        return true;
    }

    @Override
    public String byHand() {
        return "post the release's link to the channel yourself";
    }

    @Override
    public Status status(Journal journal) {
        return journal.has(kind) ? Status.DONE : Status.TODO;
    }

    private String title() {
        String product = target.component().releaseNotes().title();
        return (product == null ? target.component().name() : product) + " " + target.tag() + " released";
    }

    private JsonNode message() {
        String url = releaseUrl.get();
        if (kind.equals(SLACK)) {
            List<String> escaped = highlights.stream().map(NotifyStep::slackText).toList();
            return slack(escaped.isEmpty() ? "See the release notes." : "• " + String.join("\n• ", escaped), url);
        }
        List<String> escaped = highlights.stream().map(NotifyStep::discordText).toList();
        return discord(escaped.isEmpty() ? "See the release notes." : "• " + String.join("\n• ", escaped), url);
    }

    /** Commit text as Slack shows it, never as a mention or a disguised link: {@code &}, {@code <}, {@code >} escaped as Slack asks. */
    static String slackText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Commit text as Discord shows it, never as a mention or a disguised link: markdown link and mention characters escaped. */
    static String discordText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if ("\\[]()<>*_~`|#@".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private JsonNode slack(String text, String url) {
        String compare = target.links() == null ? null : target.links().base();
        ObjectNode m = JSON.createObjectNode();
        m.put("text", slackText(title()));
        ArrayNode blocks = m.putArray("blocks");
        ObjectNode header = blocks.addObject();
        header.put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", title());
        ObjectNode section = blocks.addObject();
        section.put("type", "section");
        section.putObject("text").put("type", "mrkdwn").put("text", "*Version* " + target.version() + "\n*Highlights*\n" + text);
        List<String> link = new ArrayList<>();
        if (url != null) {
            link.add("<" + url + "|Release notes>");
        }
        if (compare != null) {
            link.add("<" + compare + "|Repository>");
        }
        if (!link.isEmpty()) {
            ObjectNode links = blocks.addObject();
            links.put("type", "context");
            links.putArray("elements").addObject().put("type", "mrkdwn").put("text", String.join(" · ", link));
        }
        return m;
    }

    private JsonNode discord(String text, String url) {
        ObjectNode m = JSON.createObjectNode();
        // no text of the message may notify anyone
        m.putObject("allowed_mentions").putArray("parse");
        ObjectNode embed = m.putArray("embeds").addObject();
        embed.put("title", title());
        if (url != null) {
            embed.put("url", url);
        }
        embed.put("description", text);
        embed.put("color", target.version().isPrerelease() ? 0xF59E0B : 0x22C55E);
        ArrayNode fields = embed.putArray("fields");
        fields.addObject().put("name", "Version").put("value", target.version().toString()).put("inline", true);
        fields.addObject().put("name", "Component").put("value", target.component().name()).put("inline", true);
        return m;
    }

    @Override
    public void simulate(ReleaseLog out) {
        out.info("[" + kind + "] would post to the webhook of " + target() + ": " + message());
    }

    @Override
    public Effect execute() {
        String failure;
        try {
            failure = webhook.post(message());
        } catch (UnknownOutcome e) {
            log.warn("[" + kind + "] " + e.getMessage() + "; the release goes on. If the channel did not get it, " + byHand());
            return Effect.lostAnswer();
        }
        if (failure != null) {
            log.warn("[" + kind + "] notification not sent: " + failure + "; the release goes on (run perform again to send it)");
            return Effect.warned();
        }
        log.info("[" + kind + "] sent");
        return Effect.done(target());
    }
}
