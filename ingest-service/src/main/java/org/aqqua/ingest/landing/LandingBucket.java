package org.aqqua.ingest.landing;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.StreamSupport;

/**
 * The only access AqQua has to landing buckets, and it only reads: data that arrived there by Globus, FTP or rclone
 * belongs to whoever put it there, so nothing is ever written to or deleted from a landing bucket.
 */
@ApplicationScoped
public class LandingBucket {

    private final MinioClient s3;

    LandingBucket(MinioClient s3) {
        this.s3 = s3;
    }

    /** One object under a prefix: its full key and size. */
    public record LandingObject(String key, long size) {
    }

    public boolean exists(String bucket) throws Exception {
        return s3.bucketExists(BucketExistsArgs.builder().bucket(bucket).build());
    }

    public boolean holdsAnything(String bucket, String prefix) {
        return objects(bucket, prefix).iterator().hasNext();
    }

    /**
     * Every object under the prefix, in key order, without the empty "folder" markers some tools write. Listed
     * lazily, a page at a time, so a prefix of millions of objects is never held in memory.
     */
    public Iterable<LandingObject> objects(String bucket, String prefix) {
        Iterable<Result<Item>> listing = s3.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(prefix)
                .recursive(true).build());
        return () -> StreamSupport.stream(listing.spliterator(), false)
                .map(result -> item(result, bucket, prefix))
                .filter(item -> !item.isDir() && !item.objectName().endsWith("/"))
                .map(item -> new LandingObject(item.objectName(), item.size()))
                .iterator();
    }

    /** Streams one object into a local file, replacing it (the reader creates it first, see LandingReader). */
    public void copy(String bucket, String key, Path target) throws Exception {
        try (InputStream in = s3.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Item item(Result<Item> result, String bucket, String prefix) {
        try {
            return result.get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot list s3://" + bucket + "/" + prefix + ": " + e.getMessage(), e);
        }
    }
}
