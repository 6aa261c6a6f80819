package org.aqqua.storage;

import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import okhttp3.OkHttpClient;

/** Produces the MinIO clients of a service, both on one {@link StorageHttpClients#tuned tuned} HTTP client. */
@Singleton
public class MinioClientProducer {

    /** One connection pool and dispatcher shared by both clients. */
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
}
