package org.aqqua.upload;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Bytes sent out of a total, with the rate over the last {@link #WINDOW_NANOS} (bytes of earlier runs, i.e. parts
 * already received when resuming, count as done but not towards the rate) and the time left at that rate.
 * Thread-safe; the clock is injected for tests.
 */
public final class ProgressMeter {

    static final long WINDOW_NANOS = 10_000_000_000L;

    private final long total;
    private final long alreadyDone;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private final AtomicLong sent = new AtomicLong();
    private final Deque<long[]> samples = new ArrayDeque<>();

    public ProgressMeter(long total, long alreadyDone, LongSupplier nanoClock) {
        this.total = total;
        this.alreadyDone = alreadyDone;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        samples.add(new long[] {startNanos, 0});
    }

    /** Bytes sent ({@code > 0}) or taken back because a part is sent again ({@code < 0}). */
    public void add(long bytes) {
        sent.addAndGet(bytes);
    }

    public long done() {
        return Math.min(total, alreadyDone + sent.get());
    }

    public long total() {
        return total;
    }

    public double fraction() {
        return total == 0 ? 1 : (double) done() / total;
    }

    /** Bytes per second over the last ten seconds (over the whole run while it is younger). */
    public synchronized double rate() {
        long now = nanoClock.getAsLong();
        long current = sent.get();
        samples.addLast(new long[] {now, current});
        while (samples.size() > 2 && now - samples.peekFirst()[0] > WINDOW_NANOS
                && now - secondOldest()[0] >= WINDOW_NANOS) {
            samples.removeFirst();
        }
        long[] oldest = samples.peekFirst();
        long elapsed = now - oldest[0];
        return elapsed <= 0 ? 0 : (current - oldest[1]) * 1e9 / elapsed;
    }

    private long[] secondOldest() {
        var iterator = samples.iterator();
        iterator.next();
        return iterator.next();
    }

    /** Seconds left at the current rate; -1 when unknown (nothing sent yet). */
    public long secondsLeft(double rate) {
        if (done() >= total) {
            return 0;
        }
        return rate <= 0 ? -1 : (long) Math.ceil((total - done()) / rate);
    }

    public double elapsedSeconds() {
        return (nanoClock.getAsLong() - startNanos) / 1e9;
    }

    /** e.g. {@code  42% 1.2 GB of 2.9 GB, 35.1 MB/s, 0:48 left}. */
    public String line() {
        double rate = rate();
        return String.format(Locale.ROOT, "%3d%% %s of %s, %s/s, %s left", (int) Math.floor(fraction() * 100),
                bytes(done()), bytes(total), bytes((long) rate), duration(secondsLeft(rate)));
    }

    /** The same with a bar for terminals: {@code [#########...........]  42% ...}. */
    public String bar(int width) {
        int filled = (int) Math.floor(fraction() * width);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + line();
    }

    public static String bytes(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB", "PB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, value < 10 ? "%.2f %s" : value < 100 ? "%.1f %s" : "%.0f %s", value,
                units[unit]);
    }

    /** {@code 1:02:03}, {@code 4:05}, or {@code ?} when unknown. */
    public static String duration(long seconds) {
        if (seconds < 0) {
            return "?";
        }
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }
}
