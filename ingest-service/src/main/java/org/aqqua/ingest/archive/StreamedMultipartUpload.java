package org.aqqua.ingest.archive;

import com.google.common.collect.ImmutableMultimap;
import io.minio.MinioAsyncClient;
import io.minio.messages.Part;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.aqqua.runtime.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * A stream of unknown length stored as one S3 object, its parts PUT a few at a time while the next is read: S3
 * writes them in parallel, where one part after another left the archive's upload waiting on each. Memory is
 * bounded by the parts in flight (the S3 client holds a copy of each while it sends it).
 */
final class StreamedMultipartUpload {

    private static final Logger LOG = Logger.getLogger(StreamedMultipartUpload.class);

    static final int PART_SIZE = 8 * 1024 * 1024;
    private static final int PARTS_IN_FLIGHT = 3;
    /** S3's limit of parts per upload: at {@link #PART_SIZE}, 80 GiB. */
    static final int MAX_PARTS = 10_000;

    private final MinioAsyncClient s3;
    private final String bucket;
    private final String key;
    private final String contentType;

    StreamedMultipartUpload(MinioAsyncClient s3, String bucket, String key, String contentType) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.contentType = contentType;
    }

    /**
     * Stores {@code first} (a whole part already read) and the rest of {@code body}, updating {@code digest} with
     * every byte in order; returns the bytes stored. Nothing is left behind if it fails.
     */
    long store(byte[] first, InputStream body, MessageDigest digest) throws Exception {
        String uploadId = s3.createMultipartUploadAsync(bucket, null, key,
                ImmutableMultimap.of("Content-Type", contentType), null).get().result().uploadId();
        Semaphore inFlight = new Semaphore(PARTS_IN_FLIGHT);
        List<CompletableFuture<Part>> parts = new ArrayList<>();
        try {
            long total = 0;
            byte[] part = first;
            for (int number = 1; part.length > 0; number++) {
                if (number > MAX_PARTS) {
                    throw ProblemException.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "archive-too-large",
                            "A direct upload takes at most " + (long) MAX_PARTS * PART_SIZE + " bytes; upload "
                                    + "larger archives as resumable uploads (POST /api/datasets/{id}/uploads).");
                }
                total += part.length;
                inFlight.acquire();
                failEarly(parts);
                int partNumber = number;
                parts.add(s3.uploadPartAsync(bucket, null, key, part, part.length, uploadId, partNumber, null, null)
                        .thenApply(uploaded -> new Part(partNumber, uploaded.etag()))
                        .whenComplete((uploaded, error) -> inFlight.release()));
                part = body.readNBytes(PART_SIZE);
                digest.update(part);
            }
            Part[] uploaded = new Part[parts.size()];
            for (int i = 0; i < uploaded.length; i++) {
                uploaded[i] = parts.get(i).get();
            }
            s3.completeMultipartUploadAsync(bucket, null, key, uploadId, uploaded, null, null).get();
            return total;
        } catch (Exception | Error e) {
            parts.forEach(part -> part.cancel(false));
            abort(uploadId);
            throw e;
        }
    }

    /** A part S3 refused ends the upload now, not after the client has sent the rest of the archive. */
    private static void failEarly(List<CompletableFuture<Part>> parts) throws Exception {
        for (CompletableFuture<Part> part : parts) {
            if (part.isCompletedExceptionally()) {
                part.get();
            }
        }
    }

    private void abort(String uploadId) {
        try {
            s3.abortMultipartUploadAsync(bucket, null, key, uploadId, null, null).get();
        } catch (Exception e) {
            LOG.warnf("Could not abort the multipart upload of %s (S3 keeps its parts until it expires): %s", key,
                    e.getMessage());
        }
    }
}
