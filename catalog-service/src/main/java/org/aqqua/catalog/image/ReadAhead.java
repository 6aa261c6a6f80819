package org.aqqua.catalog.image;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads objects ahead of the one being written, and hands them out in the order they were queued: at most
 * {@code parallel} reads in flight and at most {@code budget} bytes held. One read at a time made a pack a chain
 * of storage round trips (about a millisecond each, so a minute per 60,000 images); reading ahead overlaps them
 * while memory stays bounded whatever the images' sizes.
 *
 * <p>The caller asks {@link #accepts} before each {@link #add}, and writes the {@link #next} one out whenever it
 * does not. An object larger than the whole budget is accepted once nothing else is held (so the caller never
 * waits forever); a caller that must not hold such an object whole streams it itself instead. Not thread-safe:
 * one writer uses it.
 */
final class ReadAhead<T> implements AutoCloseable {

    /** Reads one object's bytes; {@code bytes} is what the catalog says it holds. */
    interface Reader<T> {
        byte[] read(T object, long bytes) throws Exception;
    }

    /** An object and its bytes, read. */
    record Read<T>(T object, byte[] content) {
    }

    private record Pending<T>(T object, long bytes, Future<byte[]> content) {
    }

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final Reader<T> reader;
    private final int parallel;
    private final long budget;
    private final ExecutorService pool;
    private final ArrayDeque<Pending<T>> pending = new ArrayDeque<>();
    private long held;

    ReadAhead(Reader<T> reader, int parallel, long budget) {
        this.reader = reader;
        this.parallel = parallel;
        this.budget = budget;
        String name = "read-ahead-" + POOLS.incrementAndGet() + "-";
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(parallel, task -> {
            Thread thread = new Thread(task, name + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Whether an object of {@code bytes} may be queued now without exceeding the reads or bytes allowed. */
    boolean accepts(long bytes) {
        return pending.isEmpty() || (pending.size() < parallel && held + bytes <= budget);
    }

    void add(T object, long bytes) {
        pending.add(new Pending<>(object, bytes, pool.submit(() -> reader.read(object, bytes))));
        held += bytes;
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    /** The oldest queued object with its bytes, waiting for its read; a failed read is thrown as it was. */
    Read<T> next() throws IOException {
        Pending<T> oldest = pending.remove();
        held -= oldest.bytes();
        try {
            return new Read<>(oldest.object(), oldest.content().get());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(oldest.object() + " could not be read: " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while reading " + oldest.object(), e);
        } catch (CancellationException e) {
            throw new IOException("Reading " + oldest.object() + " was cancelled", e);
        }
    }

    /** Cancels the reads still queued (the writer stopped early: a client gone, a failed read). */
    @Override
    public void close() {
        pending.forEach(p -> p.content().cancel(true));
        pending.clear();
        held = 0;
        pool.shutdownNow();
    }
}
