package org.aqqua.catalog.image;

import java.util.List;
import org.aqqua.runtime.problem.FieldError;

/**
 * AqQua's minimum for every registered image, checked by hand rather than by reflection: it runs once per row of
 * registrations of millions of rows. Each broken rule adds an error naming the line, the field and the value.
 */
final class ImageRecordRules {

    private ImageRecordRules() {
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
        if (r.depthMin() != null && !(r.depthMin() >= 0)) {
            errors.add(FieldError.atRow(line, "depthMin", r.depthMin(), "must be 0 or more (metres below surface)"));
        }
        if (r.depthMax() != null && !(r.depthMax() >= 0)) {
            errors.add(FieldError.atRow(line, "depthMax", r.depthMax(), "must be 0 or more (metres below surface)"));
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
        if (value == null || !(value.doubleValue() > 0)) {
            errors.add(FieldError.atRow(line, field, value, value == null ? "must not be null"
                    : "must be greater than 0"));
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
}
