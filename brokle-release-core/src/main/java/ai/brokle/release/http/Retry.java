package ai.brokle.release.http;

import java.time.Duration;

/**
 * How hard a request to an outside service is tried.
 *
 * @param attempts the most attempts of one request
 * @param firstBackoff the wait after the first failure, doubled after each further one
 * @param maxWait the longest single wait; a rate limit that asks for longer fails at once, saying until when
 * @param timeout the longest one request may take
 */
public record Retry(int attempts, Duration firstBackoff, Duration maxWait, Duration timeout) {
    public static final Retry DEFAULT = new Retry(5, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(60));
}
