package org.aqqua.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for EcoTaxa's REST API (no EcoTaxa is reachable from the build machines), answering with the request
 * and response shapes of ecotaxa/ecotaxa_back's {@code py/main.py}: {@code POST /login} (LoginReq, token as a JSON
 * string), {@code POST /object_set/export/backup} and {@code /general} ({"filters", "request"} to ExportRsp),
 * {@code GET /jobs/{job_id}/} (JobModel, state P, R, then F or E) and {@code GET /jobs/{job_id}/file} (the zip).
 * Each project serves a real fixture bundle. {@link #mode(Mode)} switches it to refuse logins, fail exports or
 * never finish them; {@link #stop()} makes it unreachable until {@link #start()}.
 */
public final class EcotaxaStub {

    public static final String USERNAME = "aqqua@example.org";
    public static final String PASSWORD = "aqqua-stub-password";

    /** What the next logins and exports do. */
    public enum Mode { NORMAL, REFUSE_LOGIN, FAIL_EXPORT, NEVER_FINISH }

    private static final Pattern JOB = Pattern.compile("/jobs/(\\d+)/?(file)?");

    private final ObjectMapper json = new ObjectMapper();
    private final int port;
    private final Map<Long, Path> projects = new ConcurrentHashMap<>();
    private final Map<Long, StubJob> jobs = new ConcurrentHashMap<>();
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicLong nextJobId = new AtomicLong(47445);
    private volatile Mode mode = Mode.NORMAL;
    private HttpServer server;

    /** An export job as the stub runs it: it moves one state further each time it is read. */
    private static final class StubJob {
        final long id;
        final long projectId;
        final Mode mode;
        int reads;

        StubJob(long id, long projectId, Mode mode) {
            this.id = id;
            this.projectId = projectId;
            this.mode = mode;
        }

        synchronized String nextState() {
            reads++;
            return switch (mode) {
                case NEVER_FINISH -> "R";
                case FAIL_EXPORT -> reads < 2 ? "P" : "E";
                default -> reads < 2 ? "P" : reads < 3 ? "R" : "F";
            };
        }

        synchronized boolean finished() {
            return mode == Mode.NORMAL && reads >= 3;
        }
    }

    public EcotaxaStub(int port) {
        this.port = port;
    }

    /** The upstream fixtures of ecotaxa_back, e.g. {@code import_test.zip}. */
    public static Path upstreamFixture(String relative) {
        return HarnessPaths.projectRoot().resolve("fixtures/external/ecotaxa_back/QA/py/data").resolve(relative);
    }

    /** Starts listening, on the same port as before a {@link #stop()}; does nothing when already listening. */
    public synchronized EcotaxaStub start() {
        if (server != null) {
            return this;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Serves {@code exportZip} as the backup export of {@code projectId}; other projects are refused (403). */
    public EcotaxaStub project(long projectId, Path exportZip) {
        projects.put(projectId, exportZip);
        return this;
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    /** "METHOD path" of every request received, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            requests.add(method + " " + path);
            Matcher job = JOB.matcher(path);
            if ("POST".equals(method) && "/login".equals(path)) {
                login(exchange);
            } else if (!authorised(exchange)) {
                send(exchange, 403, Map.of("detail", "Not authenticated"));
            } else if ("POST".equals(method) && path.matches("/object_set/export/(backup|general)")) {
                startExport(exchange);
            } else if ("GET".equals(method) && job.matches() && jobs.containsKey(Long.parseLong(job.group(1)))) {
                StubJob stubJob = jobs.get(Long.parseLong(job.group(1)));
                if (job.group(2) == null) {
                    send(exchange, 200, jobModel(stubJob, stubJob.nextState()));
                } else {
                    sendFile(exchange, stubJob);
                }
            } else {
                send(exchange, 404, Map.of("detail", "Not found."));
            }
        }
    }

    private void login(HttpExchange exchange) throws IOException {
        JsonNode body = json.readTree(exchange.getRequestBody());
        if (mode == Mode.REFUSE_LOGIN || !USERNAME.equals(body.path("username").asText())
                || !PASSWORD.equals(body.path("password").asText())) {
            send(exchange, 403, Map.of("detail", "You can't do this."));
            return;
        }
        String token = UUID.randomUUID().toString();
        tokens.add(token);
        send(exchange, 200, token);
    }

    private boolean authorised(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        return header != null && header.startsWith("Bearer ") && tokens.contains(header.substring(7));
    }

    private void startExport(HttpExchange exchange) throws IOException {
        JsonNode body = json.readTree(exchange.getRequestBody());
        JsonNode projectId = body.path("request").path("project_id");
        if (!body.path("filters").isObject() || !projectId.canConvertToLong()) {
            send(exchange, 422, Map.of("detail", List.of(Map.of("loc", List.of("body", "request", "project_id"),
                    "msg", "field required", "type", "value_error.missing"))));
            return;
        }
        if (!projects.containsKey(projectId.asLong())) {
            send(exchange, 403, Map.of("detail", "You can't do this."));
            return;
        }
        StubJob job = new StubJob(nextJobId.incrementAndGet(), projectId.asLong(), mode);
        jobs.put(job.id, job);
        send(exchange, 200, Map.of("errors", List.of(), "warnings", List.of(), "job_id", job.id));
    }

    private static Map<String, Object> jobModel(StubJob job, String state) {
        boolean error = "E".equals(state);
        return Map.ofEntries(Map.entry("id", job.id), Map.entry("owner_id", 993), Map.entry("type", "BackupExport"),
                Map.entry("state", state), Map.entry("step", 1),
                Map.entry("progress_pct", "F".equals(state) ? 100 : 50),
                Map.entry("progress_msg", error ? "1 error(s) during run" : "F".equals(state) ? "Done" : "Exporting"),
                Map.entry("creation_date", "2025-05-01T08:43:20.196061"),
                Map.entry("updated_on", "2025-05-01T08:43:21.441969"),
                Map.entry("params", Map.of("prj_id", job.projectId)), Map.entry("result", Map.of()),
                Map.entry("errors", error ? List.of("No content produced. See previous warnings or check the "
                        + "presence of samples in the projects") : List.of()),
                Map.entry("question", Map.of()), Map.entry("reply", Map.of()), Map.entry("inside", Map.of()));
    }

    private void sendFile(HttpExchange exchange, StubJob job) throws IOException {
        if (!job.finished()) {
            send(exchange, 404, Map.of("detail", "Not found."));
            return;
        }
        Path zip = projects.get(job.projectId);
        exchange.getResponseHeaders().add("Content-Type", "application/zip");
        exchange.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"export_backup_"
                + job.projectId + "_20250501_0843.zip\"");
        exchange.sendResponseHeaders(200, Files.size(zip));
        try (OutputStream out = exchange.getResponseBody()) {
            Files.copy(zip, out);
        }
    }

    private void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
