package org.aqqua.catalog.image;

import org.aqqua.runtime.csv.CsvCells;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Writes image rows in one {@link ExportFormat}, row by row, so that an export never sits in memory. The text
 * formats write through one buffered UTF-8 writer; Parquet writes its own bytes ({@link ParquetManifest}).
 */
abstract class ExportWriter {

    static ExportWriter of(ExportFormat format, OutputStream output, ObjectMapper json) {
        return switch (format) {
            case CSV -> new Csv(text(output));
            case JSONL -> new JsonLines(text(output), json);
            case ECOTAXA -> new EcoTaxa(text(output));
            case PARQUET -> new ParquetManifest(output);
        };
    }

    private static Writer text(OutputStream output) {
        return new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1 << 16);
    }

    /** Called once before the first row, even when there is none. */
    abstract void header() throws IOException;

    /** Writes the current row of {@code rows} (the columns of {@link ImageView#COLUMNS}). */
    abstract void row(ResultSet rows) throws IOException, SQLException;

    /** Hands on whatever the writer still holds; called once after the last row. */
    abstract void finish() throws IOException;

    /** A format written as text. */
    abstract static class Text extends ExportWriter {

        protected final Writer out;

        Text(Writer out) {
            this.out = out;
        }

        @Override
        void finish() throws IOException {
            out.flush();
        }
    }

    /** The training manifest: id, SHA-256, storage key and all normalised metadata, RFC 4180 quoting. */
    static final class Csv extends Text {

        static final List<String> COLUMNS = List.of("id", "dataset_id", "object_id", "sha256", "storage_key",
                "bytes", "width", "height", "format", "pixel_size_um", "latitude", "longitude", "depth_min",
                "depth_max", "altitude", "observed_at", "instrument", "sample_id", "label", "label_status");
        private static final int OBSERVED_AT = COLUMNS.indexOf("observed_at") + 1;

        Csv(Writer out) {
            super(out);
        }

        @Override
        void header() throws IOException {
            out.write(String.join(",", COLUMNS));
            out.write("\r\n");
        }

        /** Columns as PostgreSQL renders them (no parse and re-format per value), the instant in ISO 8601. */
        @Override
        void row(ResultSet rows) throws IOException, SQLException {
            for (int c = 1; c <= COLUMNS.size(); c++) {
                if (c > 1) {
                    out.write(',');
                }
                out.write(CsvCells.quote(c == OBSERVED_AT ? rows.getTimestamp(c).toInstant() : rows.getString(c)));
            }
            out.write("\r\n");
        }
    }

    /** One JSON object per line: the record as the API returns it, traits and raw provider columns included. */
    static final class JsonLines extends Text {

        private final JsonGenerator generator;

        JsonLines(Writer out, ObjectMapper json) {
            super(out);
            try {
                this.generator = json.getFactory().createGenerator(out);
                this.generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                this.generator.setRootValueSeparator(null);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        void header() {
            // No header: each line stands alone.
        }

        /** The generator buffers across rows; the line end goes through it too, so nothing is flushed per row. */
        @Override
        void row(ResultSet rows) throws IOException, SQLException {
            generator.writeObject(ImageView.read(rows));
            generator.writeRaw('\n');
        }

        @Override
        void finish() throws IOException {
            generator.flush();
            super.finish();
        }
    }

    /**
     * EcoTaxa's import table: header, then the type row ([t] text, [f] number), then one object per line, with
     * EcoTaxa's column names and its date (YYYYMMDD) and time (HHMMSS) forms. img_file_name names the image by
     * its SHA-256 under images/, as in a bundle of the table and the images.
     */
    static final class EcoTaxa extends Text {

        private static final List<String> COLUMNS = List.of("img_file_name", "object_id", "object_lat",
                "object_lon", "object_date", "object_time", "object_depth_min", "object_depth_max",
                "object_annotation_category", "object_annotation_status", "acq_id", "acq_instrument", "process_id",
                "process_pixel", "sample_id", "object_sha256");
        private static final List<String> TYPES = List.of("[t]", "[t]", "[f]", "[f]", "[t]", "[t]", "[f]", "[f]",
                "[t]", "[t]", "[t]", "[t]", "[t]", "[f]", "[t]", "[t]");
        private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss").withZone(ZoneOffset.UTC);

        EcoTaxa(Writer out) {
            super(out);
        }

        @Override
        void header() throws IOException {
            out.write(String.join("\t", COLUMNS));
            out.write('\n');
            out.write(String.join("\t", TYPES));
            out.write('\n');
        }

        @Override
        void row(ResultSet rows) throws IOException, SQLException {
            ImageView i = ImageView.read(rows);
            Object[] values = {"images/" + i.sha256() + "." + i.format().toLowerCase(Locale.ROOT),
                i.objectId(), i.latitude(), i.longitude(), DATE.format(i.observedAt()), TIME.format(i.observedAt()),
                i.depthMin(), i.depthMax() != null ? i.depthMax() : i.depthMin(), i.label(), i.label() == null ? null
                    : i.labelStatus(), acquisition(i), i.instrument(), acquisition(i), i.pixelSizeUm(), i.sampleId(),
                i.sha256()};
            for (int c = 0; c < values.length; c++) {
                if (c > 0) {
                    out.write('\t');
                }
                out.write(clean(values[c]));
            }
            out.write('\n');
        }

        /**
         * EcoTaxa needs acq_id and process_id beside acq_ and process_ columns, takes an acquisition's instrument
         * and its process's pixel size from the first row naming it, and keeps an acquisition in one sample: one id
         * per sample, instrument and pixel size (the process is the acquisition's twin, same id).
         */
        private static String acquisition(ImageView i) {
            return (i.sampleId() == null ? "" : i.sampleId() + "_") + i.instrument() + "_" + i.pixelSizeUm() + "um";
        }

        /** TSV has no quoting: tabs and line ends inside a value become spaces. */
        private static String clean(Object value) {
            return value == null ? "" : value.toString().replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
        }
    }
}
