package org.aqqua.storage;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Makes sure this service's buckets exist: at start-up, and again on every readiness probe, so that storage that
 * comes up after us is set up as soon as it answers. Buckets stay private: objects are only ever handed out as
 * short-lived presigned URLs after an access check.
 */
@ApplicationScoped
public class BucketBootstrap {

    private static final Logger LOG = Logger.getLogger(BucketBootstrap.class);

    private final MinioClient minio;
    private final S3Config config;

    BucketBootstrap(MinioClient minio, S3Config config) {
        this.minio = minio;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        try {
            ensureBuckets();
        } catch (Exception e) {
            LOG.warnf("Buckets %s could not be checked at start-up (readiness stays DOWN until they can): %s",
                    config.buckets(), e.getMessage());
        }
    }

    /** Creates the missing buckets; throws when the storage does not answer or refuses. */
    public void ensureBuckets() throws Exception {
        for (String bucket : config.buckets()) {
            if (!minio.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                minio.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
                LOG.infof("Created bucket %s", bucket);
            }
        }
    }
}
