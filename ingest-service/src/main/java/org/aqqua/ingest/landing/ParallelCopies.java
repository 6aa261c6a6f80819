package org.aqqua.ingest.landing;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

/**
 * Copies objects several at a time: a landing prefix of many small images is bound by S3 round trips, not by
 * bandwidth. At most {@code parallelism} copies are queued or running, so memory stays flat whatever the count.
 */
final class ParallelCopies implements AutoCloseable {

    interface Copy {
        void run() throws Exception;
    }

    private final int parallelism;
    private final Semaphore slots;
    private final ExecutorService threads;
    private final LongConsumer bytesCopied;
    private final AtomicLong copied = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

    ParallelCopies(int parallelism, LongConsumer bytesCopied) {
        this.parallelism = parallelism;
        this.slots = new Semaphore(parallelism);
        this.threads = Executors.newFixedThreadPool(parallelism, r -> new Thread(r, "landing-copy"));
        this.bytesCopied = bytesCopied;
    }

    /** Starts a copy of {@code bytes} bytes once a slot is free; first rethrows any earlier copy's failure. */
    void start(Copy copy, long bytes) throws Exception {
        rethrow();
        slots.acquire();
        threads.execute(() -> {
            try {
                copy.run();
                bytesCopied.accept(copied.addAndGet(bytes));
            } catch (Exception e) {
                firstFailure.compareAndSet(null, e);
            } finally {
                slots.release();
            }
        });
    }

    /** Waits for every copy started; returns the bytes copied. */
    long finish() throws Exception {
        slots.acquire(parallelism);
        slots.release(parallelism);
        rethrow();
        return copied.get();
    }

    private void rethrow() throws Exception {
        Exception failure = firstFailure.get();
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
