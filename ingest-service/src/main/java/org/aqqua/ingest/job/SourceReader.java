package org.aqqua.ingest.job;

/**
 * Brings the data of one {@link SourceKind} onto a run's scratch disk, as an archive file for the job to unpack or
 * as a folder tree to read. Fetching is repeated from the start when a job is taken over after a crash.
 */
public interface SourceReader {

    SourceKind kind();

    /**
     * Copies the job's data under {@link SourceRun#work()}. Throws {@link SourceFailedException} for a failure the
     * submitter can act on (its message becomes the job's failure) and
     * {@link org.aqqua.ingest.archive.ArchiveRefusedException} for an archive that must not be unpacked.
     */
    Fetched fetch(Job job, SourceRun run) throws Exception;

    /** Called once the job is final or cancelled: lets go of what the source kept for it. Most keep nothing. */
    default void release(Job job) throws Exception {
    }
}
