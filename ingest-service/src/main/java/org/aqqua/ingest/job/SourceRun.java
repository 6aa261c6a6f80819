package org.aqqua.ingest.job;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.aqqua.ingest.early.EarlyUpload;

/** What a {@link SourceReader} may use of the running job: its scratch folder, its progress, its stop signal. */
public final class SourceRun {

    private final Path work;
    private final LongConsumer bytesRead;
    private final BooleanSupplier stopRequested;
    private final EarlyUpload early;

    public SourceRun(Path work, LongConsumer bytesRead, BooleanSupplier stopRequested, EarlyUpload early) {
        this.work = work;
        this.bytesRead = bytesRead;
        this.stopRequested = stopRequested;
        this.early = early;
    }

    /** What was done while the job's upload was received on this instance (nothing, usually, for other sources). */
    public EarlyUpload early() {
        return early;
    }

    /** The run's own scratch folder, emptied before and after the run. */
    public Path work() {
        return work;
    }

    /** Reports the bytes read from the source so far (the job's progress). */
    public void bytesRead(long bytes) {
        bytesRead.accept(bytes);
    }

    /**
     * Ends the run when it was cancelled or its lease lost; a reader that waits on a remote system calls this
     * between waits, so a cancelled job does not sit out the remote timeout.
     */
    public void checkStop() {
        if (stopRequested.getAsBoolean()) {
            throw new JobCancelledException();
        }
    }
}
