package org.aqqua.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration that points a service at an {@link Infrastructure}: the same keys that deploy/compose and
 * deploy/k8s set as environment variables in production.
 */
public final class ServiceConfig {

    private ServiceConfig() {
    }

    public static Map<String, String> forService(String service, Infrastructure infrastructure) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", infrastructure.jdbcUrl());
        config.put("quarkus.datasource.username", PostgresServer.USER);
        config.put("quarkus.datasource.password", PostgresServer.PASSWORD);
        config.put("quarkus.oidc.auth-server-url", infrastructure.keycloak().realmUrl());
        config.put("aqqua.s3.endpoint", infrastructure.s3().endpoint());
        config.put("aqqua.s3.access-key", S3Server.ACCESS_KEY);
        config.put("aqqua.s3.secret-key", S3Server.SECRET_KEY);
        switch (service) {
            case "ingest-service" -> serviceAccount(config, infrastructure, DemoRealm.INGEST_CLIENT,
                    DemoRealm.INGEST_SECRET);
            case "release-service" -> serviceAccount(config, infrastructure, DemoRealm.RELEASE_CLIENT,
                    DemoRealm.RELEASE_SECRET);
            case "catalog-service" -> { }
            default -> throw new IllegalArgumentException("Unknown service " + service);
        }
        return config;
    }

    private static void serviceAccount(Map<String, String> config, Infrastructure infrastructure, String client,
            String secret) {
        config.put("quarkus.oidc-client.auth-server-url", infrastructure.keycloak().realmUrl());
        config.put("quarkus.oidc-client.client-id", client);
        config.put("quarkus.oidc-client.credentials.secret", secret);
    }
}
