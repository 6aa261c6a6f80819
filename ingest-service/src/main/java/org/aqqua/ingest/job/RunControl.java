package org.aqqua.ingest.job;

import java.util.function.BooleanSupplier;

/**
 * Whether a running job should stop: a person cancelled it, or this worker lost its lease (it could not reach
 * the database for a whole lease, and another worker may have taken the job over — then this run must not touch
 * the job's outcome at all).
 */
final class RunControl implements BooleanSupplier {

    private volatile boolean cancelled;
    private volatile boolean leaseLost;

    void cancel() {
        cancelled = true;
    }

    void loseLease() {
        leaseLost = true;
    }

    boolean leaseLost() {
        return leaseLost;
    }

    /** True once the run should stop, for either reason. */
    @Override
    public boolean getAsBoolean() {
        return cancelled || leaseLost;
    }
}
