package org.aqqua.ingest.upload;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Limits and sizes of resumable uploads. */
@ConfigMapping(prefix = "aqqua.upload")
public interface UploadPolicy {

    /** S3 allows at most this many parts in one multipart upload. */
    int MAX_PARTS = 10_000;
    long MIB = 1024L * 1024L;

    /** Smallest part handed out (S3's own minimum is 5 MiB); larger archives get larger parts. */
    @WithDefault("64M")
    io.quarkus.runtime.configuration.MemorySize minPartSize();

    @WithDefault("5T")
    io.quarkus.runtime.configuration.MemorySize maxArchiveSize();

    /** How many presigned part URLs one answer carries; clients ask for more as they go. */
    @WithDefault("100")
    int partUrlBatch();

    @WithDefault("PT1H")
    Duration partUrlValidity();

    /** An open upload with no part reported for this long is aborted by the stale-upload sweep. */
    @WithDefault("P7D")
    Duration staleAfter();

    /** How often the stale-upload sweep runs (a Quarkus scheduler period, or {@code off}). */
    @WithDefault("1h")
    String staleSweepEvery();

    /** The part size for an archive: at least the minimum, whole MiB, and few enough parts for S3. */
    default long partSizeFor(long archiveSize) {
        long needed = Math.max(minPartSize().asLongValue(), (archiveSize + MAX_PARTS - 1) / MAX_PARTS);
        return (needed + MIB - 1) / MIB * MIB;
    }

    static int partCount(long archiveSize, long partSize) {
        return (int) ((archiveSize + partSize - 1) / partSize);
    }
}
