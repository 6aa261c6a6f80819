package org.aqqua.catalog;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.aqqua.testing.MutableClock;

/** In tests the catalog's clock is one the tests can set (it follows the system clock until they do). */
public class TestClockProducer {

    @Produces
    @Alternative
    @Priority(1)
    @Singleton
    MutableClock clock() {
        return new MutableClock();
    }
}
