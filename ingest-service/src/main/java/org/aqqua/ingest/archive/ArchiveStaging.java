package org.aqqua.ingest.archive;

import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
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

    private final MinioClient s3;

    ArchiveStaging(MinioClient s3) {
        this.s3 = s3;
    }

    /** What was stored: the object key, its size and SHA-256. */
    public record StagedArchive(String key, long bytes, String sha256) {
    }

    public StagedArchive store(String key, InputStream body, String contentType) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (BoundedInputStream counted = BoundedInputStream.builder().setInputStream(body).get();
                InputStream hashed = new DigestInputStream(counted, digest)) {
            s3.putObject(PutObjectArgs.builder().bucket(BUCKET).object(key).stream(hashed, -1, PART_SIZE)
                    .contentType(contentType == null ? "application/octet-stream" : contentType).build());
            return new StagedArchive(key, counted.getCount(), HexFormat.of().formatHex(digest.digest()));
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
