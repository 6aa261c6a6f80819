package org.aqqua.ingest.job;

import java.util.concurrent.atomic.AtomicLong;

/** A running job's progress, updated from the reading and storing threads, saved to its row every heartbeat. */
final class JobCounters {

    final AtomicLong bytesRead = new AtomicLong();
    final AtomicLong rowsChecked = new AtomicLong();
    final AtomicLong rowsValid = new AtomicLong();
    final AtomicLong rowsInvalid = new AtomicLong();
    final AtomicLong imagesStored = new AtomicLong();

    void copyTo(Job job) {
        job.bytesRead = bytesRead.get();
        job.rowsChecked = rowsChecked.get();
        job.rowsValid = rowsValid.get();
        job.rowsInvalid = rowsInvalid.get();
        job.imagesStored = imagesStored.get();
    }
}
