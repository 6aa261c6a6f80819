package org.aqqua.catalog.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;

/** NDJSON lines of the internal registration API: a valid image with any field overridden or removed. */
public final class ImageLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ImageLines() {
    }

    public static String sha(int n) {
        return String.format("%064x", n);
    }

    /** A valid image {@code n}; an override with a null value removes the field. */
    public static String line(int n, Map<String, Object> overrides) {
        Map<String, Object> image = new HashMap<>();
        image.put("objectId", "obj-" + n);
        image.put("sha256", sha(n));
        image.put("storageKey", "sha256/" + sha(n).substring(0, 2) + "/" + sha(n));
        image.put("bytes", 10_000 + n);
        image.put("width", 120);
        image.put("height", 80);
        image.put("format", "png");
        image.put("pixelSizeUm", 73.0);
        image.put("latitude", 43.68);
        image.put("longitude", 7.31);
        image.put("depthMin", 5.0);
        image.put("depthMax", 10.0);
        image.put("observedAt", "2021-06-0" + (1 + n % 9) + "T10:15:00Z");
        image.put("instrument", "UVP6");
        image.put("label", n % 3 == 0 ? null : "Copepoda");
        image.put("labelStatus", n % 3 == 0 ? null : "validated");
        image.put("traits", Map.of("eggs", n % 2 == 0));
        image.put("raw", Map.of("object_area", 123 + n, "comment", "tab\there\nnewline \\ backslash"));
        overrides.forEach((key, value) -> {
            if (value == null) {
                image.remove(key);
            } else {
                image.put(key, value);
            }
        });
        try {
            return JSON.writeValueAsString(image);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String line(int n) {
        return line(n, Map.of());
    }

    public static String lines(int from, int to) {
        StringBuilder body = new StringBuilder();
        for (int n = from; n <= to; n++) {
            body.append(line(n)).append('\n');
        }
        return body.toString();
    }
}
