package org.aqqua.upload;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;

/**
 * Upload states under {@code <config>/uploads/}, one JSON file per command (source path, dataset, service), written
 * atomically with owner-only permissions.
 */
public final class StateStore {

    private final Path dir;

    public StateStore(Path configDir) {
        this.dir = configDir.resolve("uploads");
    }

    /** The key of an upload command: the same file or folder into the same dataset on the same service. */
    public static String key(Path source, UUID dataset, String ingestUrl) {
        return Fingerprint.of(source.toAbsolutePath().normalize(), dataset, ingestUrl).substring(0, 32);
    }

    public Optional<UploadState> load(String key) throws IOException {
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.readValue(file.toFile(), UploadState.class));
        } catch (IOException e) {
            // A state file cut short (disk full, killed mid-write) is not worth failing for: start afresh.
            return Optional.empty();
        }
    }

    public void save(UploadState state) throws IOException {
        SecureFiles.createPrivateDirectories(dir);
        Path target = file(state.key());
        Path temp = dir.resolve(state.key() + ".tmp");
        SecureFiles.writePrivate(temp, Json.MAPPER.writeValueAsBytes(state));
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public void delete(String key) throws IOException {
        Files.deleteIfExists(file(key));
    }

    Path file(String key) {
        return dir.resolve(key + ".json");
    }
}
