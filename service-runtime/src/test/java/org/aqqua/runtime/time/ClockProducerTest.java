package org.aqqua.runtime.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClockProducerTest {

    private static final Instant ONE_SECOND_BEFORE = Instant.parse("2027-07-15T11:59:59Z");

    @Test
    void fixedInstantIsHonouredInDevAndTest() {
        assertThat(ClockProducer.choose(Optional.of(ONE_SECOND_BEFORE), List.of("test")).instant())
                .isEqualTo(ONE_SECOND_BEFORE);
        assertThat(ClockProducer.choose(Optional.of(ONE_SECOND_BEFORE), List.of("dev")).instant())
                .isEqualTo(ONE_SECOND_BEFORE);
    }

    @Test
    void prodRefusesAFixedClock() {
        assertThatThrownBy(() -> ClockProducer.choose(Optional.of(ONE_SECOND_BEFORE), List.of("prod")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refused in the prod profile");
    }

    @Test
    void withoutAFixedInstantEveryProfileRunsOnTheSystemClock() {
        assertThat(ClockProducer.choose(Optional.empty(), List.of("prod"))).isEqualTo(Clock.systemUTC());
    }
}
