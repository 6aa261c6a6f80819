package org.aqqua.bench;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.aqqua.catalog.image.ImageFilter;
import org.aqqua.catalog.image.ImageQuery;
import org.aqqua.catalog.image.PageReader;
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
 * <p>Searches and exports are read with {@link HttpURLConnection}: the load generator shares the machine's cores
 * with the service and PostgreSQL, and the JDK's {@link HttpClient} spent 2 to 4 ms of CPU per page of results and
 * about 7 µs per exported row reading bodies, more than the catalog itself. The service is warmed up first (every
 * search through the API, untimed), every search timing is preceded by an untimed round of the same requests, and
 * every export by an untimed export of 10 datasets, so that what is timed is compiled code, not the JIT.
 *
 * <p>Arguments: rows (default 10,000,000), datasets (200), search requests per client and query (50).
 */
public final class CatalogBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final int CLIENTS = 8;
    private static final int PAGE = 100;
    private static final String CATALOG = "catalog-service";
    /** Warm-up ends when the JIT compilers take less than this share of the catalog's CPU in a round. */
    private static final double WARM_JIT_SHARE = 0.05;
    private static final int MAX_WARM_UP_ROUNDS = 12;

    private CatalogBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int datasetCount = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        long perDataset = rows / datasetCount;

        Path dir = Files.createTempDirectory("aqqua-bench-catalog-");
        try (Infrastructure infrastructure = new Infrastructure(dir, Infrastructure.Ports.free()).start();
                ServiceProcess catalog = ServiceProcess.start(CATALOG, FreePorts.next(),
                        ServiceConfig.forService(CATALOG, infrastructure.endpoints()), dir,
                        JvmOptions.plusProperty("bench.catalog.jvm", "-Xmx1g"))) {
            String jdbcUrl = infrastructure.jdbcUrl();
            String tokenUrl = infrastructure.keycloak().tokenUrl();
            List<UUID> datasets = new ArrayList<>();
            for (int d = 0; d < datasetCount; d++) {
                datasets.add(CatalogFixtures.dataset(jdbcUrl, "bench-owner-" + d, "receiving"));
            }
            System.out.printf("Catalog benchmark: %,d rows in %d datasets (%,d each); load average %s%n",
                    perDataset * datasetCount, datasetCount, perDataset, loadAverage());

            double copyRate = rawCopy(jdbcUrl, datasets, perDataset);
            double apiRate = register(catalog.url(), tokenUrl, datasets, perDataset);
            vacuumAnalyze(jdbcUrl);
            System.out.println();
            System.out.println("| what | AqQua | baseline | ratio |");
            System.out.println("|---|---|---|---|");
            System.out.printf("| bulk registration (rows/s) | %,.0f (POST /internal/datasets/{id}/images) | %,.0f "
                    + "(raw COPY, same rows and indexes) | %.2fx |%n", apiRate, copyRate, apiRate / copyRate);

            warmUp(catalog.url(), tokenUrl, datasets, requests, dir);
            double searchCpuBefore = catalogCpu(dir);
            double searchJitBefore = ProcessCpu.compilerSeconds(CATALOG);
            List<String> cpuLines = new ArrayList<>();
            for (SearchCase search : searches(datasets)) {
                String member = Tokens.forUser(tokenUrl, DemoRealm.MEMBER);
                Map<String, Double> beforeApi = ProcessCpu.snapshot(dir);
                List<Double> api = timeConcurrently(requests, search(catalog.url(), member, search));
                Map<String, Double> beforeSql = ProcessCpu.snapshot(dir);
                List<Double> sql = timeSql(jdbcUrl, requests, search);
                Map<String, Double> afterSql = ProcessCpu.snapshot(dir);
                int calls = 2 * CLIENTS * requests; // timeConcurrently: an untimed round, then the timed one
                cpuLines.add(String.format("  %s: API %s; SQL %s", search.name(),
                        cpuPerCall(ProcessCpu.between(beforeApi, beforeSql), calls),
                        cpuPerCall(ProcessCpu.between(beforeSql, afterSql), calls)));
                System.out.printf("| search: %s, first page p50 / p95 (ms, %d clients) | %.1f / %.1f | %.1f / %.1f "
                        + "(same SQL over JDBC) | %.2fx p95 |%n", search.name(), CLIENTS, percentile(api, 50),
                        percentile(api, 95), percentile(sql, 50), percentile(sql, 95),
                        percentile(api, 95) / percentile(sql, 95));
            }

            System.out.println("CPU ms per search, by process (both rounds of each, from /proc):");
            cpuLines.forEach(System.out::println);
            System.out.printf("JIT compilers' share of the catalog's CPU during the searches: %.1f %%%n",
                    100 * (ProcessCpu.compilerSeconds(CATALOG) - searchJitBefore)
                            / (catalogCpu(dir) - searchCpuBefore));

            long total = perDataset * datasetCount;
            // Each twice, the second timed: the first reads the table into the cache for both.
            String statsToken = Tokens.forUser(tokenUrl, DemoRealm.MEMBER);
            get(catalog.url() + "/api/stats?groupBy=instrument", statsToken);
            sqlCount(jdbcUrl);
            double statsSeconds = seconds(() -> get(catalog.url() + "/api/stats?groupBy=instrument", statsToken));
            double sqlStatsSeconds = seconds(() -> sqlCount(jdbcUrl));
            System.out.printf("| statistics by instrument over all rows (rows/s) | %,.0f | %,.0f (same SQL) | %.2fx |%n",
                    total / statsSeconds, total / sqlStatsSeconds, sqlStatsSeconds / statsSeconds);
            String someDatasets = datasets.stream().limit(10).map(d -> "&dataset=" + d)
                    .collect(java.util.stream.Collectors.joining());
            // Untimed: the whole table read once, so the first format timed does not pay for a colder cache than
            // the others (CSV, first, once saw its COPY baseline at 201k rows/s and the later ones at 259-281k).
            copyOut(jdbcUrl);
            for (String format : List.of("csv", "jsonl", "parquet")) {
                String token = Tokens.forUser(tokenUrl, DemoRealm.MEMBER);
                // Warm-up, untimed: the format's code compiled on 10 datasets before the whole catalog is timed.
                exportedRows(catalog.url() + "/api/exports/images?format=" + format + someDatasets, token, format,
                        perDataset * 10);
                long[] rowsOut = new long[1];
                double exportSeconds = seconds(() -> rowsOut[0] = exportedRows(catalog.url()
                        + "/api/exports/images?format=" + format, token, format, total));
                double copyOutSeconds = seconds(() -> copyOut(jdbcUrl));
                System.out.printf("| export %s of all rows (rows/s) | %,.0f | %,.0f (COPY TO STDOUT) | %.2fx |%n",
                        format, rowsOut[0] / exportSeconds, total / copyOutSeconds, copyOutSeconds / exportSeconds);
            }
            System.out.println("Load average at the end: " + loadAverage() + " (the machine's other work shows here)");
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

    /**
     * Every search through the API, untimed, in rounds until the catalog's JIT compilers are done with them. On
     * 2 cores, the first rounds spent about as much CPU compiling (C2) as serving: timing them measured the warm-up.
     */
    private static void warmUp(String catalogUrl, String tokenUrl, List<UUID> datasets, int requests, Path dir)
            throws Exception {
        for (int round = 1; round <= MAX_WARM_UP_ROUNDS; round++) {
            double cpu = catalogCpu(dir);
            double jit = ProcessCpu.compilerSeconds(CATALOG);
            for (SearchCase search : searches(datasets)) {
                String member = Tokens.forUser(tokenUrl, DemoRealm.MEMBER); // tokens live 5 minutes
                timeConcurrently(requests, search(catalogUrl, member, search));
            }
            double share = (ProcessCpu.compilerSeconds(CATALOG) - jit) / (catalogCpu(dir) - cpu);
            System.out.printf("Warm-up round %d: JIT compilers %.1f %% of the catalog's CPU%n", round, 100 * share);
            if (share < WARM_JIT_SHARE) {
                return;
            }
        }
    }

    private static double catalogCpu(Path dir) {
        return ProcessCpu.snapshot(dir).getOrDefault(CATALOG, 0.0);
    }

    /** "client 0.41, catalog-service 1.20, ..." in ms of CPU per call, leaving out processes that spent none. */
    private static String cpuPerCall(Map<String, Double> spent, int calls) {
        List<String> parts = new ArrayList<>();
        double total = 0;
        for (Map.Entry<String, Double> process : spent.entrySet()) {
            double ms = process.getValue() * 1000 / calls;
            total += ms;
            if (ms >= 0.005) {
                parts.add(String.format("%s %.2f", process.getKey(), ms));
            }
        }
        parts.add(String.format("total %.2f", total));
        return String.join(", ", parts);
    }

    /**
     * Raw COPY of the same rows into a copy of the image table (same constraints and indexes), then dropped. LIKE
     * copies every constraint but foreign keys, so the one to the dataset is added: checking it costs PostgreSQL
     * about 30 µs per row (its trigger, in EXPLAIN ANALYZE), and registration pays it too.
     */
    private static double rawCopy(String jdbcUrl, List<UUID> datasets, long perDataset) throws Exception {
        try (Connection connection = connect(jdbcUrl)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("create table public.image_copy (like catalog.image including all, "
                        + "foreign key (dataset_id) references catalog.dataset (id))");
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

    /** A search: its name and its query string, as the API is called. */
    record SearchCase(String name, String query) {

        /**
         * The query the catalog runs for the first page of this search (a member's: no scope), with the same
         * filter parsing; {@link PageReader} reads it with the same SQL: the baseline is the catalog's own code,
         * run directly. A new one per page (reading a page adds its start to it).
         */
        ImageQuery imageQuery() {
            Map<String, List<String>> parameters = new LinkedHashMap<>();
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                parameters.computeIfAbsent(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        name -> new ArrayList<>()).add(URLDecoder.decode(pair.substring(equals + 1),
                        StandardCharsets.UTF_8));
            }
            return ImageQuery.of(ImageFilter.parse(parameters, Set.of()));
        }
    }

    /** Five typical first-page queries. */
    private static List<SearchCase> searches(List<UUID> datasets) {
        UUID dataset = datasets.get(datasets.size() / 2);
        ImageRowGenerator.DatasetProfile area = ImageRowGenerator.profile(datasets.size() / 3);
        double minLon = Math.max(-180, area.centerLon() - 2.5);
        double maxLon = Math.min(180, area.centerLon() + 2.5);
        double minLat = area.centerLat() - 2.5;
        double maxLat = area.centerLat() + 2.5;
        return List.of(
                new SearchCase("one dataset", "dataset=" + dataset),
                new SearchCase("5 deg x 5 deg box", "bbox=" + minLon + "," + minLat + "," + maxLon + "," + maxLat),
                new SearchCase("instrument and one year",
                        "instrument=UVP6&from=2015-01-01T00:00:00Z&to=2016-01-01T00:00:00Z"),
                new SearchCase("one label", "label=Copepoda"),
                new SearchCase("unlabelled below 500 m", "labelled=false&depthMin=500"));
    }

    private static List<Double> timeSql(String jdbcUrl, int requests, SearchCase search) throws Exception {
        List<Connection> connections = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) { // one per client
            connections.add(connect(jdbcUrl));
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        ThreadLocal<Connection> mine = ThreadLocal.withInitial(() -> connections.get(next.getAndIncrement()));
        try {
            return timeConcurrently(requests, () -> PageReader.read(mine.get(), search.imageQuery(), 0, PAGE + 1));
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    private interface Call {
        void run() throws Exception;
    }

    /**
     * Runs {@code call} {@code perClient} times on each of 8 threads, once untimed (warm-up) and once timed;
     * returns every latency of the timed round in ms.
     */
    private static List<Double> timeConcurrently(int perClient, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS); // the same 8 threads in both rounds
        try {
            concurrently(pool, perClient, call);
            return concurrently(pool, perClient, call);
        } finally {
            pool.shutdown();
        }
    }

    private static List<Double> concurrently(ExecutorService pool, int perClient, Call call) throws Exception {
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

    /** The 1, 5 and 15 minute load averages (Linux), to tell a quiet run from one that shared its cores. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** A first page of {@code search} through the API. */
    private static Call search(String catalogUrl, String token, SearchCase search) {
        return () -> {
            long bytes = read(catalogUrl + "/api/images?limit=" + PAGE + "&" + search.query(), token);
            if (bytes < 10) {
                throw new IllegalStateException(search.name() + ": empty answer");
            }
        };
    }

    /** GET with a bearer token; the body is read to its end and its length returned. */
    private static long read(String url, String token) throws Exception {
        return body(url, token, (buffer, length) -> { });
    }

    private interface Chunk {
        void read(byte[] buffer, int length);
    }

    private static long body(String url, String token, Chunk chunk) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setRequestProperty("Authorization", "Bearer " + token);
        if (connection.getResponseCode() != 200) {
            throw new IllegalStateException(url + ": HTTP " + connection.getResponseCode());
        }
        long bytes = 0;
        try (InputStream body = connection.getInputStream()) {
            byte[] buffer = new byte[1 << 16];
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                chunk.read(buffer, read);
                bytes += read;
            }
        }
        return bytes;
    }

    /**
     * The rows of an export: its lines (less the CSV header), or for Parquet, a binary format, the rows asked for
     * once the file is seen to end with Parquet's magic bytes after its footer.
     */
    private static long exportedRows(String url, String token, String format, long total) throws Exception {
        long[] lines = new long[1];
        byte[] tail = new byte[4];
        long bytes = body(url, token, (buffer, length) -> {
            for (int i = 0; i < length; i++) {
                if (buffer[i] == '\n') {
                    lines[0]++;
                }
            }
            int keep = Math.min(4, length);
            System.arraycopy(tail, keep, tail, 0, 4 - keep);
            System.arraycopy(buffer, length - keep, tail, 4 - keep, keep);
        });
        if (format.equals("parquet")) {
            if (bytes < 12 || !new String(tail, StandardCharsets.US_ASCII).equals("PAR1")) {
                throw new IllegalStateException("Not a Parquet file: " + bytes + " bytes");
            }
            return total;
        }
        return format.equals("csv") ? lines[0] - 1 : lines[0];
    }

    private static void sqlCount(String jdbcUrl) throws Exception {
        try (Connection connection = connect(jdbcUrl); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select i.instrument, count(*), coalesce(sum(i.bytes), 0) "
                        + "from image i group by 1 order by 2 desc, 1")) {
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

    /**
     * Vacuum and statistics after the load, as a catalog that has been up for a while has them, then a
     * checkpoint: registration and the vacuum leave the table's pages dirty in PostgreSQL's buffers (the vacuum
     * sets hint bits and the visibility map on every page), and without it the checkpointer writes them out over
     * the next minutes, during the timed searches.
     */
    private static void vacuumAnalyze(String jdbcUrl) throws Exception {
        try (Connection connection = connect(jdbcUrl); Statement statement = connection.createStatement()) {
            statement.execute("vacuum analyze catalog.image");
            statement.execute("checkpoint");
        }
    }

    /** A connection set up as the catalog's own (same search path and planner cost), so plans are the same. */
    private static Connection connect(String jdbcUrl) throws Exception {
        Connection connection = DriverManager.getConnection(jdbcUrl, PostgresServer.USER, PostgresServer.PASSWORD);
        try (Statement statement = connection.createStatement()) {
            statement.execute("set search_path to catalog; set random_page_cost = 1.1; "
                    + "set plan_cache_mode = force_custom_plan");
        }
        return connection;
    }
}
