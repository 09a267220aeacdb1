package ai.brokle.release.http;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseLog;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * One request to an outside service, tried until it is answered as its caller accepts, within a
 * bound: a lost connection or a timeout is tried again after a doubling backoff, and so is an
 * answer its caller's {@link Judge} calls passing (a server error, a rate limit with the wait it
 * asks for); any other answer fails at once. The GitHub client, the package index and the chat
 * webhooks all send through it.
 */
public final class HttpAttempts {
    private final HttpClient http;
    private final Retry retry;
    private final Sleeper sleeper;
    private final ReleaseLog log;
    private final BiFunction<String, Integer, RuntimeException> exhausted;

    /** What the caller makes of an answer. */
    public sealed interface Verdict {
        /** The answer is the one wanted. */
        record Accept() implements Verdict {
        }

        /** A passing trouble: try again after {@code after} ({@code null}: the backoff), {@code why} saying what it was. */
        record Again(Duration after, String why) implements Verdict {
        }

        /** A final refusal: fail with it. */
        record Fail(RuntimeException failure) implements Verdict {
        }

        Verdict ACCEPT = new Accept();
    }

    /** Judges an answer. */
    @FunctionalInterface
    public interface Judge {
        Verdict judge(HttpResponse<byte[]> response);
    }

    /**
     * @param exhausted the failure when every attempt failed, from the message and the last status (0 when none)
     */
    public HttpAttempts(Retry retry, Sleeper sleeper, ReleaseLog log, BiFunction<String, Integer, RuntimeException> exhausted) {
        this.http = HttpClient.newBuilder().connectTimeout(retry.timeout()).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.retry = retry;
        this.sleeper = sleeper;
        this.log = log;
        this.exhausted = exhausted;
    }

    /** The request timeout to set on each request. */
    public Duration timeout() {
        return retry.timeout();
    }

    /**
     * Sends the request {@code request} makes (afresh for each attempt) until {@code judge} accepts an
     * answer; {@code what} names it in messages and must hold no secret.
     */
    public HttpResponse<byte[]> send(String what, Supplier<HttpRequest> request, Judge judge) {
        Duration backoff = retry.firstBackoff();
        for (int attempt = 1;; attempt++) {
            Duration wait;
            String why;
            int status = 0;
            try {
                HttpResponse<byte[]> response = http.send(request.get(), HttpResponse.BodyHandlers.ofByteArray());
                status = response.statusCode();
                Verdict verdict = judge.judge(response);
                if (verdict instanceof Verdict.Accept) {
                    return response;
                }
                if (verdict instanceof Verdict.Fail fail) {
                    throw fail.failure();
                }
                Verdict.Again again = (Verdict.Again) verdict;
                wait = Optional.ofNullable(again.after()).orElse(backoff);
                why = again.why();
                if (wait.compareTo(retry.maxWait()) > 0) {
                    throw exhausted.apply(what + " is rate limited for " + wait.toSeconds() + " s more, longer than the "
                            + retry.maxWait().toSeconds() + " s this run waits: run it again later", status);
                }
            } catch (IOException e) {
                wait = backoff;
                why = e.getClass().getSimpleName() + (e.getMessage() == null || e.getMessage().contains("://") ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReleaseError(what + " was interrupted");
            }
            if (attempt >= retry.attempts()) {
                throw exhausted.apply(what + " failed after " + attempt + " attempt" + (attempt == 1 ? "" : "s") + "; the last: " + why, status);
            }
            log.warn(what + ": " + why + "; attempt " + (attempt + 1) + " of " + retry.attempts() + " in " + wait.toMillis() + " ms");
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReleaseError(what + " was interrupted");
            }
            backoff = backoff.multipliedBy(2);
        }
    }

    /** The wait a Retry-After header asks for, in seconds; empty when there is none or it is not a number. */
    public static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v.trim())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
