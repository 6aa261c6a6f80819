package org.aqqua.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.aqqua.metadata.AqquaMinimum.DatasetDefaults;
import org.junit.jupiter.api.Test;

/** AqQua's minimum per image, with the dataset filling in what rows leave out. */
class AqquaMinimumTest {

    static final SourceFields FIELDS = new SourceFields("img_file_name", "object_lat", "object_lon",
            "object_depth_min", "object_altitude", "object_date", "process_pixel", "acq_instrument");

    static SourceRow row(Double lat, Double lon, Double depthMin, Double depthMax, Double altitude, Instant at,
            Double pixel, String instrument) {
        return new SourceRow("ecotaxa_a.tsv", 3, "obj_1", "a.png", lat, lon, depthMin, depthMax, altitude, at, pixel,
                instrument, null, null, null, Map.of(), Map.of());
    }

    static final Instant AT = Instant.parse("2014-04-20T04:20:00Z");

    @Test
    void completeRowMeetsTheMinimum() {
        assertThat(AqquaMinimum.check(row(43.0, 7.3, 5.0, 10.0, null, AT, 10.6, "UVP6"), FIELDS)).isEmpty();
    }

    @Test
    void altitudeStandsInForDepthInLakes() {
        assertThat(AqquaMinimum.check(row(47.6, 9.4, null, null, 395.0, AT, 1.0, "FlowCam"), FIELDS)).isEmpty();
    }

    @Test
    void eachMissingOrInvalidValueIsAProblemNamingTheProvidersColumn() {
        assertThat(AqquaMinimum.check(row(null, 200.0, -1.0, null, null, null, 0.0, null), FIELDS))
                .extracting(p -> p.line() + " " + p.field() + " " + p.value())
                .containsExactlyInAnyOrder("3 process_pixel 0", "3 object_lat null", "3 object_lon 200",
                        "3 object_depth_min -1", "3 object_date null", "3 acq_instrument null");
    }

    @Test
    void aMaximumDepthAloneOrAboveTheMinimumIsAProblem() {
        assertThat(AqquaMinimum.check(row(1.0, 1.0, null, 10.0, null, AT, 1.0, "IFCB"), FIELDS))
                .extracting(RowProblem::reason).containsExactly("a minimum depth is required with a maximum depth");
        assertThat(AqquaMinimum.check(row(1.0, 1.0, 10.0, 5.0, null, AT, 1.0, "IFCB"), FIELDS))
                .extracting(RowProblem::value).containsExactly("5");
    }

    @Test
    void datasetDefaultsFillPixelSizeAndInstrumentAndReplaceScannerNames() {
        DatasetDefaults zooscan = new DatasetDefaults(10.6, Instrument.ZOOSCAN, null);
        SourceRow filled = AqquaMinimum.withDefaults(row(1.0, 1.0, 0.0, null, null, AT, null, "epson"), zooscan);
        assertThat(filled.pixelSizeUm()).isEqualTo(10.6);
        assertThat(filled.instrument()).isEqualTo("Zooscan");
        SourceRow own = AqquaMinimum.withDefaults(row(1.0, 1.0, 0.0, null, null, AT, 73.0, "uvp6"), zooscan);
        assertThat(own.pixelSizeUm()).isEqualTo(73.0);
        assertThat(own.instrument()).isEqualTo("UVP6");
        DatasetDefaults other = new DatasetDefaults(null, Instrument.OTHER, "Holocam X");
        assertThat(AqquaMinimum.withDefaults(row(1.0, 1.0, 0.0, null, null, AT, 1.0, null), other).instrument())
                .isEqualTo("Holocam X");
    }

    @Test
    void infiniteOrNotANumberDepthsAndAltitudesAreProblems() {
        double inf = Double.POSITIVE_INFINITY;
        assertThat(AqquaMinimum.check(row(1.0, 1.0, inf, null, null, AT, 1.0, "UVP6"), FIELDS))
                .extracting(p -> p.field() + " " + p.value()).containsExactly("object_depth_min Infinity");
        assertThat(AqquaMinimum.check(row(1.0, 1.0, 5.0, Double.NaN, null, AT, 1.0, "UVP6"), FIELDS))
                .extracting(RowProblem::value).containsExactly("NaN");
        assertThat(AqquaMinimum.check(row(1.0, 1.0, 5.0, inf, null, AT, 1.0, "UVP6"), FIELDS))
                .extracting(RowProblem::reason).containsExactly("the maximum depth must be a finite number of metres");
        assertThat(AqquaMinimum.check(row(47.6, 9.4, null, null, Double.NaN, AT, 1.0, "FlowCam"), FIELDS))
                .extracting(p -> p.field() + " " + p.reason())
                .containsExactly("object_altitude altitude must be a finite number of metres");
    }

    @Test
    void aDateOutsideTheYearsOneTo9999IsAProblem() {
        assertThat(AqquaMinimum.check(row(1.0, 1.0, 0.0, null, null, Instant.parse("0001-01-01T00:00:00Z"), 1.0,
                "IFCB"), FIELDS)).isEmpty();
        assertThat(AqquaMinimum.check(row(1.0, 1.0, 0.0, null, null, Instant.parse("0000-12-31T23:00:00Z"), 1.0,
                "IFCB"), FIELDS)).extracting(p -> p.field() + " " + p.value() + ": " + p.reason())
                .containsExactly("object_date 0000-12-31T23:00:00Z: the date must be within the years 1 to 9999");
        assertThat(AqquaMinimum.check(row(1.0, 1.0, 0.0, null, null, Instant.parse("+10000-01-01T00:00:00Z"), 1.0,
                "IFCB"), FIELDS)).extracting(RowProblem::field).containsExactly("object_date");
    }

    @Test
    void aNulCharacterInACellOrAColumnNameIsAProblemNamingTheColumn() {
        Map<String, String> raw = new java.util.LinkedHashMap<>();
        raw.put("object_id", "obj_1");
        raw.put("object_comment", "net \0 torn");
        raw.put("object_\0x", "1");
        SourceRow row = new SourceRow("ecotaxa_a.tsv", 4, "obj_1", "a.png", 1.0, 1.0, 0.0, null, null, AT, 1.0,
                "IFCB", null, null, null, Map.of(), raw);
        assertThat(AqquaMinimum.check(row, FIELDS)).extracting(p -> p.line() + " " + p.field() + " " + p.value())
                .containsExactly("4 object_comment net \0 torn", "4 object_\0x null");
    }
}
