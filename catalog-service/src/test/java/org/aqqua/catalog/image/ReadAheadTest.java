package org.aqqua.catalog.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Reading ahead: in order, reads overlapped, never more reads or bytes than allowed, failures surfaced in place. */
class ReadAheadTest {

    @Test
    void objectsComeOutInTheOrderQueuedWithReadsOverlappedWithinTheLimits() throws Exception {
        Random random = new Random(42);
        long[] sizes = random.longs(300, 1, 4_000).toArray();
        Arrays.fill(sizes, 0, 4, 100); // the first four fit the budget together
        CyclicBarrier firstFour = new CyclicBarrier(4);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        AtomicLong unwritten = new AtomicLong();
        AtomicLong mostUnwritten = new AtomicLong();
        ReadAhead.Reader<Integer> reader = (index, bytes) -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            mostUnwritten.accumulateAndGet(unwritten.addAndGet(bytes), Math::max);
            if (index < 4) {
                firstFour.await(10, TimeUnit.SECONDS); // only passes if the first four are read at once
            }
            Thread.sleep(index % 7 == 0 ? 3 : 0);
            inFlight.decrementAndGet();
            return new byte[(int) bytes];
        };

        List<Integer> written = new ArrayList<>();
        try (ReadAhead<Integer> ahead = new ReadAhead<>(reader, 4, 10_000)) {
            for (int i = 0; i < sizes.length; i++) {
                while (!ahead.accepts(sizes[i])) {
                    written.add(take(ahead, unwritten));
                }
                ahead.add(i, sizes[i]);
            }
            while (!ahead.isEmpty()) {
                written.add(take(ahead, unwritten));
            }
        }

        assertThat(written).hasSize(300).isSorted();
        assertThat(written.get(299)).isEqualTo(299);
        assertThat(mostInFlight.get()).isEqualTo(4);
        assertThat(mostUnwritten.get()).isLessThanOrEqualTo(10_000);
    }

    @Test
    void anObjectLargerThanTheBudgetIsOnlyAcceptedWhenNothingElseIsHeld() throws Exception {
        try (ReadAhead<String> ahead = new ReadAhead<>((name, bytes) -> new byte[(int) bytes], 4, 1_000)) {
            assertThat(ahead.accepts(5_000)).isTrue();
            ahead.add("small", 10);
            assertThat(ahead.accepts(5_000)).isFalse();
            assertThat(ahead.accepts(990)).isTrue();
            assertThat(ahead.accepts(991)).isFalse();
            assertThat(ahead.next().object()).isEqualTo("small");
            assertThat(ahead.accepts(5_000)).isTrue();
        }
    }

    @Test
    void aFailedReadIsThrownInItsPlaceAndClosingCancelsTheReadsStillWaiting() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch stuck = new CountDownLatch(2);
        AtomicInteger interrupted = new AtomicInteger();
        ReadAhead.Reader<String> reader = (name, bytes) -> {
            if (name.equals("broken")) {
                throw new IOException("Image broken holds 3 bytes, the catalog says 10");
            }
            if (name.startsWith("stuck")) {
                stuck.countDown();
                try {
                    never.await();
                } catch (InterruptedException e) {
                    interrupted.incrementAndGet();
                    throw e;
                }
            }
            return new byte[(int) bytes];
        };
        ReadAhead<String> ahead = new ReadAhead<>(reader, 4, 1_000);
        for (String name : List.of("first", "broken", "stuck-1", "stuck-2")) {
            ahead.add(name, 10);
        }
        assertThat(ahead.next().object()).isEqualTo("first");
        assertThatThrownBy(ahead::next).isInstanceOf(IOException.class)
                .hasMessage("Image broken holds 3 bytes, the catalog says 10");
        assertThat(stuck.await(10, TimeUnit.SECONDS)).as("both stuck reads started").isTrue();
        ahead.close();
        assertThat(ahead.isEmpty()).isTrue();
        await().atMost(10, TimeUnit.SECONDS).until(() -> interrupted.get() == 2);
    }

    private static Integer take(ReadAhead<Integer> ahead, AtomicLong unwritten) throws IOException {
        ReadAhead.Read<Integer> read = ahead.next();
        unwritten.addAndGet(-read.content().length);
        return read.object();
    }
}
