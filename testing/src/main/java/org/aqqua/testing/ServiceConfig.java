package org.aqqua.testing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration that points a service at an {@link Infrastructure}: the same keys that deploy/compose and
 * deploy/k8s set as environment variables in production.
 */
public final class ServiceConfig {

    private ServiceConfig() {
    }

    public static Map<String, String> forService(String service, PlatformEndpoints endpoints) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", endpoints.jdbcUrl());
        config.put("quarkus.datasource.username", endpoints.dbUser());
        config.put("quarkus.datasource.password", endpoints.dbPassword());
        config.put("quarkus.oidc.auth-server-url", endpoints.realmUrl());
        config.put("aqqua.s3.endpoint", endpoints.s3Endpoint());
        config.put("aqqua.s3.access-key", endpoints.s3AccessKey());
        config.put("aqqua.s3.secret-key", endpoints.s3SecretKey());
        switch (service) {
            case "ingest-service" -> config.put("quarkus.oidc-client.credentials.secret",
                    endpoints.ingestClientSecret());
            case "release-service" -> config.put("quarkus.oidc-client.credentials.secret",
                    endpoints.releaseClientSecret());
            case "catalog-service" -> { }
            default -> throw new IllegalArgumentException("Unknown service " + service);
        }
        return config;
    }

    /** As {@link #forService(String, PlatformEndpoints)}, also telling the service where the catalog runs. */
    public static Map<String, String> forService(String service, PlatformEndpoints endpoints, String catalogUrl) {
        Map<String, String> config = forService(service, endpoints);
        config.put("quarkus.rest-client.catalog.url", catalogUrl);
        return config;
    }

    /**
     * {@code config} with the service's clock frozen at {@code now}: the packaged service runs in the test profile
     * (the prod profile refuses a fixed clock) and {@code aqqua.clock.fixed}, given as a system property, overrides
     * any {@code %test} value of the service's application.properties. Tests only.
     */
    public static Map<String, String> withFixedClock(Map<String, String> config, Instant now) {
        Map<String, String> fixed = new LinkedHashMap<>(config);
        fixed.put("quarkus.profile", "test");
        fixed.put("aqqua.clock.fixed", now.toString());
        return fixed;
    }

    /**
     * JVM options a service gets wherever the harness starts it (tests, benchmarks, the local platform); its
     * container image sets the same (Dockerfile.jvm). ingest-service: the MinIO async client runs each PUT's
     * preparation through {@code CompletableFuture.supplyAsync} on the common pool, which with one or two CPUs
     * has parallelism 1, and the JDK then starts a new thread for every task, one per image stored; a common pool
     * of four threads runs them instead (measured with bench/ingest, see README).
     */
    public static List<String> jvmOptions(String service) {
        return service.equals("ingest-service")
                ? List.of("-Djava.util.concurrent.ForkJoinPool.common.parallelism=4") : List.of();
    }
}
