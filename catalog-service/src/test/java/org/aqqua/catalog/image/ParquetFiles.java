package org.aqqua.catalog.image;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.aqqua.testing.ParquetContents;

/**
 * A Parquet export read back as a client would ({@link ParquetContents}: Parquet's own reader), with its rows as
 * image records. Independent of the writer: nothing here comes from {@link ParquetManifest}.
 */
final class ParquetFiles {

    private ParquetFiles() {
    }

    record Contents(MessageType schema, int rowGroups, List<Group> rows, List<CompressionCodecName> codecs) {

        /** Each row as the image record it was written from. */
        List<ImageView> images() {
            return rows.stream().map(ParquetFiles::image).toList();
        }
    }

    static Contents read(byte[] file) throws IOException {
        ParquetContents contents = ParquetContents.read(file);
        return new Contents(contents.schema(), contents.rowGroups(), contents.rows(), contents.codecs());
    }

    static ImageView image(Group row) {
        return new ImageView(row.getLong("id", 0), UUID.fromString(row.getString("dataset_id", 0)),
                row.getString("object_id", 0), row.getString("sha256", 0), row.getString("storage_key", 0),
                row.getLong("bytes", 0), row.getInteger("width", 0), row.getInteger("height", 0),
                row.getString("format", 0), row.getDouble("pixel_size_um", 0), row.getDouble("latitude", 0),
                row.getDouble("longitude", 0), number(row, "depth_min"), number(row, "depth_max"),
                number(row, "altitude"), instant(row.getLong("observed_at", 0)), row.getString("instrument", 0),
                text(row, "sample_id"), text(row, "label"), text(row, "label_status"), text(row, "traits"),
                text(row, "raw"));
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000);
    }

    private static Double number(Group row, String field) {
        return row.getFieldRepetitionCount(field) == 0 ? null : row.getDouble(field, 0);
    }

    private static String text(Group row, String field) {
        return row.getFieldRepetitionCount(field) == 0 ? null : row.getString(field, 0);
    }
}
