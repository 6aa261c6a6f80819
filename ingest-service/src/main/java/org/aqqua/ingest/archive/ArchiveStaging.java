package org.aqqua.ingest.archive;

import io.minio.GetObjectArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.LongConsumer;

/**
 * Bucket {@code aqqua-uploads}: archives exactly as received, kept until their job is final, so an upload we
 * acknowledged survives a crash of the service. Streamed both ways; an archive is never held in memory.
 */
@ApplicationScoped
public class ArchiveStaging {

    public static final String BUCKET = "aqqua-uploads";

    private final MinioClient s3;
    private final MinioAsyncClient async;

    ArchiveStaging(MinioClient s3, MinioAsyncClient async) {
        this.s3 = s3;
        this.async = async;
    }

    /** What was stored: the object key, its size and SHA-256. */
    public record StagedArchive(String key, long bytes, String sha256) {
    }

    /**
     * Stores an archive as it streams in, its length unknown: in one PUT if it fits in one part, otherwise in
     * parts sent a few at a time ({@link StreamedMultipartUpload}).
     */
    public StagedArchive store(String key, InputStream body, String contentType) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        String type = contentType == null ? "application/octet-stream" : contentType;
        byte[] first = body.readNBytes(StreamedMultipartUpload.PART_SIZE);
        digest.update(first);
        long bytes;
        if (first.length < StreamedMultipartUpload.PART_SIZE) {
            s3.putObject(PutObjectArgs.builder().bucket(BUCKET).object(key)
                    .stream(new ByteArrayInputStream(first), first.length, -1).contentType(type).build());
            bytes = first.length;
        } else {
            bytes = new StreamedMultipartUpload(async, BUCKET, key, type).store(first, body, digest);
        }
        return new StagedArchive(key, bytes, HexFormat.of().formatHex(digest.digest()));
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
