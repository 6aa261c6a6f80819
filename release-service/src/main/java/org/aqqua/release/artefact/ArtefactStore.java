package org.aqqua.release.artefact;

import io.minio.GetPresignedObjectUrlArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.UploadObjectArgs;
import io.minio.http.Method;
import io.minio.messages.Item;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The bucket {@code aqqua-releases}: release artefacts under {@code datasets/<id>/} and rehearsals under
 * {@code rehearsals/<id>/}. The bucket is never public; the public gets a short-lived presigned URL to a file
 * once its dataset's release is published.
 */
@ApplicationScoped
public class ArtefactStore {

    public static final String BUCKET = "aqqua-releases";

    private final MinioClient s3;

    ArtefactStore(MinioClient s3) {
        this.s3 = s3;
    }

    public void put(String key, Path file, String mediaType) throws Exception {
        s3.uploadObject(UploadObjectArgs.builder().bucket(BUCKET).object(key).filename(file.toString())
                .contentType(mediaType).build());
    }

    public String downloadUrl(String key, Duration validity) throws Exception {
        return s3.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(Method.GET).bucket(BUCKET)
                .object(key).expiry((int) validity.toSeconds()).build());
    }

    /** Removes everything under {@code prefix} (a rebuilt release replaces its earlier files). */
    public void deletePrefix(String prefix) throws Exception {
        for (Result<Item> listed : s3.listObjects(ListObjectsArgs.builder().bucket(BUCKET).prefix(prefix)
                .recursive(true).build())) {
            s3.removeObject(RemoveObjectArgs.builder().bucket(BUCKET).object(listed.get().objectName()).build());
        }
    }
}
