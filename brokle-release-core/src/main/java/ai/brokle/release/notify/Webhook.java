package ai.brokle.release.notify;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseLog;
import ai.brokle.release.UnknownOutcome;
import ai.brokle.release.http.HttpAttempts;
import ai.brokle.release.http.Retry;
import ai.brokle.release.http.Sleeper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;

/**
 * Posts a JSON message to a chat webhook (Slack, Discord). A webhook URL is a secret: it never
 * appears in a message; failures say which variable the URL came from instead.
 */
public final class Webhook {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ATTEMPTS = 3;
    private final String url;
    private final String source;
    private final HttpAttempts http;

    /**
     * @param url the webhook URL
     * @param source where it came from, for messages (an environment variable's name)
     * @param retry how hard to try (a lost connection, a server error or a rate limit is tried again)
     */
    public Webhook(String url, String source, Retry retry, ReleaseLog log) {
        this.url = url;
        this.source = source;
        // a notification only warns when it fails: three attempts are enough to ride out a passing fault
        Retry attempts = new Retry(Math.min(ATTEMPTS, retry.attempts()), retry.firstBackoff(), retry.maxWait(), retry.timeout());
        this.http = new HttpAttempts(attempts, Sleeper.REAL, log, (message, status) -> new ReleaseError(status == 0
                ? "the webhook of " + source + " could not be reached (" + message + ")" : message));
    }

    /** Posts {@code message}; returns null when the receiver accepted it, otherwise why not (without the URL). */
    public String post(JsonNode message) {
        URI uri;
        try {
            uri = URI.create(url.trim());
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                return source + " is not an http(s) URL";
            }
        } catch (IllegalArgumentException e) {
            return source + " is not a URL";
        }
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(message);
        } catch (IOException e) {
            return "the message cannot be written (" + e.getMessage() + ")";
        }
        String what = "POST to the webhook of " + source;
        try {
            http.sendAtMostOnce(what, uri, target -> HttpRequest.newBuilder(target).timeout(http.timeout()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), r -> {
                        if (r.statusCode() / 100 == 2) {
                            return HttpAttempts.Verdict.ACCEPT;
                        }
                        if (r.statusCode() == 429) {
                            // a rate limit: the message was not taken
                            return new HttpAttempts.Verdict.Again(HttpAttempts.retryAfter(r).orElse(null), "answered 429", true);
                        }
                        if (r.statusCode() >= 500) {
                            return new HttpAttempts.Verdict.Again(HttpAttempts.retryAfter(r).orElse(null), "answered " + r.statusCode());
                        }
                        return new HttpAttempts.Verdict.Fail(new ReleaseError("the webhook of " + source + " answered " + r.statusCode()));
                    });
            return null;
        } catch (UnknownOutcome e) {
            throw e;
        } catch (ReleaseError e) {
            return e.getMessage();
        }
    }
}
