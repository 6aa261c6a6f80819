package org.aqqua.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The refresh token of the last {@code login}, in {@code <config>/credentials.json} with mode 0600, with the realm
 * and client it belongs to.
 */
public record Credentials(String issuer, String clientId, String refreshToken, boolean offline, Instant savedAt) {

    static Path file(Path configDir) {
        return configDir.resolve("credentials.json");
    }

    public static Optional<Credentials> load(Path configDir) throws IOException {
        Path file = file(configDir);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(Json.MAPPER.readValue(file.toFile(), Credentials.class));
    }

    public void save(Path configDir) throws IOException {
        SecureFiles.createPrivateDirectories(configDir);
        SecureFiles.writePrivate(file(configDir), Json.MAPPER.writeValueAsBytes(this));
    }

    public static boolean delete(Path configDir) throws IOException {
        return Files.deleteIfExists(file(configDir));
    }

    public Credentials withRefreshToken(String token) {
        return new Credentials(issuer, clientId, token, offline, Instant.now());
    }
}
