package org.aqqua.upload;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A SHA-256 over the names, sizes and modification times of what is uploaded. */
final class Fingerprint {

    private final MessageDigest digest;

    Fingerprint() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Fingerprint add(Object value) {
        digest.update(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        return this;
    }

    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    static String of(Object... values) {
        Fingerprint fingerprint = new Fingerprint();
        for (Object value : values) {
            fingerprint.add(value);
        }
        return fingerprint.hex();
    }
}
