package org.aqqua.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressMeterTest {

    static final long SECOND = 1_000_000_000L;

    @Test
    void rateAndTimeLeftFollowTheLastTenSeconds() {
        AtomicLong now = new AtomicLong(0);
        ProgressMeter meter = new ProgressMeter(1_000_000_000L, 0, now::get);
        assertThat(meter.secondsLeft(meter.rate())).isEqualTo(-1);
        assertThat(meter.line()).contains("  0%").contains("? left");
        for (int s = 1; s <= 20; s++) {
            now.set(s * SECOND);
            meter.add(s <= 10 ? 10_000_000 : 20_000_000); // 10 MB/s, then 20 MB/s
            meter.rate();
        }
        // 300 MB done; the last ten seconds ran at 20 MB/s: 700 MB left take 35 s.
        double rate = meter.rate();
        assertThat(rate).isBetween(19e6, 21e6);
        assertThat(meter.secondsLeft(rate)).isBetween(33L, 37L);
        assertThat(meter.fraction()).isEqualTo(0.3);
        assertThat(meter.line()).startsWith(" 30% 300 MB of 1.00 GB, ").contains("MB/s").endsWith("left");
    }

    @Test
    void partsReceivedBeforeCountAsDoneButNotTowardsTheRate() {
        AtomicLong now = new AtomicLong(0);
        ProgressMeter meter = new ProgressMeter(1000, 600, now::get);
        assertThat(meter.fraction()).isEqualTo(0.6);
        now.set(2 * SECOND);
        meter.add(100);
        assertThat(meter.rate()).isEqualTo(50.0);
        assertThat(meter.secondsLeft(50.0)).isEqualTo(6);
        meter.add(-100); // a failed part is sent again
        assertThat(meter.done()).isEqualTo(600);
        meter.add(400);
        assertThat(meter.secondsLeft(50.0)).isZero();
        assertThat(meter.bar(10)).startsWith("[##########] 100% ");
    }

    @Test
    void bytesAndDurationsAreShortAndReadable() {
        assertThat(ProgressMeter.bytes(999)).isEqualTo("999 B");
        assertThat(ProgressMeter.bytes(1_234_567)).isEqualTo("1.23 MB");
        assertThat(ProgressMeter.bytes(10_737_418_240L)).isEqualTo("10.7 GB");
        assertThat(ProgressMeter.bytes(512_000_000_000L)).isEqualTo("512 GB");
        assertThat(ProgressMeter.duration(48)).isEqualTo("0:48");
        assertThat(ProgressMeter.duration(3723)).isEqualTo("1:02:03");
        assertThat(ProgressMeter.duration(-1)).isEqualTo("?");
    }

    @Test
    void backoffDoublesUpToItsCeiling() {
        Backoff backoff = Backoff.DEFAULT;
        assertThat(backoff.ceiling(1).toMillis()).isEqualTo(1000);
        assertThat(backoff.ceiling(3).toMillis()).isEqualTo(4000);
        assertThat(backoff.ceiling(9).toMillis()).isEqualTo(30_000);
    }
}
