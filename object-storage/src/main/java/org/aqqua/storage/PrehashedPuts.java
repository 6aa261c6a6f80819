package org.aqqua.storage;

import io.minio.Signer;
import io.minio.Xml;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.InvalidResponseException;
import io.minio.http.HttpUtils;
import io.minio.messages.ErrorResponse;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * PUTs of small objects whose SHA-256 the caller already knows, such as content-addressed images: the request is
 * signed (AWS Signature V4, by the MinIO SDK's {@link Signer}) with that hash as its payload hash, so the S3
 * server checks that the bytes it stores hash to it, and nothing here hashes the bytes again.
 *
 * <p>The SDK's own {@code putObject} does per object what a service storing thousands of small images a second
 * pays for many times over: it copies the stream into a part buffer while hashing it (SHA-256, which the caller
 * already has), builds its argument objects by reflection, and formats a trace of every request with two regular
 * expressions even when tracing is off. And its HTTP client, OkHttp, runs every request in flight on a thread of its
 * own, blocked on its socket: dozens of threads handing off to each other for every image. These PUTs go out
 * instead on Vert.x's event loops, a few threads for all connections. bench/s3-put measures the difference.
 *
 * <p>The returned futures complete on an event-loop thread: what depends on them must not block there (hand it to
 * an executor of its own).
 */
public final class PrehashedPuts implements AutoCloseable {

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.US)
            .withZone(ZoneOffset.UTC);
    /**
     * Object keys this class signs as they are: segments of characters that URL paths and SigV4 leave unescaped,
     * none of them {@code .} or {@code ..} (which URL handling would resolve away).
     */
    private static final String SEGMENT = "(?!\\.\\.?(?:/|$))[A-Za-z0-9._~-]+";
    private static final Pattern PLAIN_KEY = Pattern.compile(SEGMENT + "(?:/" + SEGMENT + ")*");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    /**
     * Idle connections are closed after this long, before servers with the common 30 s idle timeout (Jetty's, which
     * s3proxy runs on) close theirs, so that a PUT rarely meets a connection the server is closing.
     */
    private static final int KEEP_ALIVE_SECONDS = 20;
    /** Longest silence within one PUT before it is given up. */
    private static final Duration REQUEST_IDLE = Duration.ofMinutes(5);

    private final HttpClient http;
    private final HttpUrl endpoint;
    private final String region;
    private final String accessKey;
    private final String secretKey;
    /** The endpoint's Host header, the same for every PUT (working it out validates the host each time). */
    private final String hostHeader;

    /**
     * @param maxConnections connections to the S3 server at most; PUTs beyond wait for one
     */
    public PrehashedPuts(Vertx vertx, String endpoint, String region, String accessKey, String secretKey,
            int maxConnections, Duration connectTimeout) {
        this.endpoint = HttpUrl.get(endpoint);
        this.region = region;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.hostHeader = HttpUtils.getHostHeader(this.endpoint);
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setName("s3-prehashed-puts")
                .setDefaultHost(this.endpoint.host())
                .setDefaultPort(this.endpoint.port())
                .setSsl(this.endpoint.isHttps())
                .setTcpNoDelay(true)
                .setKeepAlive(true)
                .setKeepAliveTimeout(KEEP_ALIVE_SECONDS)
                .setConnectTimeout((int) connectTimeout.toMillis()),
                new PoolOptions().setHttp1MaxSize(maxConnections));
    }

    /**
     * Stores {@code content} under {@code bucket/key}. Completes when S3 has stored it; fails with the SDK's
     * {@link ErrorResponseException} when S3 refuses (e.g. {@code XAmzContentSHA256Mismatch} when the bytes do not
     * hash to {@code sha256}), or with an exception of Vert.x or the JDK when it cannot be reached.
     *
     * @param key path segments of letters, digits and {@code . _ ~ -}, separated by {@code /}
     * @param sha256 the SHA-256 of {@code content}, 64 lower-case hex digits
     */
    public CompletableFuture<Void> put(String bucket, String key, byte[] content, String sha256, String contentType) {
        if (!PLAIN_KEY.matcher(bucket).matches() || !PLAIN_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a plain bucket and key: " + bucket + "/" + key);
        }
        if (!SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("Not a SHA-256 in lower-case hex: " + sha256);
        }
        Request signed = signed(endpoint.newBuilder().addPathSegment(bucket).addPathSegments(key).build(), content,
                sha256, contentType);
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.PUT).setURI(signed.url().encodedPath())
                .setIdleTimeout(REQUEST_IDLE.toMillis());
        signed.headers().forEach(header -> request.putHeader(header.getFirst(), header.getSecond()));
        Buffer body = Buffer.buffer(content);
        return send(request, body)
                // A kept-alive connection the server closed just as the PUT went out: the PUT is idempotent.
                .recover(failed -> failed instanceof HttpClosedException ? send(request, body)
                        : Future.failedFuture(failed))
                .compose(response -> outcome(response, signed))
                .toCompletionStage().toCompletableFuture();
    }

    /** Stops the HTTP client; PUTs still in flight fail. */
    @Override
    public void close() {
        http.close();
    }

    private Future<HttpClientResponse> send(RequestOptions request, Buffer body) {
        return http.request(request).compose(sending -> sending.send(body));
    }

    /**
     * The request as the SDK's signer signs it: its headers are what is sent. The signer never reads the body (the
     * payload hash is given), which is why it can stay an OkHttp request.
     */
    private Request signed(HttpUrl url, byte[] content, String sha256, String contentType) {
        try {
            return Signer.signV4S3(new Request.Builder().url(url)
                    .header("Host", hostHeader)
                    .header("Content-Type", contentType)
                    .header("x-amz-date", AMZ_DATE.format(Instant.now()))
                    .header("x-amz-content-sha256", sha256)
                    .put(RequestBody.create(content, MediaType.get(contentType)))
                    .build(), region, accessKey, secretKey, sha256);
        } catch (Exception e) { // the JDK lacks HmacSHA256: not a condition to recover from
            throw new IllegalStateException("Cannot sign an S3 request", e);
        }
    }

    private static Future<Void> outcome(HttpClientResponse response, Request signed) {
        if (response.statusCode() / 100 == 2) {
            return response.end();
        }
        return response.body().compose(body -> Future.failedFuture(refusal(response, body.toString(), signed)));
    }

    /** S3's error document as the SDK's exception, so callers handle it as they handle the SDK's own. */
    private static Exception refusal(HttpClientResponse received, String body, Request signed) {
        String contentType = received.getHeader("Content-Type");
        String request = "PUT " + signed.url().encodedPath();
        String excerpt = body.substring(0, Math.min(body.length(), 1024));
        if (contentType == null || !contentType.contains("xml") || body.isEmpty()) {
            return new InvalidResponseException(received.statusCode(), contentType, excerpt, request);
        }
        try {
            // The SDK's exception carries the response as OkHttp's: rebuilt from Vert.x's.
            Response.Builder response = new Response.Builder().request(signed).protocol(Protocol.HTTP_1_1)
                    .code(received.statusCode()).message(String.valueOf(received.statusMessage()));
            received.headers().forEach(header -> response.addHeader(header.getKey(), header.getValue()));
            return new ErrorResponseException(Xml.unmarshal(ErrorResponse.class, body), response.build(), request);
        } catch (Exception unreadable) {
            return new InvalidResponseException(received.statusCode(), contentType, excerpt,
                    request + ": " + unreadable);
        }
    }
}
