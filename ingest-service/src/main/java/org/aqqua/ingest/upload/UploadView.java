package org.aqqua.ingest.upload;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An upload as its client sees it: the part size to cut the archive into, the parts its client reported as
 * received by S3 (number, ETag), and presigned URLs to PUT further parts to, valid until {@code expiresAt}; once
 * completed, the job that ingests the archive.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UploadView(UUID id, UUID datasetId, String fileName, long size, long partSize, int partCount,
        Upload.State state, UUID jobId, Instant createdAt, List<ReceivedPart> receivedParts,
        List<PartUrl> partUrls) {

    public record ReceivedPart(int partNumber, String etag, Instant recordedAt) {

        static ReceivedPart of(UploadPart part) {
            return new ReceivedPart(part.key.partNumber(), part.etag, part.recordedAt);
        }
    }

    public record PartUrl(int partNumber, String url, Instant expiresAt) {
    }

    static UploadView of(Upload upload, List<ReceivedPart> received, List<PartUrl> urls) {
        return new UploadView(upload.id, upload.datasetId, upload.fileName, upload.sizeBytes, upload.partSize,
                upload.partCount, upload.state, upload.jobId, upload.createdAt, received, urls);
    }
}
