package org.aqqua.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aqqua.testing.CatalogFixtures;
import org.aqqua.testing.DemoRealm;
import org.aqqua.testing.FreePorts;
import org.aqqua.testing.Infrastructure;
import org.aqqua.testing.PostgresServer;
import org.aqqua.testing.ServiceConfig;
import org.aqqua.testing.ServiceProcess;
import org.aqqua.testing.Tokens;

/**
 * The release at scale, in one run on a fresh local PostgreSQL, Keycloak and S3 with the packaged catalog and
 * release services: (1) the release plan over {@code datasets} datasets holding 10 million images, against its
 * baseline, reading the same datasets through the catalog's internal paged listing; (2) every artefact of one
 * dataset of {@code images} images built and checked by a rehearsal, against its baseline, the catalog's Parquet
 * export of the same images alone, image packs left out (those rows have no content in S3); (3) the catalog's
 * image packs of a dataset whose images have content, against raw parallel GETs of the same objects
 * ({@link PackPhase}): packs are the one artefact whose cost grows with the images' bytes. Image rows are
 * written straight into the catalog's table (registration is measured by bench/catalog); the plan reads
 * counts kept on dataset rows, so its cost grows with datasets.
 *
 * <p>Arguments: images in the released dataset (1,000,000), datasets in the plan (10,000), images with content
 * for the packs (20,000; 0 leaves (3) out).
 */
public final class ReleaseBenchmark {

    static final Instant INSTANT = CatalogFixtures.RELEASE_INSTANT;
    static final long PLAN_IMAGES = 10_000_000L;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private ReleaseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int datasets = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int packImages = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        Path dir = Files.createTempDirectory("aqqua-bench-release-");
        try (Infrastructure infrastructure = new Infrastructure(dir.resolve("platform"), Infrastructure.Ports.free())
                .start();
                ServiceProcess catalog = ServiceProcess.start("catalog-service", FreePorts.next(),
                        ServiceConfig.forService("catalog-service", infrastructure.endpoints()), dir,
                        List.of("-Xmx1g"));
                ServiceProcess release = ServiceProcess.start("release-service", FreePorts.next(),
                        releaseConfig(infrastructure, catalog.url()), dir, List.of("-Xmx512m"))) {
            String tokenUrl = infrastructure.keycloak().tokenUrl();
            String owner = Tokens.subjectOf(Tokens.forUser(tokenUrl, DemoRealm.PROVIDER));
            UUID big = CatalogFixtures.releasable(owner).in(infrastructure.jdbcUrl()).create();
            long started = System.nanoTime();
            fill(infrastructure.jdbcUrl(), big, images, datasets - 1, PLAN_IMAGES - images);
            System.out.printf("Wrote %,d image rows and %,d more datasets (%,d images counted) in %.0f s%n", images,
                    datasets - 1, PLAN_IMAGES - images, (System.nanoTime() - started) / 1e9);

            String asOf = INSTANT.plusSeconds(1).toString();
            String curator = Tokens.forUser(tokenUrl, DemoRealm.CURATOR);
            String service = Tokens.forClient(tokenUrl, DemoRealm.RELEASE_CLIENT,
                    infrastructure.endpoints().releaseClientSecret());
            double listing = seconds(() -> listAll(catalog.url(), service));
            double plan = seconds(() -> get(release.url() + "/api/releases/plan?asOf=" + asOf, curator));
            double export = seconds(() -> get(catalog.url() + "/internal/datasets/" + big
                    + "/images/export?format=parquet", service));
            double[] rehearsal = new double[1];
            String report = rehearse(release.url(), asOf, curator, rehearsal);

            System.out.println();
            System.out.println("| what | time | baseline | ratio |");
            System.out.println("|---|---|---|---|");
            System.out.printf("| (a) catalog's internal dataset listing, all %,d datasets | %.2f s | | 1.00x |%n",
                    datasets, listing);
            System.out.printf("| (b) release plan at the instant: %,d datasets, %,d images (target ≤ 10 s) | %.2f s "
                    + "| (a) | %.2fx |%n", datasets, PLAN_IMAGES, plan, plan / listing);
            System.out.printf("| (c) catalog's Parquet export of the released dataset, %,d images | %.1f s | | 1.00x |%n",
                    images, export);
            System.out.printf("| (d) rehearsal: every artefact of that dataset built, checked and stored "
                    + "(target ≤ 2 min) | %.1f s | (c) | %.2fx |%n", rehearsal[0], rehearsal[0] / export);
            if (packImages > 0) {
                measurePacks(infrastructure, catalog.url(), owner, packImages);
            }
            System.out.println();
            System.out.println("Where the rehearsal's time went (release-service's log):");
            try (Stream<String> log = Files.lines(dir.resolve("release-service.log"))) {
                log.filter(line -> line.contains("Artefacts of dataset")).forEach(System.out::println);
            }
            System.out.println("Rehearsal report: " + report);
        } finally {
            IngestBenchmark.deleteRecursively(dir);
        }
    }

    /** (e) and (f): see {@link PackPhase}; the baseline is taken before and after the packs, and averaged. */
    static void measurePacks(Infrastructure infrastructure, String catalogUrl, String owner, int images)
            throws Exception {
        UUID packed = CatalogFixtures.releasable(owner).in(infrastructure.jdbcUrl()).create();
        PackPhase phase = new PackPhase(infrastructure.s3());
        phase.store(infrastructure.jdbcUrl(), packed, images, 16);
        String service = Tokens.forClient(infrastructure.keycloak().tokenUrl(), DemoRealm.RELEASE_CLIENT,
                infrastructure.endpoints().releaseClientSecret());
        // Warm-up, untimed: the client's GET path, and the catalog's pack path on a first 64 MB pack.
        phase.rawGet(16);
        phase.firstPack(catalogUrl, service, packed, 64L << 20);
        double before = phase.rawGet(16);
        PackPhase.Packs[] packs = new PackPhase.Packs[1];
        double packing = seconds(() -> packs[0] = phase.packs(catalogUrl, service, packed, 1L << 30));
        double after = phase.rawGet(16);
        double baseline = (before + after) / 2;
        System.out.printf("| (e) raw GET of %,d images with content (%,.0f MB), 16 threads, tuned client "
                + "(before %.1f s / after %.1f s) | %.1f s | | 1.00x |%n", images, phase.totalBytes() / 1e6,
                before, after, baseline);
        System.out.printf("| (f) catalog's image packs of those images (%d pack(s), entries checked) | %.1f s | (e) "
                + "| %.2fx |%n", packs[0].packs(), packing, packing / baseline);
        System.out.printf("| (f) scaled to 1,000,000 images | %.0f s | | |%n", packing * 1_000_000 / images);
    }

    static Map<String, String> releaseConfig(Infrastructure infrastructure, String catalogUrl) {
        Map<String, String> config = new java.util.HashMap<>(ServiceConfig.forService("release-service",
                infrastructure.endpoints(), catalogUrl));
        config.put("aqqua.release.poll-interval", "off");
        config.put("aqqua.release.prepare-every", "off");
        config.put("aqqua.release.notice-every", "off");
        // The big dataset's rows have no content in S3 (that would be ~20 GB): its rehearsal leaves packs out, and
        // the packs are measured on their own, on images with content (measurePacks).
        config.put("aqqua.release.image-packs", "false");
        return config;
    }

    /** The big dataset's image rows, then datasets still receiving data whose counts make up the plan's total. */
    static void fill(String jdbcUrl, UUID big, int images, int others, long otherImages) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, PostgresServer.USER,
                PostgresServer.PASSWORD); Statement sql = connection.createStatement()) {
            sql.execute("set synchronous_commit = off");
            try (PreparedStatement insert = connection.prepareStatement("insert into catalog.image (dataset_id, "
                    + "object_id, sha256, storage_key, bytes, width, height, format, pixel_size_um, latitude, "
                    + "longitude, depth_min, depth_max, observed_at, instrument, label, label_status) select ?, "
                    + "'obj_' || g, lpad(to_hex(g), 64, '0'), 'sha256/' || lpad(to_hex(g), 64, '0'), 20000 + g % 5000,"
                    + " 120 + g % 300, 80 + g % 200, 'png', 73, -60 + (g % 12000) / 100.0, -170 + (g % 34000) / 100.0,"
                    + " g % 500, g % 500 + 5, timestamptz '2010-01-01 00:00:00Z' + g * interval '1 minute', 'UVP6',"
                    + " case when g % 3 = 0 then 'Copepoda' end, case when g % 3 = 0 then 'validated' end"
                    + " from generate_series(1, ?) g")) {
                insert.setObject(1, big);
                insert.setInt(2, images);
                insert.executeUpdate();
            }
            sql.execute("update catalog.dataset set image_count = (select count(*) from catalog.image where "
                    + "dataset_id = '" + big + "'), image_bytes = (select sum(bytes) from catalog.image where "
                    + "dataset_id = '" + big + "') where id = '" + big + "'");
            sql.execute("insert into catalog.dataset (id, title, instrument, owner_subject, status, embargo_until, "
                    + "agreement_id, image_count, image_bytes, created_at, updated_at) select gen_random_uuid(), "
                    + "'Bench dataset ' || g, 'UVP6', d.owner_subject, 'receiving', d.embargo_until, d.agreement_id, "
                    + (otherImages / others) + ", " + (otherImages / others) + " * 20000, now(), now() from "
                    + "catalog.dataset d, generate_series(1, " + others + ") g where d.id = '" + big + "'");
            sql.execute("vacuum analyze catalog.image");
            sql.execute("vacuum analyze catalog.dataset");
        }
    }

    static void listAll(String catalogUrl, String token) throws Exception {
        Pattern next = Pattern.compile("\"next\":\"([0-9a-f-]{36})\"");
        String after = null;
        do {
            String body = get(catalogUrl + "/internal/datasets/page?limit=1000"
                    + (after == null ? "" : "&after=" + after), token);
            Matcher found = next.matcher(body);
            after = found.find() ? found.group(1) : null;
        } while (after != null);
    }

    static String rehearse(String releaseUrl, String asOf, String curator, double[] seconds) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(URI.create(releaseUrl
                + "/api/releases/rehearsals?asOf=" + asOf)).header("Authorization", "Bearer " + curator)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("rehearsal refused: " + started.body());
        }
        String location = started.headers().firstValue("Location").orElseThrow();
        while (true) {
            String body = get(location, curator);
            if (!body.contains("\"state\":\"running\"")) {
                seconds[0] = (System.nanoTime() - start) / 1e9;
                if (!body.contains("\"state\":\"succeeded\"") || !body.contains("\"valid\":true")) {
                    throw new IllegalStateException("rehearsal did not succeed: " + body);
                }
                return body.replaceAll("\"sha256\":\"[0-9a-f]{64}\",?", "").substring(0, Math.min(600, body.length()));
            }
            Thread.sleep(500);
        }
    }

    static String get(String url, String token) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    interface Timed {
        void run() throws Exception;
    }

    static double seconds(Timed timed) throws Exception {
        long start = System.nanoTime();
        timed.run();
        return (System.nanoTime() - start) / 1e9;
    }
}
