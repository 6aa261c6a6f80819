package org.aqqua.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.aqqua.testing.CatalogFixtures;
import org.aqqua.testing.DemoRealm;
import org.aqqua.testing.FreePorts;
import org.aqqua.testing.Infrastructure;
import org.aqqua.testing.PostgresServer;
import org.aqqua.testing.ServiceConfig;
import org.aqqua.testing.ServiceProcess;
import org.aqqua.testing.Tokens;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The catalog at AqQua's scale, each figure next to a baseline measured in the same run on the same database:
 * bulk registration through the API against raw COPY of the same rows into a table with the same indexes; first
 * pages of five typical searches with 8 concurrent clients against the same SQL run directly; statistics and
 * exports over everything.
 *
 * <p>Arguments: rows (default 10,000,000), datasets (200), search requests per client and query (50).
 */
public final class CatalogBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final int CLIENTS = 8;

    private CatalogBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int datasetCount = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        long perDataset = rows / datasetCount;

        Path dir = Files.createTempDirectory("aqqua-bench-catalog-");
        try (Infrastructure infrastructure = new Infrastructure(dir, Infrastructure.Ports.free()).start();
                ServiceProcess catalog = ServiceProcess.start("catalog-service", FreePorts.next(),
                        ServiceConfig.forService("catalog-service", infrastructure.endpoints()), dir,
                        List.of("-Xmx1g"))) {
            String jdbcUrl = infrastructure.jdbcUrl();
            String tokenUrl = infrastructure.keycloak().tokenUrl();
            List<UUID> datasets = new ArrayList<>();
            for (int d = 0; d < datasetCount; d++) {
                datasets.add(CatalogFixtures.dataset(jdbcUrl, "bench-owner-" + d, "receiving"));
            }
            System.out.printf("Catalog benchmark: %,d rows in %d datasets (%,d each)%n", perDataset * datasetCount,
                    datasetCount, perDataset);

            double copyRate = rawCopy(jdbcUrl, datasets, perDataset);
            double apiRate = register(catalog.url(), tokenUrl, datasets, perDataset);
            vacuumAnalyze(jdbcUrl);
            System.out.println();
            System.out.println("| what | AqQua | baseline | ratio |");
            System.out.println("|---|---|---|---|");
            System.out.printf("| bulk registration (rows/s) | %,.0f (POST /internal/datasets/{id}/images) | %,.0f "
                    + "(raw COPY, same rows and indexes) | %.2fx |%n", apiRate, copyRate, apiRate / copyRate);

            String member = Tokens.forUser(tokenUrl, DemoRealm.MEMBER);
            for (SearchCase search : searches(datasets)) {
                List<Double> api = timeConcurrently(requests, () -> {
                    HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(catalog.url()
                            + "/api/images?limit=100&" + search.query())).header("Authorization", "Bearer " + member)
                            .build(), HttpResponse.BodyHandlers.ofInputStream());
                    try (InputStream body = response.body()) {
                        body.transferTo(java.io.OutputStream.nullOutputStream());
                    }
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(search.name() + ": HTTP " + response.statusCode());
                    }
                });
                List<Double> sql = timeSql(jdbcUrl, requests, search);
                System.out.printf("| search: %s, first page p50 / p95 (ms, %d clients) | %.1f / %.1f | %.1f / %.1f "
                        + "(same SQL over JDBC) | %.2fx p95 |%n", search.name(), CLIENTS, percentile(api, 50),
                        percentile(api, 95), percentile(sql, 50), percentile(sql, 95),
                        percentile(api, 95) / percentile(sql, 95));
            }

            long total = perDataset * datasetCount;
            double statsSeconds = seconds(() -> get(catalog.url() + "/api/stats?groupBy=instrument", member));
            double sqlStatsSeconds = seconds(() -> sqlCount(jdbcUrl));
            System.out.printf("| statistics by instrument over all rows (rows/s) | %,.0f | %,.0f (same SQL) | %.2fx |%n",
                    total / statsSeconds, total / sqlStatsSeconds, sqlStatsSeconds / statsSeconds);
            for (String format : List.of("csv", "jsonl")) {
                long[] lines = new long[1];
                double exportSeconds = seconds(() -> lines[0] = countLines(catalog.url()
                        + "/api/exports/images?format=" + format, member));
                double copyOutSeconds = seconds(() -> copyOut(jdbcUrl));
                System.out.printf("| export %s of all rows (rows/s) | %,.0f | %,.0f (COPY TO STDOUT) | %.2fx |%n",
                        format, lines[0] / exportSeconds, total / copyOutSeconds, copyOutSeconds / exportSeconds);
            }
        } finally {
            if (Boolean.getBoolean("aqqua.bench.keep")) {
                System.out.println("Kept " + dir + " (logs of every server)");
                return;
            }
            try (var paths = Files.walk(dir)) {
                paths.sorted(Collections.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Raw COPY of the same rows into a copy of the image table (same constraints and indexes), then dropped. */
    private static double rawCopy(String jdbcUrl, List<UUID> datasets, long perDataset) throws Exception {
        try (Connection connection = connect(jdbcUrl)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("create table public.image_copy (like catalog.image including all)");
            }
            long nanos = 0;
            for (int d = 0; d < datasets.size(); d++) {
                byte[] chunk = chunk(perDataset, d, row -> ImageRowGenerator.copyText(datasets.get(row.dataset()),
                        row.row()));
                long start = System.nanoTime();
                CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY public.image_copy "
                        + "(dataset_id, object_id, sha256, storage_key, bytes, width, height, format, pixel_size_um, "
                        + "latitude, longitude, depth_min, depth_max, altitude, observed_at, instrument, sample_id, "
                        + "label, label_status, traits, raw) FROM STDIN");
                copy.writeToCopy(chunk, 0, chunk.length);
                copy.endCopy();
                nanos += System.nanoTime() - start;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("drop table public.image_copy");
            }
            return perDataset * datasets.size() / (nanos / 1e9);
        }
    }

    record GeneratedRow(int dataset, ImageRowGenerator.Row row) {
    }

    private interface RowText {
        String text(GeneratedRow row);
    }

    private static byte[] chunk(long perDataset, int dataset, RowText text) {
        ImageRowGenerator.DatasetProfile profile = ImageRowGenerator.profile(dataset);
        StringBuilder chunk = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 16, perDataset * 400));
        for (long n = 0; n < perDataset; n++) {
            chunk.append(text.text(new GeneratedRow(dataset, ImageRowGenerator.row(profile, n))));
        }
        return chunk.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The same rows through the catalog's bulk API, one request per dataset, with ingest-service's token. */
    private static double register(String catalogUrl, String tokenUrl, List<UUID> datasets, long perDataset)
            throws Exception {
        String token = Tokens.forClient(tokenUrl, DemoRealm.INGEST_CLIENT, DemoRealm.INGEST_SECRET);
        long nanos = 0;
        for (int d = 0; d < datasets.size(); d++) {
            byte[] body = chunk(perDataset, d, row -> ImageRowGenerator.ndjson(row.row()));
            if (d % 20 == 0) {
                token = Tokens.forClient(tokenUrl, DemoRealm.INGEST_CLIENT, DemoRealm.INGEST_SECRET);
            }
            long start = System.nanoTime();
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(catalogUrl
                    + "/internal/datasets/" + datasets.get(d) + "/images"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            nanos += System.nanoTime() - start;
            if (response.statusCode() != 200 || !response.body().contains("\"registered\":" + perDataset)) {
                throw new IllegalStateException("Registration failed: " + response.statusCode() + " "
                        + response.body());
            }
        }
        return perDataset * datasets.size() / (nanos / 1e9);
    }

    record SearchCase(String name, String query, String where, List<Object> parameters) {
    }

    /** Five typical first-page queries, as the API is called and as the catalog's SQL runs them. */
    private static List<SearchCase> searches(List<UUID> datasets) {
        UUID dataset = datasets.get(datasets.size() / 2);
        ImageRowGenerator.DatasetProfile area = ImageRowGenerator.profile(datasets.size() / 3);
        double minLon = Math.max(-180, area.centerLon() - 2.5);
        double maxLon = Math.min(180, area.centerLon() + 2.5);
        double minLat = area.centerLat() - 2.5;
        double maxLat = area.centerLat() + 2.5;
        Instant from = Instant.parse("2015-01-01T00:00:00Z");
        Instant to = Instant.parse("2016-01-01T00:00:00Z");
        return List.of(
                new SearchCase("one dataset", "dataset=" + dataset, "i.dataset_id = ?", List.of(dataset)),
                new SearchCase("5 deg x 5 deg box", "bbox=" + minLon + "," + minLat + "," + maxLon + "," + maxLat,
                        "i.latitude between ? and ? and i.longitude between ? and ?",
                        List.of(minLat, maxLat, minLon, maxLon)),
                new SearchCase("instrument and one year", "instrument=UVP6&from=" + from + "&to=" + to,
                        "i.instrument in (?) and i.observed_at >= ? and i.observed_at < ?",
                        List.of("UVP6", Timestamp.from(from), Timestamp.from(to))),
                new SearchCase("one label", "label=Copepoda", "i.label in (?)", List.of("Copepoda")),
                new SearchCase("unlabelled below 500 m", "labelled=false&depthMin=500",
                        "coalesce(i.depth_max, i.depth_min) >= ? and i.label is null", List.of(500.0)));
    }

    private static List<Double> timeSql(String jdbcUrl, int requests, SearchCase search) throws Exception {
        String sql = "select i.id, i.dataset_id, i.object_id, i.sha256, i.storage_key, i.bytes, i.width, i.height, "
                + "i.format, i.pixel_size_um, i.latitude, i.longitude, i.depth_min, i.depth_max, i.altitude, "
                + "i.observed_at, i.instrument, i.sample_id, i.label, i.label_status, i.traits::text, i.raw::text "
                + "from catalog.image i join catalog.dataset d on d.id = i.dataset_id where " + search.where()
                + " and i.id > ? order by i.id limit ?";
        List<Connection> connections = new ArrayList<>();
        for (int c = 0; c <= CLIENTS; c++) { // one per client, and one for the warm-up on this thread
            connections.add(connect(jdbcUrl));
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        ThreadLocal<Connection> mine = ThreadLocal.withInitial(() -> connections.get(next.getAndIncrement()));
        if (Boolean.getBoolean("aqqua.bench.explain")) {
            try (PreparedStatement explain = connections.get(0).prepareStatement("explain (analyze, buffers) " + sql)) {
                int index = 1;
                for (Object parameter : search.parameters()) {
                    explain.setObject(index++, parameter);
                }
                explain.setLong(index++, 0);
                explain.setInt(index, 101);
                try (ResultSet plan = explain.executeQuery()) {
                    System.out.println("Plan of " + search.name() + ":");
                    while (plan.next()) {
                        System.out.println("  " + plan.getString(1));
                    }
                }
            }
        }
        try {
            return timeConcurrently(requests, () -> {
                try (PreparedStatement statement = mine.get().prepareStatement(sql)) {
                    int index = 1;
                    for (Object parameter : search.parameters()) {
                        statement.setObject(index++, parameter);
                    }
                    statement.setLong(index++, 0);
                    statement.setInt(index, 101);
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            rows.getString(21);
                        }
                    }
                }
            });
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    private interface Call {
        void run() throws Exception;
    }

    /** Runs {@code call} {@code perClient} times on each of 8 threads; returns every latency in ms. */
    private static List<Double> timeConcurrently(int perClient, Call call) throws Exception {
        for (int warm = 0; warm < 5; warm++) {
            call.run();
        }
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(pool.submit(() -> {
                for (int i = 0; i < perClient; i++) {
                    long start = System.nanoTime();
                    call.run();
                    latencies.add((System.nanoTime() - start) / 1e6);
                }
                return null;
            }));
        }
        for (Future<?> client : clients) {
            client.get();
        }
        pool.shutdown();
        return latencies;
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static double seconds(Call call) throws Exception {
        long start = System.nanoTime();
        call.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static void get(String url, String token) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + ": " + response.statusCode() + " " + response.body());
        }
    }

    private static long countLines(String url, String token) throws Exception {
        HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream());
        long lines = 0;
        try (InputStream body = new java.io.BufferedInputStream(response.body(), 1 << 16)) {
            byte[] buffer = new byte[1 << 16];
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return url.contains("format=csv") ? lines - 1 : lines;
    }

    private static void sqlCount(String jdbcUrl) throws Exception {
        try (Connection connection = connect(jdbcUrl); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select i.instrument, count(*), coalesce(sum(i.bytes), 0) "
                        + "from catalog.image i join catalog.dataset d on d.id = i.dataset_id group by 1 order by 2 desc")) {
            while (rows.next()) {
                rows.getLong(2);
            }
        }
    }

    private static void copyOut(String jdbcUrl) throws Exception {
        try (Connection connection = connect(jdbcUrl)) {
            connection.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (select * from catalog.image order by id) "
                    + "TO STDOUT (FORMAT csv, HEADER)", java.io.OutputStream.nullOutputStream());
        }
    }

    private static void vacuumAnalyze(String jdbcUrl) throws Exception {
        try (Connection connection = connect(jdbcUrl); Statement statement = connection.createStatement()) {
            statement.execute("vacuum analyze catalog.image");
        }
    }

    /** A connection set up as the catalog's own (same search path and planner cost), so plans are the same. */
    private static Connection connect(String jdbcUrl) throws Exception {
        Connection connection = DriverManager.getConnection(jdbcUrl, PostgresServer.USER, PostgresServer.PASSWORD);
        try (Statement statement = connection.createStatement()) {
            statement.execute("set search_path to catalog; set random_page_cost = 1.1");
        }
        return connection;
    }
}
