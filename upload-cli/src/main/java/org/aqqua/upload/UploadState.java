package org.aqqua.upload;

import java.time.Instant;
import java.util.UUID;

/**
 * What a run remembers of an upload so that the same command run again resumes it: which upload, for which
 * dataset and source (fingerprint), the part size the service chose, and the job once completed.
 */
public record UploadState(String key, String path, UUID datasetId, String ingestUrl, UUID uploadId, String fileName,
        long size, long partSize, int partCount, String fingerprint, UUID jobId, Instant createdAt) {

    public UploadState withJob(UUID job) {
        return new UploadState(key, path, datasetId, ingestUrl, uploadId, fileName, size, partSize, partCount,
                fingerprint, job, createdAt);
    }

    /** Whether this state belongs to {@code source} as it is now (same listing, sizes and modification times). */
    public boolean matches(UploadSource source) {
        return fingerprint.equals(source.fingerprint()) && size == source.size()
                && fileName.equals(source.fileName());
    }
}
