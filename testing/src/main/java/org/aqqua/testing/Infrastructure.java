package org.aqqua.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The three servers every AqQua service needs: PostgreSQL, Keycloak and S3, started on the given ports with
 * their data under one directory. Tests share one instance per JVM ({@link #shared()}); the local platform
 * starts its own on fixed ports with a persistent directory.
 */
public final class Infrastructure implements AutoCloseable {

    public static final String DATABASE = "aqqua";
    public static final String KEYCLOAK_DATABASE = "keycloak";
    private static final Logger LOG = Logger.getLogger(Infrastructure.class);

    private static Infrastructure shared;

    private final Path dataDir;
    private final PostgresServer postgres;
    private final S3Server s3;
    private final KeycloakServer keycloak;

    public record Ports(int postgres, int keycloak, int s3) {
        public static Ports free() {
            return new Ports(FreePorts.next(), FreePorts.next(), FreePorts.next());
        }
    }

    public Infrastructure(Path dataDir, Ports ports) {
        this.dataDir = dataDir;
        this.postgres = new PostgresServer(dataDir.resolve("postgres"), ports.postgres());
        this.s3 = new S3Server(dataDir.resolve("s3"), ports.s3());
        this.keycloak = new KeycloakServer(dataDir.resolve("keycloak"), ports.keycloak(),
                postgres.jdbcUrl(KEYCLOAK_DATABASE), PostgresServer.USER, PostgresServer.PASSWORD);
    }

    /** One infrastructure per test JVM, in a temporary directory removed at exit. */
    public static synchronized Infrastructure shared() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("aqqua-test-");
                shared = new Infrastructure(dir, Ports.free()).start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    shared.close();
                    deleteRecursively(dir);
                }, "stop-aqqua-test-infrastructure"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    public Infrastructure start() {
        long started = System.nanoTime();
        postgres.start();
        postgres.ensureDatabase(DATABASE);
        postgres.ensureDatabase(KEYCLOAK_DATABASE);
        s3.start();
        keycloak.start();
        LOG.infof("PostgreSQL :%d, S3 %s and Keycloak %s up in %d s (data in %s)", postgres.port(), s3.endpoint(),
                keycloak.realmUrl(), (System.nanoTime() - started) / 1_000_000_000L, dataDir);
        return this;
    }

    @Override
    public void close() {
        keycloak.stop();
        s3.stop();
        postgres.stop();
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public S3Server s3() {
        return s3;
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The endpoints of these servers, with the dev realm's client secrets. */
    public PlatformEndpoints endpoints() {
        return new PlatformEndpoints(jdbcUrl(), PostgresServer.USER, PostgresServer.PASSWORD, keycloak.realmUrl(),
                s3.endpoint(), S3Server.ACCESS_KEY, S3Server.SECRET_KEY, DemoRealm.INGEST_SECRET,
                DemoRealm.RELEASE_SECRET);
    }

    public String jdbcUrl() {
        return postgres.jdbcUrl(DATABASE);
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Best effort: a temp directory left behind is not worth failing a run for.
        }
    }
}
