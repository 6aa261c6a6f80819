package org.aqqua.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.aqqua.testing.FreePorts;
import org.aqqua.testing.S3Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real S3-compatible server (s3proxy), as the services use it. */
class PrehashedPutsTest {

    private static final String BUCKET = "prehashed";

    @TempDir
    static Path dir;
    private static int port;
    private static S3Server s3;
    private static MinioClient sdk;
    private static Vertx vertx;
    private static PrehashedPuts puts;

    @BeforeAll
    static void start() throws Exception {
        port = FreePorts.next();
        s3 = new S3Server(dir, port).start();
        sdk = MinioClient.builder().endpoint(s3.endpoint()).credentials(S3Server.ACCESS_KEY, S3Server.SECRET_KEY)
                .httpClient(StorageHttpClients.tuned(8, Duration.ofSeconds(5))).build();
        sdk.makeBucket(MakeBucketArgs.builder().bucket(BUCKET).build());
        vertx = Vertx.vertx();
        puts = puts(S3Server.SECRET_KEY);
    }

    @AfterAll
    static void stop() {
        puts.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        s3.stop();
    }

    private static PrehashedPuts puts(String secretKey) {
        return new PrehashedPuts(vertx, s3.endpoint(), "us-east-1", S3Server.ACCESS_KEY, secretKey, 8,
                Duration.ofSeconds(5));
    }

    @Test
    void storesTheBytesUnderTheirKeyWithTheirContentType() throws Exception {
        byte[] content = "a plankton image, more or less".getBytes(StandardCharsets.UTF_8);
        String sha256 = sha256(content);

        puts.put(BUCKET, sha256, content, sha256, "image/png").get();

        try (GetObjectResponse stored = sdk.getObject(GetObjectArgs.builder().bucket(BUCKET).object(sha256).build())) {
            assertThat(stored.readAllBytes()).isEqualTo(content);
            assertThat(stored.headers().get("Content-Type")).isEqualTo("image/png");
        }
        assertThat(sdk.statObject(StatObjectArgs.builder().bucket(BUCKET).object(sha256).build()).size())
                .isEqualTo(content.length);
    }

    @Test
    void storesKeysOfSeveralSegmentsAndEmptyObjects() throws Exception {
        byte[] empty = new byte[0];

        puts.put(BUCKET, "datasets/7/empty.bin", empty, sha256(empty), "application/octet-stream").get();

        assertThat(sdk.statObject(StatObjectArgs.builder().bucket(BUCKET).object("datasets/7/empty.bin").build())
                .size()).isZero();
    }

    @Test
    void bytesThatDoNotHashToTheGivenSha256AreRefusedByTheServerAndNotStored() throws Exception {
        byte[] content = "what the caller hashed".getBytes(StandardCharsets.UTF_8);
        byte[] other = "what arrived instead!!".getBytes(StandardCharsets.UTF_8);
        String sha256 = sha256(content);

        assertThatThrownBy(() -> puts.put(BUCKET, sha256, other, sha256, "image/png").get())
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(ErrorResponseException.class)
                .satisfies(e -> assertThat(((ErrorResponseException) e).errorResponse().code())
                        .isEqualTo("XAmzContentSHA256Mismatch"));
        assertThatThrownBy(() -> sdk.statObject(StatObjectArgs.builder().bucket(BUCKET).object(sha256).build()))
                .isInstanceOf(ErrorResponseException.class);
    }

    @Test
    void wrongCredentialsAreRefusedWithTheServersErrorCode() throws Exception {
        byte[] content = {1, 2, 3};
        try (PrehashedPuts stranger = puts("not-the-secret")) {
            assertThatThrownBy(() -> stranger.put(BUCKET, "x", content, sha256(content), "image/png").get())
                    .cause().isInstanceOf(ErrorResponseException.class)
                    .satisfies(e -> assertThat(((ErrorResponseException) e).errorResponse().code())
                            .isEqualTo("SignatureDoesNotMatch"));
        }
    }

    /** Connections kept alive from before a restart of the server are dead: PUTs after it are stored all the same. */
    @Test
    void putsAfterTheServerRestartedAreStored() throws Exception {
        putEight("before");

        s3.stop();
        s3 = new S3Server(dir, port).start();
        putEight("after");

        for (int i = 0; i < 8; i++) {
            assertThat(sdk.statObject(StatObjectArgs.builder().bucket(BUCKET).object("restart/after-" + i).build())
                    .size()).isEqualTo(("after the restart " + i).length());
        }
    }

    /** Eight PUTs at once, under {@code restart/<when>-<i>}, waited for. */
    private static void putEight(String when) throws Exception {
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            byte[] content = (when + " the restart " + i).getBytes(StandardCharsets.UTF_8);
            sent.add(puts.put(BUCKET, "restart/" + when + "-" + i, content, sha256(content), "image/png"));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    }

    @Test
    void keysThatWouldNeedEscapingAndMalformedHashesAreRefusedBeforeSending() {
        byte[] content = {1};
        String sha256 = "ab".repeat(32);

        assertThatThrownBy(() -> puts.put(BUCKET, "a key with spaces", content, sha256, "image/png"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a key with spaces");
        assertThatThrownBy(() -> puts.put(BUCKET, "../escape", content, sha256, "image/png"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> puts.put(BUCKET, "k", content, sha256.toUpperCase(), "image/png"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SHA-256");
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
