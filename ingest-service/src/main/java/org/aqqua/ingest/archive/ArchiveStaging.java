package org.aqqua.ingest.archive;

import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.http.Method;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.LongConsumer;
import org.apache.commons.io.input.BoundedInputStream;

/**
 * Bucket {@code aqqua-uploads}: archives exactly as received, kept until their job is final, so an upload we
 * acknowledged survives a crash of the service. Streamed both ways; an archive is never held in memory.
 */
@ApplicationScoped
public class ArchiveStaging {

    public static final String BUCKET = "aqqua-uploads";

    /** S3 multipart part size while streaming an archive of unknown length: the memory one upload costs. */
    private static final long PART_SIZE = 16L * 1024 * 1024;
    /** S3's limit for one PUT: 5 GiB. */
    private static final long MAX_SINGLE_PUT = 5L * 1024 * 1024 * 1024;

    private final MinioClient s3;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    ArchiveStaging(MinioClient s3) {
        this.s3 = s3;
    }

    /** What was stored: the object key, its size and SHA-256. */
    public record StagedArchive(String key, long bytes, String sha256) {
    }

    /**
     * Stores an archive of {@code length} bytes, or of unknown length if negative. A known length up to S3's
     * single-PUT limit is streamed in one PUT to a presigned URL: nothing is buffered, and the S3 server writes the
     * object once instead of assembling it from parts. Otherwise it goes up in parts of {@value #PART_SIZE} bytes,
     * one part in memory at a time.
     */
    public StagedArchive store(String key, InputStream body, String contentType, long length) throws Exception {
        String type = contentType == null ? "application/octet-stream" : contentType;
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (BoundedInputStream counted = BoundedInputStream.builder().setInputStream(body).get();
                InputStream hashed = new DigestInputStream(counted, digest)) {
            if (length > 0 && length <= MAX_SINGLE_PUT) {
                putWhole(key, hashed, type, length);
            } else {
                s3.putObject(PutObjectArgs.builder().bucket(BUCKET).object(key).stream(hashed, -1, PART_SIZE)
                        .contentType(type).build());
            }
            return new StagedArchive(key, counted.getCount(), HexFormat.of().formatHex(digest.digest()));
        }
    }

    private void putWhole(String key, InputStream body, String contentType, long length) throws Exception {
        String url = s3.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(Method.PUT).bucket(BUCKET)
                .object(key).expiry((int) Duration.ofHours(12).toSeconds()).build());
        // A body that ends before its declared length fails the PUT: S3 then has no object under the key.
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body),
                        length)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("S3 answered " + response.statusCode() + " to the archive's PUT: "
                    + response.body());
        }
    }

    /**
     * Copies the archive to a local file, telling {@code progress} the bytes copied so far; returns its SHA-256
     * (for an assembled upload, the first time anyone sees the archive whole).
     */
    public String download(String key, Path target, LongConsumer progress) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(s3.getObject(GetObjectArgs.builder().bucket(BUCKET).object(key)
                .build()), digest); OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[256 * 1024];
            long copied = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                copied += n;
                progress.accept(copied);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public void delete(String key) throws Exception {
        s3.removeObject(RemoveObjectArgs.builder().bucket(BUCKET).object(key).build());
    }
}
