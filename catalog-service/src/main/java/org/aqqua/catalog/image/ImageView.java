package org.aqqua.catalog.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** One image record with its normalised metadata; {@code traits} and {@code raw} are the JSON as stored. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageView(long id, UUID datasetId, String objectId, String sha256, String storageKey, long bytes,
        int width, int height, String format, double pixelSizeUm, double latitude, double longitude, Double depthMin,
        Double depthMax, Double altitude, Instant observedAt, String instrument, String sampleId, String label,
        String labelStatus, @JsonRawValue String traits, @JsonRawValue String raw) {

    /** The columns {@link #read} expects, over table {@code image i}. */
    static final String COLUMNS = "i.id, i.dataset_id, i.object_id, i.sha256, i.storage_key, i.bytes, i.width, "
            + "i.height, i.format, i.pixel_size_um, i.latitude, i.longitude, i.depth_min, i.depth_max, i.altitude, "
            + "i.observed_at, i.instrument, i.sample_id, i.label, i.label_status, i.traits::text, i.raw::text";

    static ImageView read(ResultSet row) throws SQLException {
        return new ImageView(row.getLong(1), row.getObject(2, UUID.class), row.getString(3), row.getString(4),
                row.getString(5), row.getLong(6), row.getInt(7), row.getInt(8), row.getString(9), row.getDouble(10),
                row.getDouble(11), row.getDouble(12), row.getObject(13, Double.class),
                row.getObject(14, Double.class), row.getObject(15, Double.class),
                row.getTimestamp(16).toInstant(), row.getString(17), row.getString(18), row.getString(19),
                row.getString(20), row.getString(21), row.getString(22));
    }
}
