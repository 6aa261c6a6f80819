package org.aqqua.release;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Instant;
import org.aqqua.testing.MutableClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * In tests release-service's clock is one the tests can set. It starts where the test profile fixes it
 * ({@code %test.aqqua.clock.fixed}, one second before the release instant); tests that move it put it back there.
 */
public class TestClockProducer {

    public static final Instant TEST_NOW = Instant.parse("2027-07-15T11:59:59Z");

    @Produces
    @Alternative
    @Priority(1)
    @Singleton
    MutableClock clock(@ConfigProperty(name = "aqqua.clock.fixed") Instant fixed) {
        MutableClock clock = new MutableClock();
        clock.set(fixed);
        return clock;
    }
}
