package org.aqqua.catalog.sample;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One sample as its images describe it: how many and how large, the box their positions span, the time from the
 * first to the last, and the depth (or altitude, in lakes) range. Ranges are null where no image gave a value.
 */
public record SampleView(String sampleId, long images, long bytes, Range latitude, Range longitude,
        TimeRange observed, Range depth, Range altitude) {

    public record Range(Double min, Double max) {
    }

    public record TimeRange(Instant first, Instant last) {
    }

    static final String COLUMNS = "sample_id, image_count, image_bytes, min_latitude, max_latitude, min_longitude, "
            + "max_longitude, first_observed, last_observed, min_depth, max_depth, min_altitude, max_altitude";

    static SampleView read(ResultSet row) throws SQLException {
        return new SampleView(row.getString(1), row.getLong(2), row.getLong(3), range(row, 4), range(row, 6),
                new TimeRange(row.getObject(8, OffsetDateTime.class).toInstant(),
                        row.getObject(9, OffsetDateTime.class).toInstant()),
                range(row, 10), range(row, 12));
    }

    private static Range range(ResultSet row, int column) throws SQLException {
        Double min = row.getObject(column, Double.class);
        Double max = row.getObject(column + 1, Double.class);
        return min == null && max == null ? null : new Range(min, max);
    }
}
