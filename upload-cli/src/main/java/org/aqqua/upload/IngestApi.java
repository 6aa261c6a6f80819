package org.aqqua.upload;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * ingest-service's upload and job API, with the caller's token; failed connections and 5xx answers are retried
 * with backoff (every call used here is safe to repeat: completing twice gives the same job), a 401 once with a
 * fresh token. Refusals become {@link ApiException} with the service's problem details.
 */
final class IngestApi {

    private final HttpClient http;
    private final String baseUrl;
    private final AccessTokens tokens;
    private final Backoff backoff;

    IngestApi(HttpClient http, String baseUrl, AccessTokens tokens, Backoff backoff) {
        this.http = http;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.tokens = tokens;
        this.backoff = backoff;
    }

    JsonNode openUpload(UUID dataset, String fileName, long size) {
        return json("POST", "/api/datasets/" + dataset + "/uploads", Map.of("fileName", fileName, "size", size),
                "Opening the upload");
    }

    JsonNode upload(UUID upload, int fromPart) {
        return json("GET", "/api/uploads/" + upload + "?fromPart=" + fromPart, null, "Reading upload " + upload);
    }

    void recordPart(UUID upload, int part, String etag) {
        json("PUT", "/api/uploads/" + upload + "/parts/" + part, Map.of("etag", etag), "Recording part " + part);
    }

    JsonNode complete(UUID upload, String policy) {
        return json("POST", "/api/uploads/" + upload + "/complete?policy="
                + URLEncoder.encode(policy, StandardCharsets.UTF_8), null, "Completing upload " + upload);
    }

    void abort(UUID upload) {
        json("DELETE", "/api/uploads/" + upload, null, "Aborting upload " + upload);
    }

    JsonNode job(UUID job) {
        return json("GET", "/api/jobs/" + job + "?problemLimit=0", null, "Reading job " + job);
    }

    /** The whole report as JSON ({@code job}, {@code problems}), streamed to {@code reader}. */
    <T> T report(UUID job, String format, ReportBody<T> reader) {
        HttpResponse<InputStream> response = send("GET", "/api/jobs/" + job + "/report?format=" + format, null,
                HttpResponse.BodyHandlers.ofInputStream(), "Reading the report of job " + job);
        try (InputStream body = response.body()) {
            return reader.read(body);
        } catch (IOException e) {
            throw new CliException(ExitCodes.TRANSFER_FAILED, "Reading the report of job " + job + " failed: "
                    + e.getMessage(), e);
        }
    }

    void reportCsv(UUID job, Path target) {
        HttpResponse<Path> response = send("GET", "/api/jobs/" + job + "/report?format=csv", null,
                HttpResponse.BodyHandlers.ofFile(target), "Downloading the report of job " + job);
        response.body();
    }

    interface ReportBody<T> {
        T read(InputStream body) throws IOException;
    }

    private JsonNode json(String method, String path, Object body, String what) {
        HttpResponse<String> response = send(method, path, body, HttpResponse.BodyHandlers.ofString(), what);
        try {
            return response.body() == null || response.body().isBlank() ? Json.MAPPER.nullNode()
                    : Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new CliException(ExitCodes.TRANSFER_FAILED, what + ": unreadable answer", e);
        }
    }

    private <T> HttpResponse<T> send(String method, String path, Object body, HttpResponse.BodyHandler<T> handler,
            String what) {
        byte[] json;
        try {
            json = body == null ? null : Json.MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        boolean refreshed = false;
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofMinutes(5))
                    .header("Authorization", "Bearer " + tokens.get())
                    .header("Accept", "application/json, application/problem+json");
            if (json != null) {
                request.header("Content-Type", "application/json");
                request.method(method, HttpRequest.BodyPublishers.ofByteArray(json));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            String failure;
            try {
                HttpResponse<T> response = http.send(request.build(), handler);
                int status = response.statusCode();
                if (status < 300) {
                    return response;
                }
                if (status == 401 && !refreshed) {
                    refreshed = true;
                    tokens.invalidate();
                    attempt--;
                    continue;
                }
                if (status < 500 && status != 429 && status != 408) {
                    throw new ApiException(status, problem(response.body()), what);
                }
                failure = "HTTP " + status;
            } catch (IOException e) {
                failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException(ExitCodes.INCOMPLETE, what + ": interrupted", e);
            }
            if (attempt >= backoff.attempts()) {
                throw new CliException(ExitCodes.TRANSFER_FAILED, what + " failed after " + attempt + " attempts ("
                        + failure + ") at " + baseUrl);
            }
            try {
                backoff.sleep(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException(ExitCodes.INCOMPLETE, what + ": interrupted", e);
            }
        }
    }

    private static JsonNode problem(Object body) {
        try {
            if (body instanceof String text && !text.isBlank()) {
                return Json.MAPPER.readTree(text);
            }
            if (body instanceof InputStream in) {
                try (in) {
                    return Json.MAPPER.readTree(in);
                }
            }
        } catch (IOException e) {
            // not a problem document
        }
        return null;
    }
}
