package org.aqqua.bench;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.aqqua.storage.StorageHttpClients;
import org.aqqua.testing.CatalogFixtures;
import org.aqqua.testing.PostgresServer;
import org.aqqua.testing.S3Server;

/**
 * Image packs of a dataset whose images have content: {@code count} images of 5-50 KB are stored in
 * {@code aqqua-images} and registered, then timed two ways over the same objects: (e) the baseline, every image
 * GET from S3 by {@code threads} threads with a tuned client; (f) every pack of the dataset read from the
 * catalog, which reads the same images (its {@code aqqua.catalog.pack.parallel-reads} ahead) and writes them into
 * tar entries.
 */
final class PackPhase {

    record StoredImage(String key, int bytes) {
    }

    record Packs(int entries, long bytes, int packs) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final MinioClient s3;
    private final List<StoredImage> images = new ArrayList<>();
    private long lastId;

    PackPhase(S3Server server) {
        this.s3 = MinioClient.builder().endpoint(server.endpoint()).region("us-east-1")
                .credentials(S3Server.ACCESS_KEY, S3Server.SECRET_KEY)
                .httpClient(StorageHttpClients.tuned(64, Duration.ofSeconds(5))).build();
    }

    long totalBytes() {
        return images.stream().mapToLong(StoredImage::bytes).sum();
    }

    /** Stores {@code count} images of random content under their SHA-256 and registers them in {@code dataset}. */
    void store(String jdbcUrl, UUID dataset, int count, int threads) throws Exception {
        String bucket = CatalogFixtures.IMAGES_BUCKET;
        if (!s3.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
            s3.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        }
        StoredImage[] stored = new StoredImage[count];
        parallel(count, threads, i -> {
            Random random = new Random(2027L * count + i);
            byte[] content = new byte[5_000 + random.nextInt(45_001)];
            random.nextBytes(content);
            String key = "sha256/" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
            s3.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                    .stream(new ByteArrayInputStream(content), content.length, -1).build());
            stored[i] = new StoredImage(key, content.length);
        });
        images.addAll(List.of(stored));
        register(jdbcUrl, dataset);
    }

    private void register(String jdbcUrl, UUID dataset) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, PostgresServer.USER,
                PostgresServer.PASSWORD); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("insert into catalog.image (dataset_id, "
                    + "object_id, sha256, storage_key, bytes, width, height, format, pixel_size_um, latitude, "
                    + "longitude, depth_min, depth_max, observed_at, instrument) values (?, ?, ?, ?, ?, 120, 80, "
                    + "'png', 73, 43.5, 7.3, 10, 15, timestamptz '2021-06-01 10:00:00Z', 'UVP6')")) {
                for (int i = 0; i < images.size(); i++) {
                    StoredImage image = images.get(i);
                    insert.setObject(1, dataset);
                    insert.setString(2, "pack_" + i);
                    insert.setString(3, image.key().substring("sha256/".length()));
                    insert.setString(4, image.key());
                    insert.setLong(5, image.bytes());
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            sql.execute("update catalog.dataset set image_count = " + images.size() + ", image_bytes = "
                    + totalBytes() + " where id = '" + dataset + "'");
            connection.commit();
        }
    }

    /** (e): every image GET and read whole, {@code threads} at a time; returns seconds. */
    double rawGet(int threads) throws Exception {
        AtomicLong read = new AtomicLong();
        long start = System.nanoTime();
        parallel(images.size(), threads, i -> {
            try (InputStream content = s3.getObject(GetObjectArgs.builder().bucket(CatalogFixtures.IMAGES_BUCKET)
                    .object(images.get(i).key()).build())) {
                read.addAndGet(content.readAllBytes().length);
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        if (read.get() != totalBytes()) {
            throw new IllegalStateException("read " + read.get() + " bytes of " + totalBytes());
        }
        return seconds;
    }

    /** (f): every pack of the dataset read from the catalog as release-service asks for them; checked whole. */
    Packs packs(String catalogUrl, String token, UUID dataset, long packBytes) throws Exception {
        int entries = 0;
        int packs = 0;
        long bytes = 0;
        while (true) {
            Packs pack = pack(catalogUrl, token, dataset, entries, packBytes);
            if (pack.entries() == 0) {
                break;
            }
            entries += pack.entries();
            bytes += pack.bytes();
            packs++;
        }
        if (entries != images.size()) {
            throw new IllegalStateException("packs held " + entries + " images of " + images.size());
        }
        return new Packs(entries, bytes, packs);
    }

    /** The first pack only (a warm-up). */
    void firstPack(String catalogUrl, String token, UUID dataset, long packBytes) throws Exception {
        pack(catalogUrl, token, dataset, 0, packBytes);
    }

    /** One pack, starting after the {@code skip} images already read; its entries checked against their sizes. */
    private Packs pack(String catalogUrl, String token, UUID dataset, int skip, long packBytes) throws Exception {
        long afterId = skip == 0 ? 0 : lastId;
        HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(catalogUrl
                + "/internal/datasets/" + dataset + "/images/pack?afterId=" + afterId + "&maxBytes=" + packBytes))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(30)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("pack answered " + response.statusCode());
        }
        int entries = 0;
        long bytes = 0;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(response.body())) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                int expected = images.get(skip + entries).bytes();
                long got = tar.transferTo(OutputStream.nullOutputStream());
                if (got != expected) {
                    throw new IllegalStateException(entry.getName() + " holds " + got + " bytes, not " + expected);
                }
                bytes += got;
                lastId = Long.parseLong(entry.getName().substring(0, entry.getName().indexOf('.')));
                entries++;
            }
        }
        return new Packs(entries, bytes, 1);
    }

    private interface Task {
        void run(int index) throws Exception;
    }

    private static void parallel(int count, int threads, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    task.run(i);
                }
                return null;
            }));
        }
        try {
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
        }
    }

}
