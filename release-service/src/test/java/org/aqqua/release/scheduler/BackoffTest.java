package org.aqqua.release.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesFromTheInitialWaitUpToTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofSeconds(15), Duration.ofMinutes(15));
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(15));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(3)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.after(6)).isEqualTo(Duration.ofSeconds(480));
        assertThat(backoff.after(7)).isEqualTo(Duration.ofMinutes(15));
        assertThat(backoff.after(1_000_000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void refusesAZeroOrInvertedBackoff() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
