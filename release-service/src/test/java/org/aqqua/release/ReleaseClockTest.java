package org.aqqua.release;

import jakarta.inject.Inject;
import java.time.Instant;
import org.aqqua.release.scheduler.ReleaseScheduler;
import org.aqqua.testing.CatalogFixtures;
import org.aqqua.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;

/**
 * Base of the tests that run release-service's scheduler at instants they set on its clock; the clock is put
 * back to the test profile's instant (one second before the release) after each test.
 */
public abstract class ReleaseClockTest {

    protected static final Instant INSTANT = CatalogFixtures.RELEASE_INSTANT;

    @Inject
    protected MutableClock clock;

    @Inject
    protected ReleaseScheduler scheduler;

    @AfterEach
    void backToTheTestInstant() {
        clock.set(TestClockProducer.TEST_NOW);
    }
}
