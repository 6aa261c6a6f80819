package org.aqqua.metadata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AqQua's minimum for every image (../shared/DOMAIN.md): its scale, where and when it was taken, and by which
 * device. Checked after a format reader has done its own parsing, on the values it produced, with what the
 * dataset says filling in what the row leaves out (a ZooScan project states its instrument once, not per row).
 */
public final class AqquaMinimum {

    /** What the dataset declares for all its images; either may be {@code null}. */
    public record DatasetDefaults(Double pixelSizeUm, Instrument instrument, String instrumentName) {

        String instrumentLabel() {
            if (instrument == null) {
                return null;
            }
            return instrument == Instrument.OTHER && instrumentName != null ? instrumentName : instrument.label();
        }
    }

    /** Column naming the provider's object id in every format AqQua reads. */
    public static final String OBJECT_ID = "object_id";
    static final int MAX_ID_LENGTH = 500;
    static final int MAX_LABEL_LENGTH = 1000;
    static final int MAX_INSTRUMENT_LENGTH = 200;
    /** The years the catalog's database and ISO 8601's four-digit years both hold: 1 to 9999. */
    static final Instant FIRST_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LAST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999Z");

    private AqquaMinimum() {
    }

    /**
     * The row with the dataset's pixel size and instrument where the row has none. A row's instrument that is
     * not one of EcoTaxa's devices (ZooScan tables say {@code epson}, the scanner) yields to the dataset's.
     */
    public static SourceRow withDefaults(SourceRow row, DatasetDefaults defaults) {
        Double pixelSize = row.pixelSizeUm() != null ? row.pixelSizeUm() : defaults.pixelSizeUm();
        String instrument = Optional.ofNullable(row.instrument()).flatMap(Instrument::find).map(Instrument::label)
                .orElse(defaults.instrumentLabel());
        if (instrument == null) {
            instrument = row.instrument();
        }
        return new SourceRow(row.file(), row.line(), row.objectId(), row.imagePath(), row.latitude(),
                row.longitude(), row.depthMin(), row.depthMax(), row.altitude(), row.observedAt(), pixelSize,
                instrument, row.sampleId(), row.label(), row.labelStatus(), row.traits(), row.raw());
    }

    /** Every way the row misses the minimum, each naming the provider's column; empty when it meets it. */
    public static List<RowProblem> check(SourceRow row, SourceFields fields) {
        List<RowProblem> problems = new ArrayList<>();
        if (row.objectId() == null || row.objectId().isBlank()) {
            problems.add(missing(row, OBJECT_ID, "an object id is required"));
        }
        tooLong(row, OBJECT_ID, row.objectId(), MAX_ID_LENGTH, problems);
        tooLong(row, "sample_id", row.sampleId(), MAX_ID_LENGTH, problems);
        tooLong(row, "label", row.label(), MAX_LABEL_LENGTH, problems);
        tooLong(row, fields.instrument(), row.instrument(), MAX_INSTRUMENT_LENGTH, problems);
        if (row.pixelSizeUm() == null) {
            problems.add(missing(row, fields.pixelSize(), "a pixel size (µm per pixel) is required, in the row or "
                    + "as the dataset's default pixel size"));
        } else if (!(row.pixelSizeUm() > 0) || row.pixelSizeUm().isInfinite()) {
            problems.add(invalid(row, fields.pixelSize(), row.pixelSizeUm(), "pixel size must be greater than 0"));
        }
        if (row.latitude() == null) {
            problems.add(missing(row, fields.latitude(), "a latitude is required"));
        } else if (!(row.latitude() >= -90 && row.latitude() <= 90)) {
            problems.add(invalid(row, fields.latitude(), row.latitude(), "latitude must be within -90..90"));
        }
        if (row.longitude() == null) {
            problems.add(missing(row, fields.longitude(), "a longitude is required"));
        } else if (!(row.longitude() >= -180 && row.longitude() <= 180)) {
            problems.add(invalid(row, fields.longitude(), row.longitude(), "longitude must be within -180..180"));
        }
        checkVertical(row, fields, problems);
        if (row.observedAt() == null) {
            problems.add(missing(row, fields.observedAt(), "a full date and time (UTC) is required"));
        } else if (row.observedAt().isBefore(FIRST_INSTANT) || row.observedAt().isAfter(LAST_INSTANT)) {
            problems.add(RowProblem.ofField(row.file(), row.line(), fields.observedAt(), row.observedAt().toString(),
                    "the date must be within the years 1 to 9999"));
        }
        checkNul(row, problems);
        if (row.instrument() == null || row.instrument().isBlank()) {
            problems.add(missing(row, fields.instrument(), "an imaging device is required, in the row or as the "
                    + "dataset's instrument"));
        }
        return problems;
    }

    /**
     * A cell holding the NUL character (a byte 0x00 in the file, e.g. from a damaged export): the database cannot
     * store it, so the row is refused here, naming the column, instead of failing the whole registration.
     */
    private static void checkNul(SourceRow row, List<RowProblem> problems) {
        if (row.raw() == null) {
            return;
        }
        for (Map.Entry<String, String> cell : row.raw().entrySet()) {
            if (cell.getKey().indexOf('\0') >= 0) {
                problems.add(RowProblem.ofField(row.file(), row.line(), cell.getKey(), null,
                        "the column's name contains the NUL character (byte 0x00); remove it from the file"));
            } else if (cell.getValue() != null && cell.getValue().indexOf('\0') >= 0) {
                problems.add(RowProblem.ofField(row.file(), row.line(), cell.getKey(), excerpt(cell.getValue()),
                        "contains the NUL character (byte 0x00), which cannot be stored; remove it from the file"));
            }
        }
    }

    private static void checkVertical(SourceRow row, SourceFields fields, List<RowProblem> problems) {
        // EcoTaxa reads "inf" and "nan" as numbers; neither is a depth or an altitude.
        if (row.altitude() != null && !Double.isFinite(row.altitude())) {
            problems.add(invalid(row, fields.altitude(), row.altitude(), "altitude must be a finite number of metres"));
        }
        if (row.depthMin() == null) {
            if (row.depthMax() != null) {
                problems.add(missing(row, fields.depth(), "a minimum depth is required with a maximum depth"));
            } else if (row.altitude() == null) {
                problems.add(missing(row, fields.depth(), "a depth in metres (or an altitude for lakes) is required"));
            }
            return;
        }
        if (!(row.depthMin() >= 0) || row.depthMin().isInfinite()) {
            problems.add(invalid(row, fields.depth(), row.depthMin(), "depth must be 0 or more metres"));
        }
        if (row.depthMax() != null && !Double.isFinite(row.depthMax())) {
            problems.add(invalid(row, fields.depth(), row.depthMax(), "the maximum depth must be a finite number of "
                    + "metres"));
        } else if (row.depthMax() != null && row.depthMax() < row.depthMin()) {
            problems.add(invalid(row, fields.depth(), row.depthMax(),
                    "the maximum depth must not be less than the minimum depth " + row.depthMin()));
        }
    }

    private static void tooLong(SourceRow row, String field, String value, int max, List<RowProblem> problems) {
        if (value != null && value.length() > max) {
            problems.add(RowProblem.ofField(row.file(), row.line(), field, excerpt(value),
                    "must be at most " + max + " characters"));
        }
    }

    /** A cell as a problem quotes it: its first 40 characters, enough for the provider to find it. */
    private static String excerpt(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    private static RowProblem missing(SourceRow row, String field, String reason) {
        return RowProblem.ofField(row.file(), row.line(), field, null, reason);
    }

    private static RowProblem invalid(SourceRow row, String field, Double value, String reason) {
        return RowProblem.ofField(row.file(), row.line(), field, plain(value), reason);
    }

    private static String plain(Double value) {
        return value == Math.rint(value) && !value.isInfinite() ? String.valueOf(value.longValue()) : value.toString();
    }
}
