package org.aqqua.testing;

import java.time.Instant;
import java.util.LinkedHashMap;
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
}
