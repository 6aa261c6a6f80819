package org.aqqua.catalog.image;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.aqqua.runtime.problem.FieldError;
import org.aqqua.runtime.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Opaque keyset-pagination cursors: the last image id of a page and the filters it belongs to, signed so that a
 * client can neither forge a position nor reuse a cursor with other filters. Every replica must share the key.
 */
@ApplicationScoped
public class Cursors {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int SIGNATURE_BYTES = 16;

    private final SecretKeySpec key;

    Cursors(@ConfigProperty(name = "aqqua.catalog.cursor-key") String key) {
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String encode(long lastId, String fingerprint) {
        String payload = "v1:" + lastId + ":" + digest(fingerprint);
        return ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + ENCODER.encodeToString(sign(payload));
    }

    /** The last id of the previous page; a tampered cursor or one issued for other filters is a 400. */
    public long decode(String cursor, String fingerprint) {
        try {
            String[] parts = cursor.split("\\.", -1);
            if (parts.length == 2) {
                String payload = new String(DECODER.decode(parts[0]), StandardCharsets.UTF_8);
                if (MessageDigest.isEqual(sign(payload), DECODER.decode(parts[1]))) {
                    String[] fields = payload.split(":", -1);
                    if (fields.length == 3 && fields[0].equals("v1")) {
                        if (!fields[2].equals(digest(fingerprint))) {
                            throw invalid(cursor, "belongs to a query with other filters; start again without it");
                        }
                        return Long.parseLong(fields[1]);
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            // Not base64 or not a number: tampered, answered below.
        }
        throw invalid(cursor, "is not a cursor this service issued (altered or truncated)");
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)), SIGNATURE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String digest(String fingerprint) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(fingerprint.getBytes(StandardCharsets.UTF_8));
            return ENCODER.encodeToString(Arrays.copyOf(hash, 9));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException invalid(String cursor, String why) {
        return ProblemException.badRequest("The cursor " + why + ".",
                List.of(FieldError.of("cursor", cursor, why)));
    }
}
