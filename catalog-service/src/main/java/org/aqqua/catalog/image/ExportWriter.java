package org.aqqua.catalog.image;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes image rows in one {@link ExportFormat}, row by row, so that an export never sits in memory. Rows come
 * from PostgreSQL's binary COPY ({@link BinaryCopyRows}) of the columns {@link #columns()} names; the CSV and JSON
 * Lines manifests are written straight from those bytes, EcoTaxa's table and Parquet from each row's
 * {@link ImageView}.
 */
abstract class ExportWriter {

    static ExportWriter of(ExportFormat format, OutputStream output) {
        return switch (format) {
            case CSV -> new CsvManifest(output);
            case JSONL -> new JsonLinesManifest(output);
            case ECOTAXA -> new EcoTaxaTable(text(output));
            case PARQUET -> new ParquetManifest(output);
        };
    }

    private static Writer text(OutputStream output) {
        return new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1 << 16);
    }

    /** The select list over table {@code image i} whose rows {@link #row} takes; by default an ImageView's. */
    String columns() {
        return ImageView.COLUMNS;
    }

    /** How many columns {@link #columns()} selects. */
    int columnCount() {
        return ImageView.FIELDS.size();
    }

    /** Called once before the first row, even when there is none. */
    abstract void header() throws IOException;

    /** Writes the current row. */
    abstract void row(BinaryCopyRows rows) throws IOException;

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

    /** A format written as bytes, straight from the COPY rows' bytes where it can. */
    abstract static class Bytes extends ExportWriter {

        protected final ExportBuffer out;

        Bytes(OutputStream output) {
            this.out = new ExportBuffer(output);
        }

        @Override
        void finish() throws IOException {
            out.flush();
        }
    }
}
