package ai.brokle.release.http;

import java.time.Duration;

/** Waits between attempts; tests replace it so that they need not sleep. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
