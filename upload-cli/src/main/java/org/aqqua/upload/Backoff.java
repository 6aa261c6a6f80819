package org.aqqua.upload;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter: base, 2x base, 4x base... capped, each between half and the full wait. */
public record Backoff(int attempts, Duration base, Duration max) {

    public static final Backoff DEFAULT = new Backoff(6, Duration.ofSeconds(1), Duration.ofSeconds(30));

    /** The wait after failed attempt {@code attempt} (1-based), before the full jitter is applied. */
    public Duration ceiling(int attempt) {
        long millis = base.toMillis() << Math.min(20, attempt - 1);
        return Duration.ofMillis(Math.min(max.toMillis(), millis));
    }

    public void sleep(int attempt) throws InterruptedException {
        long ceiling = ceiling(attempt).toMillis();
        Thread.sleep(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }
}
