package org.aqqua.bench;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioAsyncClient;
import io.minio.PutObjectArgs;
import io.vertx.core.Vertx;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import okhttp3.OkHttpClient;
import org.aqqua.storage.PrehashedPuts;
import org.aqqua.storage.StorageHttpClients;
import org.aqqua.testing.CatalogFixtures;
import org.aqqua.testing.DemoRealm;
import org.aqqua.testing.EcotaxaBundleGenerator;
import org.aqqua.testing.FreePorts;
import org.aqqua.testing.Infrastructure;
import org.aqqua.testing.S3Server;
import org.aqqua.testing.ServiceConfig;
import org.aqqua.testing.ServiceProcess;
import org.aqqua.testing.Tokens;

/**
 * End-to-end ingest rate against its baseline, in one run on one fresh local S3 server: (a) the images of a
 * generated EcoTaxa bundle PUT straight to S3 by a tuned parallel client (64 in flight; twice, with the MinIO SDK's
 * putObject and with {@link PrehashedPuts}, as ingest stores images), then (b) the same bundle uploaded to
 * ingest-service (running at -Xmx256m) until its job has registered every image in the catalog, then (a) again;
 * (b) is compared with the mean of both runs of each (a), which brackets it against the host's drift. An untimed
 * warm-up with a tenth as many other images, both ways, comes first.
 * While (b) runs, ingest's scratch folder is sampled for its peak; its heap peak is read from its GC log.
 *
 * <p>Arguments: images (default 50,000), images per sample folder (1,000). With the system property
 * {@code bench.ingest.bundles} naming a folder, the generated bundle is kept there and reused by later runs (the
 * generator is deterministic, so it is the same bundle).
 */
public final class IngestBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** Issue 4's target: (b) at least this share of (a), measured in the same run. */
    private static final double TARGET_SHARE_OF_A = 0.8;
    /** Warm-up ends when the JIT compilers take less than this share of each JVM's CPU in a round. */
    private static final double WARM_JIT_SHARE = 0.05;
    private static final int MAX_WARM_UP_ROUNDS = 10;
    /**
     * A JVM that spends less CPU than this in a round (the catalog: a registration a round) does too little to
     * tell whether it is warm: its compilers' share stays above the limit, and every run took all the rounds.
     */
    private static final double WARM_MIN_CPU_SECONDS = 2;
    /** The JVMs of a run, as {@link ProcessCpu} names them. */
    private static final List<String> JVMS = List.of("benchmark client", "ingest-service", "catalog-service",
            "S3 server");
    /** A collection in ingest's GC log: heap in use before it, after it, and the heap's size, in MB. */
    private static final Pattern COLLECTION = Pattern.compile(" (\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int perSample = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        Path dir = Files.createTempDirectory("aqqua-bench-ingest-");
        String keep = System.getProperty("bench.ingest.bundles");
        Path bundles = keep == null ? dir : Path.of(keep);
        Path bundle = bundles.resolve("bundle-" + images + "-" + perSample + ".zip");
        long imageBytes = bundle(bundle, 2027, images, perSample);
        // -Dbench.ingest.baseline=false: (b) alone, cold, for the heap and disk peaks of a large archive.
        boolean baseline = Boolean.parseBoolean(System.getProperty("bench.ingest.baseline", "true"));
        int warmUpImages = Math.max(1, images / 10);
        Path warmUpBundle = bundles.resolve("warm-up-" + warmUpImages + "-" + perSample + ".zip");
        if (baseline) {
            bundle(warmUpBundle, 1989, warmUpImages, perSample);
        }
        Path work = dir.resolve("ingest-work");
        try (Infrastructure infrastructure = new Infrastructure(dir.resolve("platform"), Infrastructure.Ports.free())
                .start();
                ServiceProcess catalog = ServiceProcess.start("catalog-service", FreePorts.next(),
                        ServiceConfig.forService("catalog-service", infrastructure.endpoints()), dir,
                        JvmOptions.plusProperty("bench.catalog.jvm", "-Xmx1g"))) {
            Map<String, String> config = new HashMap<>(ServiceConfig.forService("ingest-service",
                    infrastructure.endpoints(), catalog.url()));
            config.put("aqqua.ingest.work-dir", work.toString());
            // The daily orphan sweep first runs 10 minutes after start, inside this benchmark. It lists the whole
            // image bucket, and s3proxy pages such a listing by listing the folder again for every page: 50,000
            // objects cost it about 185 CPU-seconds, taken from whatever phase it overlapped.
            config.put("aqqua.ingest.orphan-sweep.every", "off");
            Path gcLog = dir.resolve("ingest-gc.log");
            try (ServiceProcess ingest = ServiceProcess.start("ingest-service", FreePorts.next(), config, dir,
                    ingestJvmOptions(gcLog))) {
                System.out.println("ingest-service log: " + dir.resolve("ingest-service.log"));
                if (baseline) {
                    warmUp(infrastructure, ingest.url(), warmUpBundle, work, dir);
                }
                // (a) both before and after (b), into buckets of their own: on a shared host the machine's speed
                // drifts over minutes, and (b) is compared with the mean of the two. Two raw clients: the MinIO
                // SDK's putObject and PrehashedPuts (as ingest stores images); their order is reversed after (b).
                Map<String, Double> beforeRaw = ProcessCpu.snapshot(dir);
                double sdkBefore = baseline ? rawPut(infrastructure.s3(), bundle, "bench-sdk-before", RawClient.SDK)
                        : Double.NaN;
                Map<String, Double> betweenRaw = ProcessCpu.snapshot(dir);
                double prehashedBefore = baseline ? rawPut(infrastructure.s3(), bundle, "bench-prehashed-before",
                        RawClient.PREHASHED) : Double.NaN;
                Map<String, Double> beforeIngest = ProcessCpu.snapshot(dir);
                Map<String, Double> jitBeforeIngest = ProcessCpu.compilerSnapshot(JVMS);
                Result result = ingest(infrastructure, ingest.url(), bundle, work);
                Map<String, Double> jitAfterIngest = ProcessCpu.compilerSnapshot(JVMS);
                Map<String, Double> afterIngest = ProcessCpu.snapshot(dir);
                double prehashedAfter = baseline ? rawPut(infrastructure.s3(), bundle, "bench-prehashed-after",
                        RawClient.PREHASHED) : Double.NaN;
                Map<String, Double> betweenRawAfter = ProcessCpu.snapshot(dir);
                double sdkAfter = baseline ? rawPut(infrastructure.s3(), bundle, "bench-sdk-after", RawClient.SDK)
                        : Double.NaN;
                Map<String, Double> afterRaw = ProcessCpu.snapshot(dir);
                double sdk = (sdkBefore + sdkAfter) / 2;
                double prehashed = (prehashedBefore + prehashedAfter) / 2;
                double rate = images / result.seconds();
                System.out.println();
                System.out.println("| what | rate | baseline | ratio |");
                System.out.println("|---|---|---|---|");
                if (baseline) {
                    System.out.printf("| (a) raw parallel PUT of the bundle's images, MinIO SDK `putObject` on the "
                            + "tuned HTTP client, 64 in flight; mean of before and after (b) | %,.0f images/s (%.1f "
                            + "MB/s; before %,.0f, after %,.0f) | | 1.00x |%n", sdk, sdk * imageBytes / images / 1e6,
                            sdkBefore, sdkAfter);
                    System.out.printf("| (a') the same with `PrehashedPuts` (SHA-256 computed per image, as the "
                            + "signature needs), as ingest stores images | %,.0f images/s (%.1f MB/s; before %,.0f, "
                            + "after %,.0f) | | 1.00x |%n", prehashed, prehashed * imageBytes / images / 1e6,
                            prehashedBefore, prehashedAfter);
                }
                System.out.printf("| (b) ingest end to end: upload, unpack, validate, decode, store, register "
                        + "| %,.0f images/s (%.1f MB/s) in %.1f s | %s | %s |%n", rate, rate * imageBytes / images / 1e6,
                        result.seconds(), baseline ? "(a); (a')" : "none (cold, no warm-up)",
                        baseline ? String.format("%.2fx; %.2fx", rate / sdk, rate / prehashed) : "");
                if (baseline) {
                    System.out.printf("| target: (b) ≥ %.1f × (a) | %s: %.2fx | | |%n", TARGET_SHARE_OF_A,
                            rate >= TARGET_SHARE_OF_A * sdk ? "met" : "MISSED", rate / sdk);
                }
                System.out.printf("| ingest heap peak (-Xmx256m), in use before a collection, from its GC log "
                        + "| %,d MB | | |%n", heapPeakMegabytes(gcLog));
                System.out.printf("| ingest scratch-disk peak | %,.0f MB (bundle %,.0f MB) | | |%n",
                        result.diskPeak() / 1e6, Files.size(bundle) / 1e6);
                System.out.printf("| job state, images registered | %s, %,d | | |%n", result.state(),
                        result.registered());
                System.out.println();
                System.out.println("CPU time by process (from /proc; the cores are shared by all of them):");
                System.out.println("  (a) before:  " + ProcessCpu.describe(ProcessCpu.between(beforeRaw, betweenRaw)));
                System.out.println("  (a') before: " + ProcessCpu.describe(ProcessCpu.between(betweenRaw,
                        beforeIngest)));
                System.out.println("  (b):         " + ProcessCpu.describe(ProcessCpu.between(beforeIngest,
                        afterIngest)));
                System.out.println("  (a') after:  " + ProcessCpu.describe(ProcessCpu.between(afterIngest,
                        betweenRawAfter)));
                System.out.println("  (a) after:   " + ProcessCpu.describe(ProcessCpu.between(betweenRawAfter,
                        afterRaw)));
                System.out.println("  of which JIT compilers in (b): "
                        + ProcessCpu.describe(ProcessCpu.between(jitBeforeIngest, jitAfterIngest)));
            }
            printJobPhases(dir.resolve("ingest-service.log"));
            printRegistrations(dir.resolve("catalog-service.log"));
        } catch (Exception e) {
            Path log = dir.resolve("ingest-service.log");
            if (Files.exists(log)) {
                List<String> lines = Files.readAllLines(log);
                System.out.println("Last lines of " + log + ":");
                lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(System.out::println);
            }
            throw e;
        } finally {
            deleteRecursively(dir);
        }
    }

    /**
     * Untimed, a tenth of the images (other ones) both ways, in rounds until every JVM involved (this client, the
     * S3 server, ingest, the catalog) has compiled its hot code: until the JIT compilers take less than
     * {@link #WARM_JIT_SHARE} of each JVM's CPU in a round (of each that spent {@link #WARM_MIN_CPU_SECONDS} in it).
     * Each round ingests into a dataset of its own.
     */
    private static void warmUp(Infrastructure infrastructure, String ingestUrl, Path warmUpBundle, Path work,
            Path dir) throws Exception {
        for (int round = 1; round <= MAX_WARM_UP_ROUNDS; round++) {
            Map<String, Double> cpuBefore = ProcessCpu.snapshot(dir);
            Map<String, Double> jitBefore = ProcessCpu.compilerSnapshot(JVMS);
            rawPut(infrastructure.s3(), warmUpBundle, "bench-warm-up", RawClient.SDK);
            rawPut(infrastructure.s3(), warmUpBundle, "bench-warm-up", RawClient.PREHASHED);
            Result warmUp = ingest(infrastructure, ingestUrl, warmUpBundle, work);
            Map<String, Double> cpu = ProcessCpu.between(cpuBefore, ProcessCpu.snapshot(dir));
            Map<String, Double> jit = ProcessCpu.between(jitBefore, ProcessCpu.compilerSnapshot(JVMS));
            double worst = 0;
            List<String> shares = new ArrayList<>();
            for (String jvm : JVMS) {
                double spent = cpu.getOrDefault(jvm, 0.0);
                double share = jit.get(jvm) / Math.max(0.01, spent);
                if (spent >= WARM_MIN_CPU_SECONDS) {
                    worst = Math.max(worst, share);
                }
                shares.add(String.format("%s %.0f %%", jvm, 100 * share));
            }
            System.out.printf("Warm-up round %d (untimed): %s, %,d registered; JIT compilers' share of CPU: %s%n",
                    round, warmUp.state(), warmUp.registered(), String.join(", ", shares));
            if (worst < WARM_JIT_SHARE) {
                return;
            }
        }
    }

    /**
     * -Xmx256m and a GC log, plus any options in the system property {@code bench.ingest.jvm} (space-separated),
     * e.g. a JFR recording to see where ingest's CPU goes during (b).
     */
    static List<String> ingestJvmOptions(Path gcLog) {
        return JvmOptions.plusProperty("bench.ingest.jvm", "-Xmx256m", "-Xlog:gc:file=" + gcLog);
    }

    /**
     * Generates the bundle unless the file exists (a kept one: the generator is deterministic); returns the bytes
     * of its images.
     */
    static long bundle(Path file, long seed, int images, int perSample) throws IOException {
        if (Files.exists(file)) {
            long imageBytes = imageBytes(file);
            System.out.printf("Reusing %s (%,d images, %,.0f MB of PNG/JPEG)%n", file, images, imageBytes / 1e6);
            return imageBytes;
        }
        long started = System.nanoTime();
        long imageBytes;
        try (OutputStream out = Files.newOutputStream(file)) {
            imageBytes = new EcotaxaBundleGenerator(seed, perSample).writeZip(images, out);
        }
        System.out.printf("Generated %,d images (%,.0f MB of PNG/JPEG, %.1f KB mean) in a %,.0f MB bundle in %.0f s%n",
                images, imageBytes / 1e6, imageBytes / 1e3 / images, Files.size(file) / 1e6,
                (System.nanoTime() - started) / 1e9);
        return imageBytes;
    }

    /** The bytes of a bundle's images (every entry but its tables). */
    static long imageBytes(Path bundle) throws IOException {
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            return zip.stream().filter(entry -> !entry.getName().endsWith(".tsv")).mapToLong(ZipEntry::getSize).sum();
        }
    }

    /** The job's own account of its phases (JobRunner logs each) and its registration's parts. */
    static void printJobPhases(Path log) throws IOException {
        printLogLines(log, line -> line.contains("JobRunner") && (line.contains(" in ") || line.contains("on receipt"))
                || line.contains("CatalogRegistration") && line.contains(" committed"),
                Pattern.compile("(Job|Registration) "), "  ");
    }

    /** The catalog's account of each registration: each part staged, each commit, and how long they took. */
    static void printRegistrations(Path log) throws IOException {
        printLogLines(log, line -> line.contains("StagedRegistrations")
                && (line.contains("Registered ") || line.contains("Staged ")), Pattern.compile("(Registered|Staged) "),
                "  catalog: ");
    }

    /**
     * The lines of a service's log that {@code keep} selects, each from where {@code from} first matches, after
     * {@code prefix}.
     */
    private static void printLogLines(Path log, Predicate<String> keep, Pattern from, String prefix)
            throws IOException {
        if (Files.exists(log)) {
            try (Stream<String> lines = Files.lines(log)) {
                lines.filter(keep).map(line -> {
                    Matcher start = from.matcher(line);
                    return prefix + (start.find() ? line.substring(start.start()) : line);
                }).forEach(System.out::println);
            }
        }
    }

    /** How (a) PUTs an image. */
    enum RawClient {
        /** The MinIO SDK's {@code putObject} on AqQua's tuned HTTP client. */
        SDK,
        /** {@link PrehashedPuts} (on Vert.x, as in ingest), hashing each image for the signature. */
        PREHASHED
    }

    /** (a): every image of the bundle PUT once, straight from the zip, 64 requests in flight. */
    static double rawPut(S3Server s3, Path bundle, String bucket, RawClient how) throws Exception {
        OkHttpClient http = StorageHttpClients.tuned(64, Duration.ofSeconds(5));
        MinioAsyncClient client = MinioAsyncClient.builder().endpoint(s3.endpoint()).region("us-east-1")
                .credentials(S3Server.ACCESS_KEY, S3Server.SECRET_KEY).httpClient(http).build();
        Vertx vertx = Vertx.vertx();
        try (PrehashedPuts prehashed = new PrehashedPuts(vertx, s3.endpoint(), "us-east-1", S3Server.ACCESS_KEY,
                S3Server.SECRET_KEY, 64, Duration.ofSeconds(5))) {
            return rawPut(client, prehashed, bundle, bucket, how);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private static double rawPut(MinioAsyncClient client, PrehashedPuts prehashed, Path bundle, String bucket,
            RawClient how) throws Exception {
        if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build()).get()) {
            client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build()).get();
        }
        Semaphore inFlight = new Semaphore(64);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long count = 0;
        long start = System.nanoTime();
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().endsWith(".tsv")) {
                    continue;
                }
                byte[] bytes = zip.getInputStream(entry).readAllBytes();
                inFlight.acquire();
                CompletableFuture<?> put = switch (how) {
                    case SDK -> client.putObject(PutObjectArgs.builder().bucket(bucket).object(entry.getName())
                            .stream(new ByteArrayInputStream(bytes), bytes.length, -1).build());
                    case PREHASHED -> prehashed.put(bucket, entry.getName(), bytes,
                            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
                            "application/octet-stream");
                };
                put.whenComplete((done, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                    inFlight.release();
                });
                count++;
            }
        }
        inFlight.acquire(64);
        if (failure.get() != null) {
            throw new IllegalStateException("raw PUT failed", failure.get());
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    record Result(double seconds, String state, long registered, long diskPeak) {
    }

    /** (b): the bundle uploaded as one request body, timed until its job is final. */
    static Result ingest(Infrastructure infrastructure, String ingestUrl, Path bundle, Path work) throws Exception {
        String tokenUrl = infrastructure.keycloak().tokenUrl();
        String provider = Tokens.forUser(tokenUrl, DemoRealm.PROVIDER);
        long tokenAt = System.nanoTime(); // renewed while the job is polled: a large upload outlasts the token
        UUID dataset = CatalogFixtures.dataset(infrastructure.jdbcUrl(), Tokens.subjectOf(provider), "draft");
        AtomicLong diskPeak = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> {
            diskPeak.accumulateAndGet(folderSize(work), Math::max);
        }, 0, 250, TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        Instant startedAt = Instant.now();
        HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(URI.create(ingestUrl + "/api/datasets/"
                + dataset + "/archives")).header("Authorization", "Bearer " + provider)
                .header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofFile(bundle)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("upload answered " + accepted.statusCode() + ": " + accepted.body());
        }
        String job = field(accepted.body(), "id");
        System.out.printf("Archive accepted (202, stored in aqqua-uploads) after %.1f s%n",
                (System.nanoTime() - start) / 1e9);
        String body;
        String state;
        do {
            Thread.sleep(250);
            if (System.nanoTime() - tokenAt > TimeUnit.MINUTES.toNanos(3)) {
                provider = Tokens.forUser(tokenUrl, DemoRealm.PROVIDER);
                tokenAt = System.nanoTime();
            }
            body = HTTP.send(HttpRequest.newBuilder(URI.create(ingestUrl + "/api/jobs/" + job + "?problemLimit=5"))
                    .header("Authorization", "Bearer " + provider).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            state = field(body, "state");
        } while (!List.of("succeeded", "failed", "cancelled").contains(state));
        double polled = (System.nanoTime() - start) / 1e9;
        sampler.shutdownNow();
        // Until the job was final by its own clock (the same machine's), not until the next poll saw it: up to a
        // polling interval (250 ms) sooner.
        double seconds = Duration.between(startedAt, Instant.parse(field(body, "finishedAt"))).toNanos() / 1e9;
        System.out.printf("Job %s %.2f s after the upload began (seen by polling after %.2f s)%n", state, seconds,
                polled);
        if (!state.equals("succeeded")) {
            System.out.println("Job did not succeed: " + body);
        }
        long registered = Long.parseLong(body.replaceAll(".*\"registered\":(\\d+).*", "$1"));
        return new Result(seconds, state, registered, diskPeak.get());
    }

    /**
     * The most heap ingest had in use, read from its GC log: the heap is fullest just before a collection. This
     * replaced sampling its metrics endpoint every 250 ms, which missed peaks between samples and cost the service
     * CPU during the very run it measured.
     */
    static long heapPeakMegabytes(Path gcLog) throws IOException {
        long peak = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher collection = COLLECTION.matcher(line);
            if (collection.find()) {
                peak = Math.max(peak, Long.parseLong(collection.group(1)));
            }
        }
        return peak;
    }

    static long folderSize(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
