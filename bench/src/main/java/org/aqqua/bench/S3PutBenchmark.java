package org.aqqua.bench;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.aqqua.storage.StorageHttpClients;
import org.aqqua.testing.FreePorts;
import org.aqqua.testing.S3Server;

/**
 * PUT rate of small objects (plankton images are ~10 KB) through the MinIO SDK: its default HTTP client (the
 * baseline) against the client AqQua's services use ({@link StorageHttpClients#tuned}), same server, same run,
 * alternating rounds so that drift of the machine hits both alike.
 *
 * <p>Arguments: objects per round (default 2000), object size in bytes (10240), threads (32), rounds (3).
 */
public final class S3PutBenchmark {

    private S3PutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int objects = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 10_240;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;

        Path dir = Files.createTempDirectory("aqqua-bench-s3-");
        try (S3Server s3 = new S3Server(dir, FreePorts.next()).start()) {
            MinioClient baseline = client(s3, null);
            MinioClient tuned = client(s3, StorageHttpClients.tuned(64, Duration.ofSeconds(5)));
            if (!baseline.bucketExists(BucketExistsArgs.builder().bucket("bench").build())) {
                baseline.makeBucket(MakeBucketArgs.builder().bucket("bench").build());
            }
            byte[] payload = new byte[size];
            new Random(42).nextBytes(payload);
            putAll(baseline, payload, 200, threads, "warm-a");
            putAll(tuned, payload, 200, threads, "warm-b");

            List<Double> baselineRates = new ArrayList<>();
            List<Double> tunedRates = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                baselineRates.add(putAll(baseline, payload, objects, threads, "base-" + round));
                tunedRates.add(putAll(tuned, payload, objects, threads, "tuned-" + round));
            }
            double base = median(baselineRates);
            double aqqua = median(tunedRates);
            System.out.printf("S3 PUT of %d-byte objects, %d threads, %d objects x %d rounds (median), s3proxy "
                    + "filesystem backend on loopback%n", size, threads, objects, rounds);
            System.out.printf("| MinIO SDK default HTTP client (baseline) | %.0f PUT/s | 1.00x |%n", base);
            System.out.printf("| AqQua StorageHttpClients.tuned | %.0f PUT/s | %.2fx |%n", aqqua, aqqua / base);
        } finally {
            deleteRecursively(dir);
        }
    }

    private static MinioClient client(S3Server s3, OkHttpClient http) {
        MinioClient.Builder builder = MinioClient.builder().endpoint(s3.endpoint()).region("us-east-1")
                .credentials(S3Server.ACCESS_KEY, S3Server.SECRET_KEY);
        return http == null ? builder.build() : builder.httpClient(http).build();
    }

    /** PUTs {@code count} objects from {@code threads} threads; returns objects per second. */
    private static double putAll(MinioClient minio, byte[] payload, int count, int threads, String prefix)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    minio.putObject(PutObjectArgs.builder().bucket("bench").object(prefix + "/" + i)
                            .stream(new ByteArrayInputStream(payload), payload.length, -1).build());
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
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
