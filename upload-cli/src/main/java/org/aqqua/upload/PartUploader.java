package org.aqqua.upload;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends the missing parts of an upload, a few at once: each part is read from its source range, PUT to its
 * presigned S3 URL (streamed, never buffered whole), and its ETag reported to the service. A failed PUT is retried
 * with backoff (a rejected URL, e.g. expired, is replaced by a fresh one first); URLs come in batches and are
 * renewed when they near their expiry.
 */
final class PartUploader {

    /** A URL this close to its expiry is renewed before use. */
    static final Duration URL_MARGIN = Duration.ofMinutes(2);

    record PartUrl(String url, Instant expiresAt) {
    }

    /** Why the upload stopped early. */
    enum Outcome { COMPLETE, STOPPED }

    private final HttpClient http;
    private final IngestApi api;
    private final UUID uploadId;
    private final UploadSource source;
    private final PartPlan plan;
    private final ProgressMeter progress;
    private final Backoff backoff;
    private final int parallel;
    private final int stopAfterParts;
    private final Map<Integer, PartUrl> urls = new ConcurrentHashMap<>();

    PartUploader(HttpClient http, IngestApi api, UUID uploadId, UploadSource source, PartPlan plan,
            ProgressMeter progress, Backoff backoff, int parallel, int stopAfterParts) {
        this.http = http;
        this.api = api;
        this.uploadId = uploadId;
        this.source = source;
        this.plan = plan;
        this.progress = progress;
        this.backoff = backoff;
        this.parallel = parallel;
        this.stopAfterParts = stopAfterParts;
    }

    void addUrls(JsonNode partUrls) {
        for (JsonNode url : partUrls) {
            urls.put(url.path("partNumber").asInt(), new PartUrl(url.path("url").asText(),
                    Instant.parse(url.path("expiresAt").asText())));
        }
    }

    /**
     * Sends {@code parts} with {@link #parallel} PUTs in flight. Returns STOPPED when {@code stopAfterParts} parts
     * were recorded in this run (a hook for tests and benchmarks of resumption); throws the first failure.
     */
    Outcome send(List<PartPlan.Part> parts) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallel), runnable -> {
            Thread thread = new Thread(runnable, "aqqua-upload-part");
            thread.setDaemon(true);
            return thread;
        });
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger recorded = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        try {
            List<Future<?>> futures = parts.stream().<Future<?>>map(part -> pool.submit(() -> {
                if (stop.get()) {
                    return;
                }
                try {
                    sendPart(part);
                    if (stopAfterParts > 0 && recorded.incrementAndGet() >= stopAfterParts) {
                        stop.set(true);
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                    stop.set(true);
                }
            })).toList();
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failure.compareAndSet(null, new IllegalStateException(e.getCause()));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return stop.get() ? Outcome.STOPPED : Outcome.COMPLETE;
    }

    private void sendPart(PartPlan.Part part) {
        String failure = null;
        for (int attempt = 1; attempt <= backoff.attempts(); attempt++) {
            if (attempt > 1) {
                try {
                    backoff.sleep(attempt - 1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CliException(ExitCodes.INCOMPLETE, "Interrupted while sending part " + part.number());
                }
            }
            long[] counted = {0};
            try {
                PartUrl url = urlFor(part.number(), attempt > 1 && failure != null && failure.startsWith("HTTP 403"));
                HttpRequest request = HttpRequest.newBuilder(URI.create(url.url()))
                        .timeout(Duration.ofSeconds(120 + part.length() / (256 * 1024)))
                        .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() ->
                                counting(part, counted)), part.length()))
                        .build();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    String etag = response.headers().firstValue("ETag").orElseThrow(() ->
                            new IOException("S3 answered part " + part.number() + " without an ETag"));
                    api.recordPart(uploadId, part.number(), etag);
                    counted[0] = 0; // sent and recorded: its bytes stay counted
                    return;
                }
                failure = "HTTP " + response.statusCode() + " " + abbreviate(response.body());
            } catch (IOException | java.io.UncheckedIOException e) {
                if (e.getMessage() != null && e.getMessage().contains("changed")) {
                    throw new CliException(ExitCodes.LOCAL_FILE, e.getMessage(), e);
                }
                failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException(ExitCodes.INCOMPLETE, "Interrupted while sending part " + part.number());
            } finally {
                progress.add(-counted[0]);
            }
        }
        throw new CliException(ExitCodes.TRANSFER_FAILED, "Part " + part.number() + " could not be sent after "
                + backoff.attempts() + " attempts (" + failure + "); run the same command again to resume");
    }

    private InputStream counting(PartPlan.Part part, long[] counted) {
        InputStream in;
        try {
            in = source.open(part.offset(), part.length());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new FilterInputStream(in) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    counted[0] += n;
                    progress.add(n);
                }
                return n;
            }
        };
    }

    private PartUrl urlFor(int part, boolean renew) {
        PartUrl url = urls.get(part);
        if (renew || url == null || url.expiresAt().minus(URL_MARGIN).isBefore(Instant.now())) {
            synchronized (this) {
                url = urls.get(part);
                if (renew || url == null || url.expiresAt().minus(URL_MARGIN).isBefore(Instant.now())) {
                    addUrls(api.upload(uploadId, part).path("partUrls"));
                    url = urls.get(part);
                }
            }
        }
        if (url == null) {
            throw new CliException(ExitCodes.REFUSED, "The service gave no URL for part " + part);
        }
        return url;
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }
}
