package org.aqqua.runtime.time;

import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one source of "now" for business code. Embargo decisions must be testable at any instant, so no business
 * code calls {@code Instant.now()}; it injects this clock. A fixed instant may be configured for dev and test
 * ({@code aqqua.clock.fixed}); the prod profile refuses it so that production can never be frozen in time.
 */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock(@ConfigProperty(name = "aqqua.clock.fixed") Optional<Instant> fixed) {
        return choose(fixed, ConfigUtils.getProfiles());
    }

    /** The system clock, or the configured fixed instant outside the prod profile. */
    static Clock choose(Optional<Instant> fixed, List<String> activeProfiles) {
        if (fixed.isEmpty()) {
            return Clock.systemUTC();
        }
        if (activeProfiles.contains("prod")) {
            throw new IllegalStateException("aqqua.clock.fixed is set, but a fixed clock is refused in the prod profile");
        }
        return Clock.fixed(fixed.get(), ZoneOffset.UTC);
    }
}
