package org.aqqua.bench;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioAsyncClient;
import io.minio.PutObjectArgs;
import io.vertx.core.Vertx;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import org.aqqua.storage.PrehashedPuts;
import org.aqqua.storage.StorageHttpClients;
import org.aqqua.testing.FreePorts;
import org.aqqua.testing.S3Server;

/**
 * PUT rate of small objects (plankton images are ~10 KB) through the MinIO SDK: its default HTTP client (the
 * baseline) against the client AqQua's services use ({@link StorageHttpClients#tuned}), and against the PUT
 * ingest-service stores images with ({@link PrehashedPuts}, on Vert.x's event loops, here hashing each object itself
 * as the SDK does), same server, same run, alternating rounds so that drift of the machine hits all alike. Prints
 * each variant's CPU per PUT, in this client and in the S3 server. Every variant is driven as ingest-service drives
 * its PUTs: asynchronously, from one thread, a fixed number in flight.
 *
 * <p>Arguments: objects per round (default 2000), object size in bytes (10240), PUTs in flight (32), rounds (3).
 */
public final class S3PutBenchmark {

    private S3PutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int objects = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 10_240;
        int inFlight = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;

        Path dir = Files.createTempDirectory("aqqua-bench-s3-");
        try (S3Server s3 = new S3Server(dir, FreePorts.next()).start()) {
            MinioAsyncClient baseline = client(s3, null);
            MinioAsyncClient tuned = client(s3, StorageHttpClients.tuned(64, Duration.ofSeconds(5)));
            if (!baseline.bucketExists(BucketExistsArgs.builder().bucket("bench").build()).get()) {
                baseline.makeBucket(MakeBucketArgs.builder().bucket("bench").build()).get();
            }
            byte[] payload = new byte[size];
            new Random(42).nextBytes(payload);

            Vertx vertx = Vertx.vertx();
            PrehashedPuts prehashed = new PrehashedPuts(vertx, s3.endpoint(), "us-east-1", S3Server.ACCESS_KEY,
                    S3Server.SECRET_KEY, 64, Duration.ofSeconds(5));
            List<Variant> variants = List.of(
                    new Variant("MinIO SDK `putObject`, default HTTP client (baseline)", sdkPut(baseline, payload)),
                    new Variant("MinIO SDK `putObject`, AqQua `StorageHttpClients.tuned`", sdkPut(tuned, payload)),
                    new Variant("AqQua `PrehashedPuts` on Vert.x (SHA-256 computed per PUT here)",
                            key -> prehashed.put("bench", key, payload, sha256(payload), "image/png")));
            for (Variant variant : variants) {
                putAll(variant.put(), 200, inFlight, "warm-" + variants.indexOf(variant));
            }
            for (int round = 0; round < rounds; round++) {
                for (Variant variant : variants) {
                    Map<String, Double> before = ProcessCpu.snapshot(dir);
                    String prefix = variants.indexOf(variant) + "-" + round;
                    variant.rates.add(putAll(variant.put(), objects, inFlight, prefix));
                    Map<String, Double> spent = ProcessCpu.between(before, ProcessCpu.snapshot(dir));
                    variant.clientCpu.add(spent.getOrDefault("benchmark client", 0.0) / objects);
                    variant.serverCpu.add(spent.getOrDefault("S3 server", 0.0) / objects);
                }
            }
            double base = median(variants.get(0).rates);
            System.out.printf("S3 PUT of %d-byte objects, %d in flight, %d objects x %d rounds (median), s3proxy "
                    + "filesystem backend on loopback%n", size, inFlight, objects, rounds);
            System.out.println("| client | PUT/s | ratio | CPU per PUT: client, S3 server (ms) |");
            System.out.println("|---|---|---|---|");
            for (Variant variant : variants) {
                double rate = median(variant.rates);
                System.out.printf("| %s | %,.0f | %.2fx | %.3f, %.3f |%n", variant.name(), rate, rate / base,
                        1000 * median(variant.clientCpu), 1000 * median(variant.serverCpu));
            }
            prehashed.close();
            vertx.close().toCompletionStage().toCompletableFuture().join();
        } finally {
            deleteRecursively(dir);
        }
    }

    private static MinioAsyncClient client(S3Server s3, OkHttpClient http) {
        MinioAsyncClient.Builder builder = MinioAsyncClient.builder().endpoint(s3.endpoint()).region("us-east-1")
                .credentials(S3Server.ACCESS_KEY, S3Server.SECRET_KEY);
        return http == null ? builder.build() : builder.httpClient(http).build();
    }

    /** One object PUT under a key, completing when S3 has stored it. */
    private interface Put {
        CompletableFuture<?> put(String key) throws Exception;
    }

    private record Variant(String name, Put put, List<Double> rates, List<Double> clientCpu, List<Double> serverCpu) {
        Variant(String name, Put put) {
            this(name, put, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    private static Put sdkPut(MinioAsyncClient minio, byte[] payload) {
        return key -> minio.putObject(PutObjectArgs.builder().bucket("bench").object(key)
                .stream(new ByteArrayInputStream(payload), payload.length, -1).build());
    }

    private static String sha256(byte[] payload) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
    }

    /**
     * PUTs {@code count} objects, {@code inFlight} at a time, from one thread that starts the next as soon as one is
     * done, as ingest-service stores images; returns objects per second.
     */
    private static double putAll(Put put, int count, int inFlight, String prefix) throws Exception {
        Semaphore slots = new Semaphore(inFlight);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long start = System.nanoTime();
        for (int i = 0; i < count && failure.get() == null; i++) {
            slots.acquire();
            put.put(prefix + "/" + i).whenComplete((done, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
                slots.release();
            });
        }
        slots.acquire(inFlight);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failure.get() != null) {
            throw new IllegalStateException("a PUT failed", failure.get());
        }
        return count / seconds;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void deleteRecursively(Path dir) throws Exception {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
