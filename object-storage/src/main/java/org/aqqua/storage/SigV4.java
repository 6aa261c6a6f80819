package org.aqqua.storage;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 of S3 requests whose payload hash is known, for {@link PrehashedPuts}. The MinIO SDK's
 * signer derives the day's signing key anew for every request (four HMACs, each looking its algorithm up in the
 * security providers) and parses the request's date back from its header; for thousands of small PUTs a second
 * that was a quarter of ingest-service's CPU. Here the key is derived once a day and each request costs one
 * SHA-256 and one HMAC. {@code SigV4Test} checks it against the SDK's signer, header for header.
 */
final class SigV4 {

    static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.US)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.US)
            .withZone(ZoneOffset.UTC);
    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final HexFormat HEX = HexFormat.of();
    /** Looking an algorithm up in the security providers costs more than using it on a few hundred bytes. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks SHA-256", e);
        }
    });
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks HmacSHA256", e);
        }
    });

    private final String accessKey;
    private final String secretKey;
    private final String region;
    private volatile DayKey dayKey;

    /** The signing key of one day (UTC), with that day's credential scope. */
    private record DayKey(String day, String scope, byte[] key) {
    }

    SigV4(String accessKey, String secretKey, String region) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.region = region;
    }

    /**
     * The {@code Authorization} header of a request made at {@code at}.
     *
     * @param encodedPath the request's path as sent, already URI-encoded as SigV4 wants it
     * @param headers every header to sign, by lower-case name (sorted), {@code x-amz-date} of {@code at} among them
     * @param payloadSha256 the {@code x-amz-content-sha256} value
     */
    String authorization(String method, String encodedPath, SortedMap<String, String> headers, String payloadSha256,
            Instant at) {
        StringBuilder canonical = new StringBuilder(256).append(method).append('\n').append(encodedPath)
                .append("\n\n"); // no query string
        StringBuilder signedHeaders = new StringBuilder(64);
        for (Map.Entry<String, String> header : headers.entrySet()) {
            canonical.append(header.getKey()).append(':').append(header.getValue().strip()).append('\n');
            if (!signedHeaders.isEmpty()) {
                signedHeaders.append(';');
            }
            signedHeaders.append(header.getKey());
        }
        canonical.append('\n').append(signedHeaders).append('\n').append(payloadSha256);

        DayKey key = keyOf(at);
        String stringToSign = ALGORITHM + '\n' + AMZ_DATE.format(at) + '\n' + key.scope() + '\n'
                + HEX.formatHex(sha256(canonical.toString()));
        return ALGORITHM + " Credential=" + accessKey + '/' + key.scope() + ", SignedHeaders=" + signedHeaders
                + ", Signature=" + HEX.formatHex(hmac(key.key(), stringToSign));
    }

    private DayKey keyOf(Instant at) {
        String day = DAY.format(at);
        DayKey current = dayKey;
        if (current == null || !current.day().equals(day)) {
            byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), day);
            key = hmac(key, region);
            key = hmac(key, "s3");
            key = hmac(key, "aws4_request");
            current = new DayKey(day, day + '/' + region + "/s3/aws4_request", key);
            dayKey = current;
        }
        return current;
    }

    private static byte[] sha256(String text) {
        return SHA256.get().digest(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, String data) {
        Mac mac = HMAC.get();
        try {
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("An HMAC key was refused", e);
        }
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }
}
