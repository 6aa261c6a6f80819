package org.aqqua.catalog.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.aqqua.runtime.problem.FieldError;
import org.junit.jupiter.api.Test;

class ImageRecordRulesTest {

    private static ImageRecord valid() {
        return new ImageRecord("obj-1", "a".repeat(64), "sha256/aa/" + "a".repeat(64), 100L, 10, 10, "png", 73.0,
                43.68, 7.31, 5.0, 10.0, null, Instant.parse("2021-06-01T10:00:00Z"), "UVP6", null, null, null, null,
                null);
    }

    @Test
    void aValidRecordPasses() {
        List<FieldError> errors = new ArrayList<>();
        assertThat(ImageRecordRules.check(valid(), 1, errors)).isTrue();
        assertThat(errors).isEmpty();
    }

    @Test
    void everyBrokenRuleIsNamedWithLineFieldAndValue() {
        ImageRecord r = valid();
        ImageRecord broken = new ImageRecord(" ", "A".repeat(64), r.storageKey(), 0L, 10, null, "png", -1.0, 90.5,
                -181.0, null, null, null, null, "UVP6", null, null, null, null, null);
        List<FieldError> errors = new ArrayList<>();
        assertThat(ImageRecordRules.check(broken, 7, errors)).isFalse();
        assertThat(errors).extracting(FieldError::field).containsExactly("objectId", "sha256", "bytes", "height",
                "pixelSizeUm", "latitude", "longitude", "depthOrAltitude", "observedAt");
        assertThat(errors).allSatisfy(e -> assertThat(e.row()).isEqualTo(7));
        assertThat(errors.get(5)).isEqualTo(FieldError.atRow(7, "latitude", 90.5, "must be between -90 and 90"));
    }

    @Test
    void lakesGiveAltitudeAndDepthRangesAreOrdered() {
        ImageRecord r = valid();
        ImageRecord lake = new ImageRecord(r.objectId(), r.sha256(), r.storageKey(), r.bytes(), r.width(),
                r.height(), r.format(), r.pixelSizeUm(), 46.5, 6.6, null, null, 372.0, r.observedAt(), r.instrument(),
                null, null, null, null, null);
        assertThat(ImageRecordRules.check(lake, 1, new ArrayList<>())).isTrue();
        ImageRecord upsideDown = new ImageRecord(r.objectId(), r.sha256(), r.storageKey(), r.bytes(), r.width(),
                r.height(), r.format(), r.pixelSizeUm(), r.latitude(), r.longitude(), 50.0, 10.0, null,
                r.observedAt(), r.instrument(), null, null, null, null, null);
        List<FieldError> errors = new ArrayList<>();
        assertThat(ImageRecordRules.check(upsideDown, 2, errors)).isFalse();
        assertThat(errors).containsExactly(FieldError.atRow(2, "depthMax", 10.0, "must not be above depthMin (50.0)"));
    }

    @Test
    void infiniteAndNotANumberValuesAreRefused() {
        ImageRecord r = valid();
        double inf = Double.POSITIVE_INFINITY;
        ImageRecord infinite = new ImageRecord(r.objectId(), r.sha256(), r.storageKey(), r.bytes(), r.width(),
                r.height(), r.format(), inf, Double.NaN, -inf, inf, inf, Double.NaN, r.observedAt(), r.instrument(),
                null, null, null, null, null);
        List<FieldError> errors = new ArrayList<>();
        assertThat(ImageRecordRules.check(infinite, 9, errors)).isFalse();
        assertThat(errors).extracting(FieldError::field).containsExactly("pixelSizeUm", "latitude", "longitude",
                "depthMin", "depthMax", "altitude");
        assertThat(errors.get(0).message()).isEqualTo("must be a finite number greater than 0");
    }

    @Test
    void observedAtMustFallWithinTheYearsOneTo9999() {
        assertThat(errorsObservedAt("0001-01-01T00:00:00Z")).isEmpty();
        assertThat(errorsObservedAt("9999-12-31T23:59:59.999999Z")).isEmpty();
        assertThat(errorsObservedAt("0000-12-31T23:59:59Z")).containsExactly(FieldError.atRow(1, "observedAt",
                Instant.parse("0000-12-31T23:59:59Z"), "must be within the years 1 to 9999"));
        assertThat(errorsObservedAt("+10000-01-01T00:00:00Z")).extracting(FieldError::field)
                .containsExactly("observedAt");
    }

    @Test
    void theNulCharacterIsNamedWhereverItIs() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ImageRecord r = valid();
        ImageRecord withNul = new ImageRecord("obj\u00001", r.sha256(), r.storageKey(), r.bytes(), r.width(),
                r.height(), r.format(), r.pixelSizeUm(), r.latitude(), r.longitude(), r.depthMin(), r.depthMax(), null,
                r.observedAt(), r.instrument(), null, "Cope\0poda", null, json.readTree("{\"a\\u0000\": 1}"),
                json.readTree("{\"cells\": [\"fine\", \"bro\\u0000ken\"]}"));
        List<FieldError> errors = new ArrayList<>();
        assertThat(ImageRecordRules.checkNul(withNul, 3, errors)).isFalse();
        assertThat(errors).extracting(FieldError::field, FieldError::value)
                .containsExactly(tuple("objectId", "obj\\u00001"),
                        tuple("label", "Cope\\u0000poda"),
                        tuple("traits", "a\\u0000"),
                        tuple("raw.cells[1]", "bro\\u0000ken"));
        assertThat(ImageRecordRules.checkNul(valid(), 4, errors)).isTrue();
        // Only lines whose JSON text writes the character (or its six letters) are walked.
        assertThat(ImageRecordRules.mayHoldNul("{\"objectId\": \"obj-1\"}")).isFalse();
        assertThat(ImageRecordRules.mayHoldNul("{\"objectId\": \"obj\\u00001\"}")).isTrue();
    }

    private static List<FieldError> errorsObservedAt(String instant) {
        ImageRecord r = valid();
        ImageRecord record = new ImageRecord(r.objectId(), r.sha256(), r.storageKey(), r.bytes(), r.width(),
                r.height(), r.format(), r.pixelSizeUm(), r.latitude(), r.longitude(), r.depthMin(), r.depthMax(), null,
                Instant.parse(instant), r.instrument(), null, null, null, null, null);
        List<FieldError> errors = new ArrayList<>();
        ImageRecordRules.check(record, 1, errors);
        return errors;
    }
}
