package ai.brokle.release.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Posts a JSON message to a chat webhook (Slack, Discord). A webhook URL is a secret: it never
 * appears in a message; failures say which variable the URL came from instead.
 */
public final class Webhook {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String url;
    private final String source;
    private final Duration timeout;

    /**
     * @param url the webhook URL
     * @param source where it came from, for messages (an environment variable's name)
     */
    public Webhook(String url, String source, Duration timeout) {
        this.url = url;
        this.source = source;
        this.timeout = timeout;
    }

    /** Posts {@code message}; returns null when the receiver accepted it, otherwise why not (without the URL). */
    public String post(JsonNode message) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            return source + " is not a URL";
        }
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(message))).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                return null;
            }
            return "the webhook of " + source + " answered " + response.statusCode();
        } catch (IOException e) {
            return "the webhook of " + source + " could not be reached (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (IllegalArgumentException e) {
            return source + " is not an http(s) URL";
        }
    }
}
