package org.aqqua.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {

    @TempDir
    Path dir;

    @Test
    void aSavedStateIsLoadedBackOwnerOnlyAndMatchesOnlyTheUnchangedSource() throws Exception {
        Path file = dir.resolve("bundle.zip");
        Files.write(file, new byte[1234]);
        UploadSource source = UploadSource.of(file);
        UUID dataset = UUID.randomUUID();
        String key = StateStore.key(file, dataset, "http://ingest");
        assertThat(StateStore.key(dir.resolve("./bundle.zip"), dataset, "http://ingest")).isEqualTo(key);
        assertThat(StateStore.key(file, UUID.randomUUID(), "http://ingest")).isNotEqualTo(key);

        StateStore store = new StateStore(dir.resolve("config"));
        assertThat(store.load(key)).isEmpty();
        UploadState state = new UploadState(key, file.toString(), dataset, "http://ingest", UUID.randomUUID(),
                "bundle.zip", 1234, 64L << 20, 1, source.fingerprint(), null, Instant.parse("2026-01-01T00:00:00Z"));
        store.save(state);
        assertThat(store.load(key)).contains(state);
        assertThat(Files.getPosixFilePermissions(store.file(key))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(dir.resolve("config/uploads")))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(state.matches(source)).isTrue();

        UUID job = UUID.randomUUID();
        store.save(state.withJob(job));
        assertThat(store.load(key).orElseThrow().jobId()).isEqualTo(job);

        Files.write(file, new byte[1235]);
        assertThat(state.matches(UploadSource.of(file))).isFalse();

        Files.writeString(store.file(key), "{\"key\": ");
        assertThat(store.load(key)).as("a state file cut short starts afresh").isEmpty();
        store.delete(key);
        assertThat(Files.exists(store.file(key))).isFalse();
    }

    @Test
    void credentialsAreKeptOwnerOnly() throws Exception {
        Path config = dir.resolve("aqqua");
        new Credentials("http://kc/realms/aqqua", "aqqua-cli", "refresh", true, Instant.now()).save(config);
        assertThat(Files.getPosixFilePermissions(Credentials.file(config)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Credentials.load(config).orElseThrow().refreshToken()).isEqualTo("refresh");
        assertThat(Credentials.delete(config)).isTrue();
        assertThat(Credentials.load(config)).isEmpty();
    }
}
