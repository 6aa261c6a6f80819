package org.aqqua.ingest.job;

/** Thrown into a job's reading thread when someone cancelled the job; the job then cleans up and stops. */
final class JobCancelledException extends RuntimeException {

    JobCancelledException() {
        super("cancelled", null, false, false);
    }
}
