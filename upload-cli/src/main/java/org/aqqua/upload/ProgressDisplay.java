package org.aqqua.upload;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shows a {@link ProgressMeter} on stderr: a bar redrawn in place 4 times a second on a terminal, a plain line every
 * 10 seconds otherwise (logs, CI), nothing with {@code none}.
 */
final class ProgressDisplay implements AutoCloseable {

    enum Mode { bar, plain, none }

    private final ProgressMeter meter;
    private final PrintStream err;
    private final Mode mode;
    private final ScheduledExecutorService timer;
    private int lastWidth;

    ProgressDisplay(ProgressMeter meter, PrintStream err, Mode mode) {
        this.meter = meter;
        this.err = err;
        this.mode = mode;
        if (mode == Mode.none) {
            timer = null;
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "aqqua-upload-progress");
            thread.setDaemon(true);
            return thread;
        });
        long period = mode == Mode.bar ? 250 : 10_000;
        timer.scheduleAtFixedRate(this::show, mode == Mode.bar ? 0 : period, period, TimeUnit.MILLISECONDS);
    }

    private synchronized void show() {
        if (mode == Mode.bar) {
            String line = meter.bar(30);
            err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
            lastWidth = line.length();
        } else {
            err.println(meter.line());
        }
        err.flush();
    }

    @Override
    public void close() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        show();
        if (mode == Mode.bar) {
            err.println();
        }
    }
}
