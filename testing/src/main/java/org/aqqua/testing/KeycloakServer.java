package org.aqqua.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real Keycloak (the Quarkus distribution from Maven Central) in dev mode as a child process, with the
 * {@code aqqua} realm imported from deploy/keycloak and its data in PostgreSQL, so that users and sessions
 * survive a restart of the local platform. The realm is imported only when it does not exist yet.
 */
public final class KeycloakServer extends ChildServer {

    public static final String REALM = "aqqua";
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    private final Path workDir;
    private final int port;
    private final List<String> databaseOptions;

    /** Keycloak keeping its data in the given PostgreSQL database. */
    public KeycloakServer(Path workDir, int port, String postgresJdbcUrl, String user, String password) {
        this(workDir, port, List.of("--db=postgres", "--db-url=" + postgresJdbcUrl, "--db-username=" + user,
                "--db-password=" + password));
    }

    /** Keycloak keeping its data in an H2 file under {@code workDir}, for when PostgreSQL is not ours to use. */
    public static KeycloakServer withFileDatabase(Path workDir, int port) {
        return new KeycloakServer(workDir, port, List.of("--db=dev-file",
                "--db-url=jdbc:h2:file:" + workDir.toAbsolutePath().resolve("keycloakdb") + ";NON_KEYWORDS=VALUE"));
    }

    private KeycloakServer(Path workDir, int port, List<String> databaseOptions) {
        this.workDir = workDir;
        this.port = port;
        this.databaseOptions = databaseOptions;
    }

    public KeycloakServer start() {
        ensureStarted();
        return this;
    }

    @Override
    protected ChildProcess launch() {
        Path home = HarnessPaths.keycloakHome();
        try {
            Files.createDirectories(workDir);
            Path importDir = Files.createDirectories(home.resolve("data/import"));
            Files.copy(HarnessPaths.realmFile(), importDir.resolve("aqqua-realm.json"),
                    StandardCopyOption.REPLACE_EXISTING);
            home.resolve("bin/kc.sh").toFile().setExecutable(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new java.util.ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                "--http-management-port=" + FreePorts.next(),
                "--import-realm"));
        command.addAll(databaseOptions);
        ChildProcess process = ChildProcess.start("keycloak", command,
                Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER,
                        "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD,
                        "JAVA_HOME", System.getProperty("java.home"),
                        "JAVA_OPTS_APPEND", "-Xms64m -Xmx768m"),
                workDir, workDir.resolve("keycloak.log"));
        process.awaitHttpOk(URI.create(realmUrl() + "/.well-known/openid-configuration"), Duration.ofMinutes(4));
        return process;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The issuer of the realm: what services configure as {@code quarkus.oidc.auth-server-url}. */
    public String realmUrl() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String tokenUrl() {
        return realmUrl() + "/protocol/openid-connect/token";
    }
}
