package org.aqqua.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.minio.MakeBucketArgs;
import io.minio.MinioAsyncClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.aqqua.testing.FreePorts;
import org.aqqua.testing.S3Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tuned client against a real S3-compatible server (s3proxy). */
class StorageHttpClientsTest {

    private static final int IN_FLIGHT = 16;
    private static final String BUCKET = "bursts";

    @TempDir
    Path dir;

    /**
     * Bursts of PUTs with lulls between them, as a service storing many objects sends them: every connection of a
     * burst is kept for the next one, instead of all but OkHttp's default five being closed in the lull and opened
     * again.
     */
    @Test
    void keepsAConnectionForEveryRequestInFlightAcrossLulls() throws Exception {
        S3Server s3 = new S3Server(dir, FreePorts.next()).start();
        try {
            BurstListener events = new BurstListener();
            OkHttpClient http = StorageHttpClients.tuned(IN_FLIGHT, Duration.ofSeconds(5)).newBuilder()
                    .eventListener(events).build();
            MinioAsyncClient puts = MinioAsyncClient.builder().endpoint(s3.endpoint())
                    .credentials(S3Server.ACCESS_KEY, S3Server.SECRET_KEY).httpClient(http).build();
            puts.makeBucket(MakeBucketArgs.builder().bucket(BUCKET).build()).get();

            burst(puts, events, "first");
            int openedByFirstBurst = events.connects.get();
            assertThat(openedByFirstBurst).as("connections the first burst needed").isGreaterThanOrEqualTo(IN_FLIGHT);
            TimeUnit.MILLISECONDS.sleep(500); // the pool's clean-up runs as soon as a connection falls idle
            assertThat(http.connectionPool().idleConnectionCount()).as("idle connections kept in the lull")
                    .isEqualTo(openedByFirstBurst);

            burst(puts, events, "second");
            TimeUnit.MILLISECONDS.sleep(500);
            burst(puts, events, "third");

            assertThat(events.connects.get()).as("connections opened after the first burst")
                    .isEqualTo(openedByFirstBurst);
        } finally {
            s3.stop();
        }
    }

    /**
     * {@value #IN_FLIGHT} PUTs, each holding its connection until all of them have one: {@value #IN_FLIGHT}
     * connections in use at once, whatever the speed of the machine.
     */
    private static void burst(MinioAsyncClient puts, BurstListener events, String name) throws Exception {
        events.expect(IN_FLIGHT);
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (int i = 0; i < IN_FLIGHT; i++) {
            byte[] content = (name + " burst, image " + i).getBytes(StandardCharsets.UTF_8);
            sent.add(puts.putObject(PutObjectArgs.builder().bucket(BUCKET).object(name + "/" + i)
                    .stream(new ByteArrayInputStream(content), content.length, -1).build()));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    }

    /** Counts connections opened, and holds each acquired connection until a burst's calls all have one. */
    private static final class BurstListener extends EventListener {

        final AtomicInteger connects = new AtomicInteger();
        private volatile CountDownLatch allAcquired = new CountDownLatch(0);

        void expect(int calls) {
            allAcquired = new CountDownLatch(calls);
        }

        @Override
        public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
            connects.incrementAndGet();
        }

        @Override
        public void connectionAcquired(Call call, Connection connection) {
            CountDownLatch latch = allAcquired;
            latch.countDown();
            try {
                latch.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
