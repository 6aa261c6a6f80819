package org.aqqua.catalog.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One image record with its normalised metadata; {@code traits} and {@code raw} are the JSON as stored. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonSerialize(using = ImageView.Json.class)
public record ImageView(long id, UUID datasetId, String objectId, String sha256, String storageKey, long bytes,
        int width, int height, String format, double pixelSizeUm, double latitude, double longitude, Double depthMin,
        Double depthMax, Double altitude, Instant observedAt, String instrument, String sampleId, String label,
        String labelStatus, @JsonRawValue String traits, @JsonRawValue String raw) {

    /** The columns {@link #read} expects, over table {@code image i}. */
    static final String COLUMNS = "i.id, i.dataset_id, i.object_id, i.sha256, i.storage_key, i.bytes, i.width, "
            + "i.height, i.format, i.pixel_size_um, i.latitude, i.longitude, i.depth_min, i.depth_max, i.altitude, "
            + "i.observed_at, i.instrument, i.sample_id, i.label, i.label_status, i.traits::text, i.raw::text";

    /** The JSON names of the record's components, in order: those of {@link #COLUMNS}. */
    static final List<String> FIELDS = List.of("id", "datasetId", "objectId", "sha256", "storageKey", "bytes",
            "width", "height", "format", "pixelSizeUm", "latitude", "longitude", "depthMin", "depthMax", "altitude",
            "observedAt", "instrument", "sampleId", "label", "labelStatus", "traits", "raw");

    static ImageView read(ResultSet row) throws SQLException {
        return new ImageView(row.getLong(1), row.getObject(2, UUID.class), row.getString(3), row.getString(4),
                row.getString(5), row.getLong(6), row.getInt(7), row.getInt(8), row.getString(9), row.getDouble(10),
                row.getDouble(11), row.getDouble(12), row.getObject(13, Double.class),
                row.getObject(14, Double.class), row.getObject(15, Double.class),
                row.getObject(16, OffsetDateTime.class).toInstant(), row.getString(17), row.getString(18),
                row.getString(19), row.getString(20), row.getString(21), row.getString(22));
    }

    /** The same columns read from a binary COPY row. */
    static ImageView read(BinaryCopyRows row) {
        return new ImageView(row.int8(0), row.uuid(1), row.text(2), row.text(3), row.text(4), row.int8(5),
                row.int4(6), row.int4(7), row.text(8), row.float8(9), row.float8(10), row.float8(11),
                row.float8OrNull(12), row.float8OrNull(13), row.float8OrNull(14), row.timestamptz(15), row.text(16),
                row.text(17), row.text(18), row.text(19), row.text(20), row.text(21));
    }

    /**
     * The record as JSON, written field by field: what Jackson writes for the annotations above (components in
     * order, nulls left out, traits and raw as raw JSON, the instant as {@link Instant#toString()}, as the
     * mapper's instant serializer writes it), without a bean serializer's per-property dispatch: a page of search
     * results writes a hundred of these. The export's JSON Lines write the same from a COPY row's bytes.
     */
    static final class Json extends JsonSerializer<ImageView> {

        private static final SerializableString[] NAMES = FIELDS.stream().map(SerializedString::new)
                .toArray(SerializableString[]::new);
        /** From here on the values are JSON as stored (traits, raw). */
        private static final int FIRST_RAW = FIELDS.indexOf("traits");

        @Override
        public void serialize(ImageView i, JsonGenerator json, SerializerProvider provider) throws IOException {
            Object[] values = {i.id, i.datasetId, i.objectId, i.sha256, i.storageKey, i.bytes, i.width, i.height,
                i.format, i.pixelSizeUm, i.latitude, i.longitude, i.depthMin, i.depthMax, i.altitude, i.observedAt,
                i.instrument, i.sampleId, i.label, i.labelStatus, i.traits, i.raw};
            json.writeStartObject(i);
            for (int f = 0; f < values.length; f++) {
                Object value = values[f];
                if (value == null) {
                    continue;
                }
                json.writeFieldName(NAMES[f]);
                if (value instanceof Long || value instanceof Integer) {
                    json.writeNumber(((Number) value).longValue());
                } else if (value instanceof Double number) {
                    json.writeNumber(number.doubleValue());
                } else if (f >= FIRST_RAW) {
                    json.writeRawValue((String) value);
                } else if (value instanceof Instant instant) {
                    // As Instant.toString() writes it, without the JDK's formatter (4 % of the CPU per page).
                    json.writeString(IsoInstants.toString(instant));
                } else {
                    json.writeString(value.toString()); // text, the dataset id
                }
            }
            json.writeEndObject();
        }
    }
}
