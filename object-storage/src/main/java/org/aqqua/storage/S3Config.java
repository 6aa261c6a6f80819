package org.aqqua.storage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Where the S3-compatible storage is and which buckets this service owns. */
@ConfigMapping(prefix = "aqqua.s3")
public interface S3Config {

    /** Endpoint URL, e.g. {@code http://minio:9000}. */
    String endpoint();

    String accessKey();

    String secretKey();

    @WithDefault("us-east-1")
    String region();

    /** The buckets this service owns; created at start-up when missing and checked for readiness. */
    List<String> buckets();

    /**
     * Most requests in flight to the storage at once (OkHttp allows only 5 per host by default), and most connections
     * {@link PrehashedPuts} opens.
     */
    @WithDefault("64")
    int maxConcurrentRequests();

    @WithDefault("5s")
    Duration connectTimeout();
}
