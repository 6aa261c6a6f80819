package org.aqqua.storage;

import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.vertx.core.Vertx;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import okhttp3.OkHttpClient;

/**
 * Produces the MinIO clients of a service, both on one {@link StorageHttpClients#tuned tuned} HTTP client, and its
 * {@link PrehashedPuts} on the service's Vert.x event loops.
 */
@Singleton
public class MinioClientProducer {

    /** One connection pool and dispatcher shared by all of them. */
    private final OkHttpClient http;

    MinioClientProducer(S3Config config) {
        this.http = StorageHttpClients.tuned(config.maxConcurrentRequests(), config.connectTimeout());
    }

    @Produces
    @Singleton
    MinioClient minioClient(S3Config config) {
        return MinioClient.builder()
                .endpoint(config.endpoint())
                .region(config.region())
                .credentials(config.accessKey(), config.secretKey())
                .httpClient(http)
                .build();
    }

    /** The asynchronous client: the SDK exposes S3 multipart primitives (create, list parts, abort) only here. */
    @Produces
    @Singleton
    MinioAsyncClient minioAsyncClient(S3Config config) {
        return MinioAsyncClient.builder()
                .endpoint(config.endpoint())
                .region(config.region())
                .credentials(config.accessKey(), config.secretKey())
                .httpClient(http)
                .build();
    }

    @Produces
    @Singleton
    PrehashedPuts prehashedPuts(S3Config config, Vertx vertx) {
        return new PrehashedPuts(vertx, config.endpoint(), config.region(), config.accessKey(), config.secretKey(),
                config.maxConcurrentRequests(), config.connectTimeout());
    }

    void closePrehashedPuts(@Disposes PrehashedPuts puts) {
        puts.close();
    }
}
