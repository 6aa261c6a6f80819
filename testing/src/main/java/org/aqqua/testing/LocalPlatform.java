package org.aqqua.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * The whole AqQua platform on one machine without Docker: PostgreSQL, Keycloak with the aqqua realm, an S3
 * server and the three services, with all data in one directory that survives restarts. Started by
 * {@code deploy/local/run}; stops everything on Ctrl-C or SIGTERM.
 *
 * <p>Settings come from environment variables (see README): the data directory and ports, and external
 * PostgreSQL, Keycloak or S3 to use instead of starting our own.
 */
public final class LocalPlatform {

    private final Function<String, String> env;
    private final List<AutoCloseable> started = Collections.synchronizedList(new ArrayList<>());

    LocalPlatform(Function<String, String> env) {
        this.env = env;
    }

    public static void main(String[] args) throws Exception {
        LocalPlatform platform = new LocalPlatform(System::getenv);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping AqQua ...");
            platform.stop();
            stopped.countDown();
        }, "stop-aqqua-local"));
        try {
            platform.start();
        } catch (RuntimeException e) {
            System.err.println("AqQua did not start: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    void start() throws Exception {
        Path dataDir = Path.of(setting("AQQUA_LOCAL_DATA", HarnessPaths.projectRoot().resolve(".aqqua-local")
                .toString())).toAbsolutePath();
        Files.createDirectories(dataDir);
        Path logs = Files.createDirectories(dataDir.resolve("logs"));
        System.out.println("AqQua local platform: data in " + dataDir + ", logs in " + logs);

        PlatformEndpoints endpoints = startDependencies(dataDir);
        String catalogUrl = startService("catalog-service", "AQQUA_LOCAL_CATALOG_PORT", "8081", endpoints, null, logs);
        startService("ingest-service", "AQQUA_LOCAL_INGEST_PORT", "8082", endpoints, catalogUrl, logs);
        startService("release-service", "AQQUA_LOCAL_RELEASE_PORT", "8083", endpoints, catalogUrl, logs);
        printBanner(endpoints);
    }

    private PlatformEndpoints startDependencies(Path dataDir) {
        String jdbcUrl = env.apply("AQQUA_DB_URL");
        String dbUser = setting("AQQUA_DB_USER", PostgresServer.USER);
        String dbPassword = setting("AQQUA_DB_PASSWORD", PostgresServer.PASSWORD);
        PostgresServer postgres = null;
        if (jdbcUrl == null) {
            postgres = track(new PostgresServer(dataDir.resolve("postgres"),
                    Integer.parseInt(setting("AQQUA_LOCAL_POSTGRES_PORT", "15432"))).start());
            postgres.ensureDatabase(Infrastructure.DATABASE);
            postgres.ensureDatabase(Infrastructure.KEYCLOAK_DATABASE);
            jdbcUrl = postgres.jdbcUrl(Infrastructure.DATABASE);
            System.out.println("  PostgreSQL  " + jdbcUrl);
        }

        String s3Endpoint = env.apply("AQQUA_S3_ENDPOINT");
        String s3AccessKey = setting("AQQUA_S3_ACCESS_KEY", S3Server.ACCESS_KEY);
        String s3SecretKey = setting("AQQUA_S3_SECRET_KEY", S3Server.SECRET_KEY);
        if (s3Endpoint == null) {
            S3Server s3 = track(new S3Server(dataDir.resolve("s3"),
                    Integer.parseInt(setting("AQQUA_LOCAL_S3_PORT", "9000"))).start());
            s3Endpoint = s3.endpoint();
            System.out.println("  S3          " + s3Endpoint);
        }

        String realmUrl = env.apply("AQQUA_OIDC_URL");
        if (realmUrl == null) {
            int port = Integer.parseInt(setting("AQQUA_LOCAL_KEYCLOAK_PORT", "8180"));
            Path workDir = dataDir.resolve("keycloak");
            KeycloakServer keycloak = postgres != null
                    ? new KeycloakServer(workDir, port, postgres.jdbcUrl(Infrastructure.KEYCLOAK_DATABASE),
                            PostgresServer.USER, PostgresServer.PASSWORD)
                    : KeycloakServer.withFileDatabase(workDir, port);
            System.out.println("  Keycloak    starting (a minute on first start) ...");
            realmUrl = track(keycloak.start()).realmUrl();
            System.out.println("  Keycloak    " + realmUrl);
        }
        return new PlatformEndpoints(jdbcUrl, dbUser, dbPassword, realmUrl, s3Endpoint, s3AccessKey, s3SecretKey,
                setting("AQQUA_INGEST_CLIENT_SECRET", DemoRealm.INGEST_SECRET),
                setting("AQQUA_RELEASE_CLIENT_SECRET", DemoRealm.RELEASE_SECRET));
    }

    private String startService(String module, String portVariable, String defaultPort, PlatformEndpoints endpoints,
            String catalogUrl, Path logs) {
        Map<String, String> config = catalogUrl == null ? ServiceConfig.forService(module, endpoints)
                : ServiceConfig.forService(module, endpoints, catalogUrl);
        ServiceProcess service = track(ServiceProcess.start(module, Integer.parseInt(setting(portVariable,
                defaultPort)), config, logs, List.of("-Xmx" + setting("AQQUA_LOCAL_SERVICE_HEAP", "384m"))));
        System.out.printf("  %-16s %s   (API docs %s/q/swagger-ui)%n", module, service.url(), service.url());
        return service.url();
    }

    private void printBanner(PlatformEndpoints endpoints) {
        System.out.println();
        System.out.println("Demo users of the dev realm (password = user name), tokens from " + endpoints.tokenUrl()
                + " with client_id=" + DemoRealm.CLI_CLIENT + ":");
        DemoRealm.USERS.forEach(user -> System.out.printf("  %-16s role %s%n", user.username(), user.role()));
        System.out.println();
        System.out.println("AqQua is up. Press Ctrl-C to stop.");
    }

    /** Stops what was started, newest first: services before the servers they depend on. */
    void stop() {
        List<AutoCloseable> toStop;
        synchronized (started) {
            toStop = new ArrayList<>(started);
            started.clear();
        }
        Collections.reverse(toStop);
        for (AutoCloseable part : toStop) {
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("Could not stop " + part + ": " + e.getMessage());
            }
        }
    }

    private <T extends AutoCloseable> T track(T part) {
        started.add(part);
        return part;
    }

    private String setting(String name, String fallback) {
        String value = env.apply(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
