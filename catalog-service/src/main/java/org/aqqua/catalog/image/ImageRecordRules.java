package org.aqqua.catalog.image;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.aqqua.runtime.problem.FieldError;

/**
 * AqQua's minimum for every registered image, checked by hand rather than by reflection: it runs once per row of
 * registrations of millions of rows. Each broken rule adds an error naming the line, the field and the value.
 */
final class ImageRecordRules {

    /** The years PostgreSQL's timestamptz and ISO 8601's four-digit years both hold: 1 to 9999. */
    private static final Instant FIRST_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999Z");
    /** How NUL is written in JSON text: the only way it can reach a record (JSON refuses it unescaped). */
    private static final String JSON_NUL = "\\u0000";

    private ImageRecordRules() {
    }

    /**
     * Whether {@code json}, the text a record was read from, may hold the NUL character: PostgreSQL's text and
     * jsonb cannot store it. A cheap test for every line; only lines it is true for need {@link #checkNul}.
     */
    static boolean mayHoldNul(String json) {
        return json.contains(JSON_NUL);
    }

    /** Adds an error for every text field, and each of traits and raw, holding the NUL character. */
    static boolean checkNul(ImageRecord r, long line, List<FieldError> errors) {
        int before = errors.size();
        nul(r.objectId(), "objectId", line, errors);
        nul(r.storageKey(), "storageKey", line, errors);
        nul(r.format(), "format", line, errors);
        nul(r.instrument(), "instrument", line, errors);
        nul(r.sampleId(), "sampleId", line, errors);
        nul(r.label(), "label", line, errors);
        nul(r.traits(), "traits", line, errors);
        nul(r.raw(), "raw", line, errors);
        return errors.size() == before;
    }

    /** Adds the record's errors to {@code errors}; returns whether it had none. */
    static boolean check(ImageRecord r, long line, List<FieldError> errors) {
        int before = errors.size();
        text(r.objectId(), "objectId", 500, line, errors);
        if (r.sha256() == null || !isSha256(r.sha256())) {
            errors.add(FieldError.atRow(line, "sha256", r.sha256(), "must be 64 lower-case hex digits"));
        }
        text(r.storageKey(), "storageKey", 1000, line, errors);
        positive(r.bytes(), "bytes", line, errors);
        positive(r.width(), "width", line, errors);
        positive(r.height(), "height", line, errors);
        text(r.format(), "format", 20, line, errors);
        positive(r.pixelSizeUm(), "pixelSizeUm", line, errors);
        range(r.latitude(), "latitude", -90, 90, line, errors);
        range(r.longitude(), "longitude", -180, 180, line, errors);
        if (r.depthMin() != null && !(r.depthMin() >= 0 && r.depthMin() < Double.POSITIVE_INFINITY)) {
            errors.add(FieldError.atRow(line, "depthMin", r.depthMin(), "must be 0 or more (metres below surface)"));
        }
        if (r.depthMax() != null && !(r.depthMax() >= 0 && r.depthMax() < Double.POSITIVE_INFINITY)) {
            errors.add(FieldError.atRow(line, "depthMax", r.depthMax(), "must be 0 or more (metres below surface)"));
        }
        if (r.altitude() != null && !Double.isFinite(r.altitude())) {
            errors.add(FieldError.atRow(line, "altitude", r.altitude(), "must be a finite number of metres"));
        }
        if (r.depthMin() == null && r.altitude() == null) {
            errors.add(FieldError.atRow(line, "depthOrAltitude", null, "give depthMin (water) or altitude (lakes)"));
        }
        if (r.depthMin() != null && r.depthMax() != null && r.depthMax() < r.depthMin()) {
            errors.add(FieldError.atRow(line, "depthMax", r.depthMax(), "must not be above depthMin ("
                    + r.depthMin() + ")"));
        }
        if (r.observedAt() == null) {
            errors.add(FieldError.atRow(line, "observedAt", null, "must not be null"));
        } else if (r.observedAt().isBefore(FIRST_INSTANT) || r.observedAt().isAfter(LAST_INSTANT)) {
            errors.add(FieldError.atRow(line, "observedAt", r.observedAt(), "must be within the years 1 to 9999"));
        }
        text(r.instrument(), "instrument", 200, line, errors);
        length(r.sampleId(), "sampleId", 500, line, errors);
        length(r.label(), "label", 1000, line, errors);
        return errors.size() == before;
    }

    private static boolean isSha256(String value) {
        if (value.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static void text(String value, String field, int max, long line, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.atRow(line, field, value, "must not be blank"));
        } else {
            length(value, field, max, line, errors);
        }
    }

    private static void length(String value, String field, int max, long line, List<FieldError> errors) {
        if (value != null && value.length() > max) {
            errors.add(FieldError.atRow(line, field, value.substring(0, 40) + "…", "must be at most " + max
                    + " characters"));
        }
    }

    private static void positive(Number value, String field, long line, List<FieldError> errors) {
        if (value == null || !(value.doubleValue() > 0 && value.doubleValue() < Double.POSITIVE_INFINITY)) {
            errors.add(FieldError.atRow(line, field, value, value == null ? "must not be null"
                    : "must be a finite number greater than 0"));
        }
    }

    private static void range(Double value, String field, double min, double max, long line,
            List<FieldError> errors) {
        if (value == null) {
            errors.add(FieldError.atRow(line, field, null, "must not be null"));
        } else if (!(value >= min && value <= max)) {
            errors.add(FieldError.atRow(line, field, value, "must be between " + (int) min + " and " + (int) max));
        }
    }

    private static void nul(String value, String field, long line, List<FieldError> errors) {
        if (value != null && value.indexOf('\0') >= 0) {
            errors.add(FieldError.atRow(line, field, shown(value), "must not contain the NUL character (U+0000)"));
        }
    }

    /** The first NUL in a JSON tree, in a member's name (reported as the tree's) or in a text value. */
    private static void nul(JsonNode tree, String field, long line, List<FieldError> errors) {
        if (tree == null) {
            return;
        }
        if (tree.isTextual()) {
            nul(tree.textValue(), field, line, errors);
            return;
        }
        int before = errors.size();
        if (tree.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> members = tree.fields(); members.hasNext()
                    && errors.size() == before;) {
                Map.Entry<String, JsonNode> member = members.next();
                if (member.getKey().indexOf('\0') >= 0) {
                    errors.add(FieldError.atRow(line, field, shown(member.getKey()),
                            "names must not contain the NUL character (U+0000)"));
                } else {
                    nul(member.getValue(), field + "." + member.getKey(), line, errors);
                }
            }
        } else if (tree.isArray()) {
            for (int i = 0; i < tree.size() && errors.size() == before; i++) {
                nul(tree.get(i), field + "[" + i + "]", line, errors);
            }
        }
    }

    /** The value as a report can show it: NUL written as JSON writes it, and long text cut. */
    private static String shown(String value) {
        String visible = value.replace("\0", JSON_NUL);
        return visible.length() > 60 ? visible.substring(0, 60) + "…" : visible;
    }
}
