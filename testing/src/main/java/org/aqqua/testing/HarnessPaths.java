package org.aqqua.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;

/** Where the build put the servers the harness starts, and the project checkout they belong to. */
public final class HarnessPaths {

    private static final Properties PROPERTIES = load();

    private HarnessPaths() {
    }

    public static Path keycloakHome() {
        return path("keycloak.home");
    }

    public static Path s3proxyJar() {
        return path("s3proxy.jar");
    }

    public static Path projectRoot() {
        return path("project.root");
    }

    public static Path realmFile() {
        return projectRoot().resolve("deploy/keycloak/aqqua-realm.json");
    }

    /** The runnable jar of a service module, built by {@code mvn package}. */
    public static Path serviceJar(String module) {
        return projectRoot().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private static Path path(String key) {
        return Path.of(PROPERTIES.getProperty(key)).toAbsolutePath().normalize();
    }

    private static Properties load() {
        try (InputStream in = HarnessPaths.class.getResourceAsStream("harness.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
