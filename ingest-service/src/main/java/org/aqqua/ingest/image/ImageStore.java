package org.aqqua.ingest.image;

import io.minio.MinioAsyncClient;
import io.minio.RemoveObjectsArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.UploadObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.DeleteError;
import io.minio.messages.DeleteObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.aqqua.storage.PrehashedPuts;

/**
 * Bucket {@code aqqua-images}: every image once, under its SHA-256, whichever dataset and archive it came in. A
 * second PUT of the same content writes the same bytes again, so storing is idempotent and needs no lookup first.
 */
@ApplicationScoped
public class ImageStore {

    public static final String BUCKET = "aqqua-images";

    private final MinioAsyncClient s3;
    private final PrehashedPuts puts;

    ImageStore(MinioAsyncClient s3, PrehashedPuts puts) {
        this.s3 = s3;
        this.puts = puts;
    }

    /** The object key of an image: its SHA-256 in hex, which is also how the catalog finds its content. */
    public static String keyOf(String sha256) {
        return sha256;
    }

    public CompletableFuture<?> put(Path file, ProbedImage image) {
        try {
            return s3.uploadObject(UploadObjectArgs.builder().bucket(BUCKET).object(keyOf(image.sha256()))
                    .filename(file.toString()).contentType(image.format().mediaType()).build());
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * The same for an image in memory (read from its zip): signed with the SHA-256 the probe computed, so S3 checks
     * that the bytes match their key.
     */
    public CompletableFuture<?> put(byte[] content, ProbedImage image) {
        try {
            return puts.put(BUCKET, keyOf(image.sha256()), content, image.sha256(), image.format().mediaType());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** When the object was last written, or empty if there is none. */
    public Optional<Instant> lastWritten(String key) throws Exception {
        try {
            return Optional.of(s3.statObject(StatObjectArgs.builder().bucket(BUCKET).object(key).build()).get()
                    .lastModified().toInstant());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ErrorResponseException missing
                    && "NoSuchKey".equals(missing.errorResponse().code())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public void delete(List<String> keys) throws Exception {
        if (keys.isEmpty()) {
            return;
        }
        Iterable<Result<DeleteError>> errors = s3.removeObjects(RemoveObjectsArgs.builder().bucket(BUCKET)
                .objects(keys.stream().map(DeleteObject::new).toList()).build());
        for (Result<DeleteError> error : errors) {
            DeleteError failed = error.get();
            throw new IllegalStateException("S3 refused to delete " + failed.objectName() + ": " + failed.message());
        }
    }
}
