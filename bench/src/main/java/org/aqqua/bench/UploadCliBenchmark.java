package org.aqqua.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.http.Method;
import io.minio.messages.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.aqqua.testing.CatalogFixtures;
import org.aqqua.testing.DemoRealm;
import org.aqqua.testing.FreePorts;
import org.aqqua.testing.HarnessPaths;
import org.aqqua.testing.Infrastructure;
import org.aqqua.testing.S3Server;
import org.aqqua.testing.ServiceConfig;
import org.aqqua.testing.ServiceProcess;
import org.aqqua.testing.Tokens;

/**
 * The upload CLI against its baseline, in one run on one fresh local S3 server (s3proxy, filesystem backend):
 * (a) a raw S3 multipart upload of a generated archive (same 64 MiB parts, same number of parallel part PUTs, plain
 * java.net.http against presigned part URLs, then CompleteMultipartUpload), then (b) the same file through
 * {@code aqqua-upload put --no-wait} as a child process at -Xmx128m against ingest-service at -Xmx256m: open,
 * parts, ETags recorded, complete, job queued. The job is then cancelled (the archive holds random bytes, not a
 * bundle) and each assembled object deleted, so the disk holds at most the file plus one assembled copy and parts.
 *
 * <p>Arguments: archive size in MB (default 1000), parallel part PUTs (default 4).
 */
public final class UploadCliBenchmark {

    static final long MIB = 1024 * 1024;
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private UploadCliBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long megabytes = args.length > 0 ? Long.parseLong(args[0]) : 1000;
        int parallel = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Path dir = Files.createTempDirectory("aqqua-bench-upload-");
        try {
            Path archive = dir.resolve("bench-archive.tar");
            long started = System.nanoTime();
            generate(archive, megabytes * 1_000_000L);
            long size = Files.size(archive);
            System.out.printf("Generated a %,d-byte tar of random data in %.0f s%n", size,
                    (System.nanoTime() - started) / 1e9);
            run(dir, archive, size, parallel);
        } finally {
            IngestBenchmark.deleteRecursively(dir);
        }
    }

    static void run(Path dir, Path archive, long size, int parallel) throws Exception {
        try (Infrastructure infrastructure = new Infrastructure(dir.resolve("platform"), Infrastructure.Ports.free())
                .start();
                ServiceProcess catalog = ServiceProcess.start("catalog-service", FreePorts.next(),
                        ServiceConfig.forService("catalog-service", infrastructure.endpoints()), dir,
                        List.of("-Xmx256m"))) {
            Map<String, String> config = new HashMap<>(ServiceConfig.forService("ingest-service",
                    infrastructure.endpoints(), catalog.url()));
            config.put("aqqua.ingest.work-dir", dir.resolve("ingest-work").toString());
            try (ServiceProcess ingest = ServiceProcess.start("ingest-service", FreePorts.next(), config, dir,
                    List.of("-Xmx256m"))) {
                long partSize = Math.max(64 * MIB, (size + 9_999) / 10_000 + MIB - 1) / MIB * MIB;
                double raw = rawMultipart(infrastructure.s3(), archive, size, partSize, parallel);
                Cli cli = cli(infrastructure, ingest.url(), dir, archive, parallel);
                System.out.println();
                System.out.printf("Archive %,d bytes (%.2f GB), %d parts of %d MiB, %d part PUTs in flight%n", size,
                        size / 1e9, (size + partSize - 1) / partSize, partSize / MIB, parallel);
                System.out.println("| what | time | rate | ratio |");
                System.out.println("|---|---|---|---|");
                System.out.printf("| (a) raw S3 multipart upload (presigned part PUTs, java.net.http, then complete) "
                        + "| %.1f s | %.1f MB/s | 1.00x |%n", raw, size / raw / 1e6);
                System.out.printf("| (b) aqqua-upload put --no-wait (-Xmx128m; ingest -Xmx256m): open, parts, "
                        + "ETags recorded, complete, job queued | %.1f s | %.1f MB/s | %.2fx |%n", cli.seconds(),
                        size / cli.seconds() / 1e6, raw / cli.seconds());
                System.out.printf("| CLI peak resident memory (VmHWM) | %,.0f MB | | |%n", cli.peakRss() / 1e6);
                System.out.printf("| CLI exit code | %d | | |%n", cli.exitCode());
            }
        }
    }

    /** A tar of 64 MiB entries of random bytes (incompressible, like images), written as it is generated. */
    static void generate(Path file, long bytes) throws IOException {
        SplittableRandom random = new SplittableRandom(2027);
        byte[] buffer = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            long left = bytes;
            for (int n = 0; left > 0; n++) {
                long entrySize = Math.min(left, 64 * MIB);
                TarArchiveEntry entry = new TarArchiveEntry("data/chunk_" + n + ".bin");
                entry.setSize(entrySize);
                tar.putArchiveEntry(entry);
                for (long written = 0; written < entrySize; ) {
                    for (int i = 0; i < buffer.length; i += 8) {
                        long value = random.nextLong();
                        for (int b = 0; b < 8; b++) {
                            buffer[i + b] = (byte) (value >>> (8 * b));
                        }
                    }
                    int chunk = (int) Math.min(buffer.length, entrySize - written);
                    tar.write(buffer, 0, chunk);
                    written += chunk;
                }
                tar.closeArchiveEntry();
                left -= entrySize;
            }
        }
    }

    /** (a): create, PUT parts in parallel straight from the file to presigned URLs, complete; seconds taken. */
    static double rawMultipart(S3Server s3, Path archive, long size, long partSize, int parallel) throws Exception {
        MinioAsyncClient async = MinioAsyncClient.builder().endpoint(s3.endpoint()).region("us-east-1")
                .credentials(S3Server.ACCESS_KEY, S3Server.SECRET_KEY).build();
        MinioClient minio = MinioClient.builder().endpoint(s3.endpoint()).region("us-east-1")
                .credentials(S3Server.ACCESS_KEY, S3Server.SECRET_KEY).build();
        String bucket = "bench-raw";
        String key = "raw/" + archive.getFileName();
        minio.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        long start = System.nanoTime();
        String uploadId = async.createMultipartUploadAsync(bucket, null, key, null, null).get().result().uploadId();
        int parts = (int) ((size + partSize - 1) / partSize);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Future<Part>> futures = new ArrayList<>();
        for (int n = 1; n <= parts; n++) {
            int number = n;
            futures.add(pool.submit(() -> {
                String url = minio.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(Method.PUT)
                        .bucket(bucket).object(key).expiry(3600)
                        .extraQueryParams(Map.of("uploadId", uploadId, "partNumber", Integer.toString(number)))
                        .build());
                long offset = (number - 1) * partSize;
                long length = Math.min(partSize, size - offset);
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() ->
                                range(archive, offset, length)), length)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("part " + number + ": HTTP " + response.statusCode());
                }
                return new Part(number, response.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
            }));
        }
        Part[] done = new Part[parts];
        for (int i = 0; i < parts; i++) {
            done[i] = futures.get(i).get();
        }
        pool.shutdown();
        async.completeMultipartUploadAsync(bucket, null, key, uploadId, done, null, null).get();
        double seconds = (System.nanoTime() - start) / 1e9;
        long stored = minio.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build()).size();
        if (stored != size) {
            throw new IllegalStateException("assembled " + stored + " bytes of " + size);
        }
        minio.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
        return seconds;
    }

    static InputStream range(Path file, long offset, long length) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ).position(offset);
            return new java.io.FilterInputStream(Channels.newInputStream(channel)) {
                long left = length;

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = super.read(b, off, (int) Math.min(len, left));
                    if (n > 0) {
                        left -= n;
                    }
                    return n;
                }
            };
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    record Cli(double seconds, int exitCode, long peakRss) {
    }

    /** (b): the CLI as a user runs it, logged in with the demo provider's refresh token. */
    static Cli cli(Infrastructure infrastructure, String ingestUrl, Path dir, Path archive, int parallel)
            throws Exception {
        String realm = infrastructure.keycloak().realmUrl();
        JsonNode tokens = passwordGrant(infrastructure.keycloak().tokenUrl());
        UUID dataset = CatalogFixtures.dataset(infrastructure.jdbcUrl(),
                Tokens.subjectOf(tokens.get("access_token").asText()), "draft");
        Path config = Files.createDirectories(dir.resolve("cli-config"));
        Files.writeString(config.resolve("credentials.json"), JSON.writeValueAsString(Map.of("issuer", realm,
                "clientId", DemoRealm.CLI_CLIENT, "refreshToken", tokens.get("refresh_token").asText(),
                "offline", false)));
        Path jar = HarnessPaths.projectRoot().resolve("upload-cli/target/aqqua-upload.jar");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m", "-jar", jar.toString(),
                "put", "--no-wait", "--progress", "plain", "--parallel", Integer.toString(parallel), "--dataset",
                dataset.toString(), archive.toString()).inheritIO();
        builder.redirectOutput(dir.resolve("cli-job.txt").toFile());
        builder.environment().putAll(Map.of("AQQUA_CONFIG", config.toString(), "AQQUA_OIDC_URL", realm,
                "AQQUA_INGEST_URL", ingestUrl));
        long start = System.nanoTime();
        Process process = builder.start();
        AtomicLong peak = new AtomicLong();
        while (!process.waitFor(250, TimeUnit.MILLISECONDS)) {
            peak.accumulateAndGet(rss(process.pid()), Math::max);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String job = Files.readString(dir.resolve("cli-job.txt")).trim();
        if (process.exitValue() == 0 && !job.isEmpty()) {
            HttpResponse<String> cancelled = HTTP.send(HttpRequest.newBuilder(URI.create(ingestUrl + "/api/jobs/"
                    + job)).header("Authorization", "Bearer " + passwordGrant(infrastructure.keycloak().tokenUrl())
                    .get("access_token").asText()).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            System.out.println("Job " + job + " cancelled: HTTP " + cancelled.statusCode());
        }
        return new Cli(seconds, process.exitValue(), peak.get());
    }

    static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process just ended
        }
        return 0;
    }

    static JsonNode passwordGrant(String tokenUrl) throws Exception {
        String body = "grant_type=password&client_id=" + DemoRealm.CLI_CLIENT + "&username=" + DemoRealm.PROVIDER
                + "&password=" + URLEncoder.encode(DemoRealm.PROVIDER, StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
