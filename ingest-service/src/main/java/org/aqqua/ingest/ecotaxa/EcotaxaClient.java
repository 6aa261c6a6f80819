package org.aqqua.ingest.ecotaxa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.aqqua.ingest.job.SourceFailedException;

/**
 * The calls AqQua makes to EcoTaxa's REST API (ecotaxa/ecotaxa_back, {@code py/main.py}): log in, start a backup
 * export of a project, read the export job, download its file. Every failure becomes a
 * {@link SourceFailedException} that names EcoTaxa, the step and the cause, since it ends up as the job's failure.
 */
@ApplicationScoped
class EcotaxaClient {

    private final EcotaxaSettings settings;
    private final ObjectMapper mapper;
    private final HttpClient http;

    EcotaxaClient(EcotaxaSettings settings, ObjectMapper mapper) {
        this.settings = settings;
        this.mapper = mapper;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** {@code POST /login} with {@code LoginReq}; EcoTaxa answers the bearer token as a JSON string. */
    String login() throws SourceFailedException, InterruptedException {
        String username = settings.username().orElseThrow(EcotaxaClient::notConfigured);
        String password = settings.password().orElseThrow(EcotaxaClient::notConfigured);
        HttpResponse<String> response = send(post("/login", null, Map.of("username", username,
                "password", password)), "log in");
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new SourceFailedException("EcoTaxa at " + settings.url() + " refused the login of user '"
                    + username + "' (HTTP " + response.statusCode() + ": " + detail(response) + "); check "
                    + "aqqua.ecotaxa.username and aqqua.ecotaxa.password");
        }
        return read(expectOk(response, "log in"), String.class, "log in");
    }

    /**
     * {@code POST /object_set/export/backup} for the whole project (empty filters): EcoTaxa's backup zip is an
     * import bundle (one folder per sample, tables with their type row, images), the format we ingest.
     */
    long startBackupExport(String token, long projectId) throws SourceFailedException, InterruptedException {
        String step = "start the export of project " + projectId;
        HttpResponse<String> response = send(post("/object_set/export/backup", token, Map.of("filters", Map.of(),
                "request", Map.of("project_id", projectId))), step);
        if (response.statusCode() == 403 || response.statusCode() == 404) {
            throw new SourceFailedException("EcoTaxa refused to export project " + projectId + " (HTTP "
                    + response.statusCode() + ": " + detail(response) + "): the project must exist and be shared "
                    + "with the AqQua EcoTaxa user (at least Read)");
        }
        ExportStarted started = read(expectOk(response, step), ExportStarted.class, step);
        if (started.jobId() == 0 || started.errors() != null && !started.errors().isEmpty()) {
            throw new SourceFailedException("EcoTaxa could not start the export of project " + projectId + ": "
                    + String.join("; ", started.errors() == null ? java.util.List.of() : started.errors()));
        }
        return started.jobId();
    }

    /** {@code GET /jobs/{job_id}/}: the export job's state. */
    EcotaxaJob job(String token, long jobId) throws SourceFailedException, InterruptedException {
        String step = "read export job " + jobId;
        return read(expectOk(send(get("/jobs/" + jobId + "/", token), step), step), EcotaxaJob.class, step);
    }

    /** {@code GET /jobs/{job_id}/file}, streamed into {@code target}; returns its SHA-256. */
    String download(String token, long jobId, Path target) throws SourceFailedException, InterruptedException {
        String step = "download the file of export job " + jobId;
        HttpResponse<InputStream> response;
        try {
            response = http.send(get("/jobs/" + jobId + "/file", token), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw unreachable(step, e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new SourceFailedException("EcoTaxa answered HTTP " + response.statusCode() + " when asked to "
                        + step);
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Files.copy(new DigestInputStream(body, digest), target);
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new SourceFailedException("The download of EcoTaxa's export job " + jobId + " broke off: "
                    + describe(e), e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest post(String path, String token, Object body) throws SourceFailedException {
        try {
            return request(path, token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body))).build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write an EcoTaxa request", e);
        }
    }

    private HttpRequest get(String path, String token) {
        return request(path, token).GET().build();
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(settings.url().toString()
                .replaceAll("/+$", "") + path)).timeout(settings.requestTimeout()).header("Accept", "application/json");
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest request, String step)
            throws SourceFailedException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unreachable(step, e);
        }
    }

    private HttpResponse<String> expectOk(HttpResponse<String> response, String step) throws SourceFailedException {
        if (response.statusCode() != 200) {
            throw new SourceFailedException("EcoTaxa answered HTTP " + response.statusCode() + " when asked to "
                    + step + ": " + detail(response));
        }
        return response;
    }

    private <T> T read(HttpResponse<String> response, Class<T> type, String step) throws SourceFailedException {
        try {
            return mapper.readValue(response.body(), type);
        } catch (IOException e) {
            throw new SourceFailedException("EcoTaxa's answer to '" + step + "' is not what its API documents: "
                    + describe(e), e);
        }
    }

    /** FastAPI's error body is {@code {"detail": ...}}; anything else is quoted, shortened. */
    private String detail(HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body();
        try {
            JsonNode detail = mapper.readTree(body).path("detail");
            if (!detail.isMissingNode()) {
                return detail.isTextual() ? detail.asText() : detail.toString();
            }
        } catch (IOException notJson) {
            // Quoted below as it is.
        }
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    private SourceFailedException unreachable(String step, IOException e) {
        return new SourceFailedException("EcoTaxa at " + settings.url() + " could not be reached to " + step + ": "
                + describe(e), e);
    }

    private static SourceFailedException notConfigured() {
        return new SourceFailedException("EcoTaxa pulls are not configured on this service: set "
                + "aqqua.ecotaxa.username and aqqua.ecotaxa.password");
    }

    /** Many I/O exceptions carry no message (a refused connection); their class then says what happened. */
    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": "
                + e.getMessage();
    }
}
