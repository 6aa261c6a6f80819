package org.aqqua.ingest.upload;

import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.http.Method;
import io.minio.messages.Part;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.aqqua.runtime.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * The S3 multipart operations behind resumable uploads. Storage failures become 503 problems. Received parts
 * are not listed from S3 (ListParts answers differ between servers; s3proxy omits PartNumberMarker, which the
 * MinIO SDK requires): the client reports each part's ETag and we record it, as DESIGN.md asks.
 */
@ApplicationScoped
public class UploadStorage {

    private static final Logger LOG = Logger.getLogger(UploadStorage.class);

    private final MinioAsyncClient async;
    private final MinioClient minio;

    UploadStorage(MinioAsyncClient async, MinioClient minio) {
        this.async = async;
        this.minio = minio;
    }

    public String start(String bucket, String key) {
        return storage("start an upload", () -> async.createMultipartUploadAsync(bucket, null, key, null, null)
                .get().result().uploadId());
    }

    /** A URL that lets its holder PUT exactly this part of exactly this upload, until it expires. */
    public String partUrl(String bucket, String key, String uploadId, int partNumber, Duration validity) {
        return storage("sign a part URL", () -> minio.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                .method(Method.PUT).bucket(bucket).object(key).expiry((int) validity.toSeconds())
                .extraQueryParams(Map.of("uploadId", uploadId, "partNumber", Integer.toString(partNumber)))
                .build()));
    }

    /**
     * Assembles the parts, in order, into the archive object; S3 checks every ETag against what it holds. If S3
     * no longer knows the upload because an earlier attempt assembled it (and our commit was then lost), the
     * object of the expected size is taken as assembled.
     */
    public void complete(String bucket, String key, String uploadId, List<UploadPart> parts, long expectedBytes) {
        Part[] assembled = parts.stream().map(part -> new Part(part.key.partNumber(), part.etag))
                .toArray(Part[]::new);
        storage("assemble an upload", () -> {
            try {
                return async.completeMultipartUploadAsync(bucket, null, key, uploadId, assembled, null, null).get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof ErrorResponseException refused) {
                    String code = refused.errorResponse().code();
                    if ("NoSuchUpload".equals(code) && sizeOf(bucket, key) == expectedBytes) {
                        return null;
                    }
                    if ("InvalidPart".equals(code) || "InvalidPartOrder".equals(code)
                            || "EntityTooSmall".equals(code)) {
                        throw ProblemException.conflict("Storage refused to assemble the upload (" + code + ": "
                                + refused.errorResponse().message() + "); report each part's ETag as S3 answered"
                                + " it, PUT again any part that is wrong, then complete again.");
                    }
                }
                throw e;
            }
        });
    }

    private long sizeOf(String bucket, String key) {
        try {
            return minio.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build()).size();
        } catch (Exception e) {
            return -1;
        }
    }

    public void abort(String bucket, String key, String uploadId) {
        storage("abort an upload", () -> async.abortMultipartUploadAsync(bucket, null, key, uploadId, null, null)
                .get());
    }

    private interface StorageCall<T> {
        T call() throws Exception;
    }

    private static <T> T storage(String what, StorageCall<T> call) {
        try {
            return call.call();
        } catch (ProblemException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(what, e);
        } catch (ExecutionException e) {
            throw unavailable(what, e.getCause());
        } catch (Exception e) {
            throw unavailable(what, e);
        }
    }

    private static ProblemException unavailable(String what, Throwable cause) {
        LOG.warnf(cause, "Storage could not %s", what);
        return ProblemException.of(jakarta.ws.rs.core.Response.Status.SERVICE_UNAVAILABLE, "storage-unavailable",
                "The storage could not " + what + "; try again later.");
    }
}
