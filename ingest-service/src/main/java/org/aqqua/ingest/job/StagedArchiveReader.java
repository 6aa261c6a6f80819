package org.aqqua.ingest.job;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aqqua.ingest.archive.ArchiveStaging;

/**
 * Archives uploaded into aqqua-uploads: copied to scratch disk (or taken from the local copy made on receipt) and checked against the SHA-256 taken on receipt;
 * the staged archive is deleted once its job is final (an acknowledged upload survives crashes until then).
 */
@ApplicationScoped
class StagedArchiveReader implements SourceReader {

    private final ArchiveStaging staging;

    StagedArchiveReader(ArchiveStaging staging) {
        this.staging = staging;
    }

    @Override
    public SourceKind kind() {
        return SourceKind.ARCHIVE;
    }

    @Override
    public Fetched fetch(Job job, SourceRun run) throws Exception {
        Path archive = run.work().resolve("archive");
        // Received by this instance: the local copy is what was hashed on receipt, byte for byte.
        if (job.archiveSha256 != null && run.early().moveArchiveTo(archive, job.archiveBytes)) {
            run.bytesRead(job.archiveBytes);
            return Fetched.archive(archive, job.archiveBytes, job.archiveSha256);
        }
        String digest = staging.download(job.sourceKey, archive, run::bytesRead);
        if (job.archiveSha256 != null && !job.archiveSha256.equals(digest)) {
            throw new SourceFailedException("the staged archive changed since it was received (SHA-256 " + digest
                    + ", received " + job.archiveSha256 + ")");
        }
        return Fetched.archive(archive, Files.size(archive), digest);
    }

    @Override
    public void release(Job job) throws Exception {
        staging.delete(job.sourceKey);
    }
}
