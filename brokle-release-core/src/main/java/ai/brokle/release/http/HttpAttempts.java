package ai.brokle.release.http;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseLog;
import ai.brokle.release.UnknownOutcome;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

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

        /**
         * A passing trouble: try again after {@code after} ({@code null}: the backoff), {@code why}
         * saying what it was; {@code unprocessed} when the answer says the request was not carried
         * out (a rate limit), so that even a request that must not be repeated can be sent again.
         */
        record Again(Duration after, String why, boolean unprocessed) implements Verdict {
            public Again(Duration after, String why) {
                this(after, why, false);
            }
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
        // redirects are followed here, never by the client: the client would send the credentials to wherever they point
        this.http = HttpClient.newBuilder().connectTimeout(retry.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
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
     * Sends the request {@code request} makes for {@code uri} (afresh for each attempt) until
     * {@code judge} accepts an answer; {@code what} names it in messages and must hold no secret. A
     * redirect is followed only to the same scheme, host and port (the request, its credentials
     * included, sent there again); a redirect elsewhere fails, so that no credential leaves the host
     * it was meant for.
     */
    public HttpResponse<byte[]> send(String what, URI uri, Function<URI, HttpRequest> request, Judge judge) {
        return send(what, uri, request, judge, () -> false, false);
    }

    /**
     * As {@link #send(String, URI, Function, Judge)}, for a request that must never take effect
     * twice and whose effect cannot be looked up (a repository dispatch): it is sent again only when
     * it surely did not arrive (the connection was refused) or the answer says it was not carried
     * out (a rate limit). A server error, a lost connection or a timeout after it went out fails
     * with {@link UnknownOutcome}.
     */
    public HttpResponse<byte[]> sendAtMostOnce(String what, URI uri, Function<URI, HttpRequest> request, Judge judge) {
        return send(what, uri, request, judge, () -> false, true);
    }

    /**
     * As above, for a request whose effect may exist although its answer was lost (an upload): before
     * each attempt after the first, {@code landed} is asked, and when it says the effect is there the
     * request is not sent again and null is returned.
     */
    public HttpResponse<byte[]> send(String what, URI uri, Function<URI, HttpRequest> request, Judge judge, BooleanSupplier landed) {
        return send(what, uri, request, judge, landed, false);
    }

    private HttpResponse<byte[]> send(String what, URI uri, Function<URI, HttpRequest> request, Judge judge, BooleanSupplier landed,
            boolean atMostOnce) {
        Duration backoff = retry.firstBackoff();
        // a host that does not answer costs at most two timeouts of waiting, however many attempts are allowed
        long deadline = System.nanoTime() + retry.timeout().multipliedBy(2).toNanos();
        URI target = uri;
        int redirects = 0;
        for (int attempt = 1;; attempt++) {
            Duration wait;
            String why;
            int status = 0;
            try {
                HttpResponse<byte[]> response = http.send(request.apply(target), HttpResponse.BodyHandlers.ofByteArray());
                status = response.statusCode();
                Optional<URI> moved = redirect(response, target);
                if (moved.isPresent()) {
                    if (!sameOrigin(target, moved.get())) {
                        throw exhausted.apply(what + " was redirected (" + status + ") to " + origin(moved.get()) + ", another host than "
                                + origin(target) + ": not followed, so that no credential is sent there", status);
                    }
                    if (++redirects > MAX_REDIRECTS) {
                        throw exhausted.apply(what + " was redirected more than " + MAX_REDIRECTS + " times", status);
                    }
                    target = moved.get();
                    attempt--;
                    continue;
                }
                Verdict verdict = judge.judge(response);
                if (verdict instanceof Verdict.Accept) {
                    return response;
                }
                if (verdict instanceof Verdict.Fail fail) {
                    throw fail.failure();
                }
                Verdict.Again again = (Verdict.Again) verdict;
                if (atMostOnce && !again.unprocessed()) {
                    throw new UnknownOutcome(what + " answered " + again.why() + ": it may have been carried out all the same, so it is not"
                            + " sent again");
                }
                wait = Optional.ofNullable(again.after()).orElse(backoff);
                why = again.why();
                if (wait.compareTo(retry.maxWait()) > 0) {
                    throw exhausted.apply(what + " is rate limited for " + wait.toSeconds() + " s more, longer than the "
                            + retry.maxWait().toSeconds() + " s this run waits: run it again later", status);
                }
            } catch (IOException e) {
                wait = backoff;
                why = e.getClass().getSimpleName() + (e.getMessage() == null || e.getMessage().contains("://") ? "" : ": " + e.getMessage());
                if (atMostOnce && !(e instanceof ConnectException || e instanceof HttpConnectTimeoutException)) {
                    throw new UnknownOutcome(what + " went out and its answer was lost (" + why + "): it may have been carried out, so it is"
                            + " not sent again");
                }
                if (e instanceof HttpTimeoutException && System.nanoTime() >= deadline) {
                    throw exhausted.apply(what + ": " + origin(target) + " did not answer within "
                            + String.format(Locale.ROOT, "%.1f", retry.timeout().multipliedBy(2).toMillis() / 1000.0) + " s (" + attempt + " attempt" + (attempt == 1 ? "" : "s") + " of at most " + retry.timeout().toMillis() + " ms)", 0);
                }
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
            if (landed.getAsBoolean()) {
                log.info(what + ": its effect is there although the answer was lost; not sent again");
                return null;
            }
        }
    }

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final int MAX_REDIRECTS = 5;

    /** Where a redirect points, resolved against the request's address; empty for an answer that is not one. */
    private static Optional<URI> redirect(HttpResponse<?> response, URI from) {
        if (!REDIRECTS.contains(response.statusCode())) {
            return Optional.empty();
        }
        return response.headers().firstValue("Location").flatMap(location -> {
            try {
                return Optional.of(from.resolve(location.trim()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /** scheme://host:port only: the rest of an address may carry a secret (a webhook path). */
    private static String origin(URI u) {
        return u.getScheme() + "://" + u.getHost() + (u.getPort() >= 0 ? ":" + u.getPort() : "");
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
