package org.aqqua.storage;

import io.minio.Signer;
import io.minio.Xml;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.InvalidResponseException;
import io.minio.http.HttpUtils;
import io.minio.messages.ErrorResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
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
 * expressions even when tracing is off. bench/s3-put measures the difference.
 */
public final class PrehashedPuts {

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.US)
            .withZone(ZoneOffset.UTC);
    /**
     * Object keys this class signs as they are: segments of characters that URL paths and SigV4 leave unescaped,
     * none of them {@code .} or {@code ..} (which URL handling would resolve away).
     */
    private static final String SEGMENT = "(?!\\.\\.?(?:/|$))[A-Za-z0-9._~-]+";
    private static final Pattern PLAIN_KEY = Pattern.compile(SEGMENT + "(?:/" + SEGMENT + ")*");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final OkHttpClient http;
    private final HttpUrl endpoint;
    private final String region;
    private final String accessKey;
    private final String secretKey;

    public PrehashedPuts(OkHttpClient http, String endpoint, String region, String accessKey, String secretKey) {
        this.http = http;
        this.endpoint = HttpUrl.get(endpoint);
        this.region = region;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /**
     * Stores {@code content} under {@code bucket/key}. Completes when S3 has stored it; fails with the SDK's
     * {@link ErrorResponseException} when S3 refuses (e.g. {@code XAmzContentSHA256Mismatch} when the bytes do not
     * hash to {@code sha256}), or with an {@link IOException} when it cannot be reached.
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
        HttpUrl url = endpoint.newBuilder().addPathSegment(bucket).addPathSegments(key).build();
        Request request;
        try {
            request = Signer.signV4S3(new Request.Builder().url(url)
                    .header("Host", HttpUtils.getHostHeader(url))
                    .header("Content-Type", contentType)
                    .header("x-amz-date", AMZ_DATE.format(Instant.now()))
                    .header("x-amz-content-sha256", sha256)
                    .put(RequestBody.create(content, MediaType.get(contentType)))
                    .build(), region, accessKey, secretKey, sha256);
        } catch (Exception e) { // the JDK lacks HmacSHA256: not a condition to recover from
            throw new IllegalStateException("Cannot sign an S3 request", e);
        }
        CompletableFuture<Void> stored = new CompletableFuture<>();
        http.newCall(request).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                stored.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call call, Response response) {
                try (response) {
                    if (response.isSuccessful()) {
                        stored.complete(null);
                    } else {
                        stored.completeExceptionally(refusal(response));
                    }
                } catch (Exception e) {
                    stored.completeExceptionally(e);
                }
            }
        });
        return stored;
    }

    /** S3's error document as the SDK's exception, so callers handle it as they handle the SDK's own. */
    private static Exception refusal(Response response) throws IOException {
        String body = response.body().string();
        String contentType = response.header("Content-Type");
        String request = response.request().method() + " " + response.request().url().encodedPath();
        String excerpt = body.substring(0, Math.min(body.length(), 1024));
        if (contentType == null || !contentType.contains("xml") || body.isEmpty()) {
            return new InvalidResponseException(response.code(), contentType, excerpt, request);
        }
        try {
            return new ErrorResponseException(Xml.unmarshal(ErrorResponse.class, body), response, request);
        } catch (Exception unreadable) {
            return new InvalidResponseException(response.code(), contentType, excerpt, request + ": " + unreadable);
        }
    }
}
