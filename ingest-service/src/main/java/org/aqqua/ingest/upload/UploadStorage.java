package org.aqqua.ingest.upload;

import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.http.Method;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
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
