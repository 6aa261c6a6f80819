package org.aqqua.ingest.job;

import org.aqqua.ingest.archive.ArchiveStaging;

/**
 * The source of a job about to be queued, as its row records it: the kind, a name shown to people, where the data
 * is (bucket and key or prefix, or an EcoTaxa project), and the archive's size and SHA-256 when already known.
 */
public record JobSource(SourceKind kind, String name, String bucket, String key, Long ecotaxaProjectId, long bytes,
        String sha256) {

    /** An archive in aqqua-uploads; {@code sha256} is null when the job is to compute it (assembled uploads). */
    public static JobSource stagedArchive(String name, String key, long bytes, String sha256) {
        return new JobSource(SourceKind.ARCHIVE, name, ArchiveStaging.BUCKET, key, null, bytes, sha256);
    }

    /** Everything under {@code prefix} (a folder, ending in "/") of a landing bucket. */
    public static JobSource landing(String bucket, String prefix) {
        return new JobSource(SourceKind.LANDING, "s3://" + bucket + "/" + prefix, bucket, prefix, null, 0, null);
    }

    public static JobSource ecotaxa(long projectId) {
        return new JobSource(SourceKind.ECOTAXA, "EcoTaxa project " + projectId, null, null, projectId, 0, null);
    }
}
