package org.aqqua.storage;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the storage answers and every bucket of this service exists. */
@Readiness
@ApplicationScoped
public class S3ReadinessCheck implements HealthCheck {

    private final BucketBootstrap buckets;
    private final S3Config config;

    S3ReadinessCheck(BucketBootstrap buckets, S3Config config) {
        this.buckets = buckets;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("S3 storage")
                .withData("endpoint", config.endpoint());
        try {
            buckets.ensureBuckets();
            return response.up().build();
        } catch (Exception e) {
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
