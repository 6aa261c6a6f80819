package org.aqqua.metadata.ecotaxa;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.function.Predicate;
import org.aqqua.metadata.RowProblem;
import org.aqqua.metadata.RowSink;
import org.aqqua.metadata.SourceFields;

/**
 * Reads an EcoTaxa import table ({@code ecotaxa_*.tsv}) row by row, with EcoTaxa's own rules, into AqQua's
 * {@link org.aqqua.metadata.SourceRow}s and line-numbered {@link RowProblem}s, counting lines as EcoTaxa does
 * (header 1, type row 2). Memory stays bounded whatever the number of rows: lines are read as bytes, one at a
 * time, and a line longer than the limit ends the reading with a problem.
 *
 * <p>The parts: {@link TableLines} (bytes to lines, line ends, encoding), {@link TsvRecords} (cells, quoting),
 * {@link EcotaxaHeader} (column and type rules), {@link RowReader} (value and row rules, with
 * {@link Coordinates}, {@link EcotaxaDateTime}, {@link EcotaxaNumbers}, {@link ImagePaths}).
 *
 * <p>Left out, as they need more than the table: EcoTaxa's taxonomy check (does a category or
 * {@code object_annotation_category_id} exist: that is EcoTaxa's taxonomy server), decoding the images (the ingest
 * does), and checks against earlier imports (an acquisition already under another sample in the project is
 * checked within the table only; free columns are counted per table, not per project).
 */
public final class EcotaxaTableReader {

    /** EcoTaxa's columns for AqQua's minimum ({@code object_altitude} is AqQua's, for lakes, not EcoTaxa's). */
    public static final SourceFields FIELDS = new SourceFields("img_file_name", "object_lat", "object_lon",
            "object_depth_min", EcotaxaHeader.ALTITUDE, "object_date", "process_pixel", "acq_instrument");

    private final int maxLineBytes;

    public EcotaxaTableReader(int maxLineBytes) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be at least 1");
        }
        this.maxLineBytes = maxLineBytes;
    }

    /** EcoTaxa's rule for tables in a bundle: the base name starts with "ecotaxa" and ends with .tsv or .txt. */
    public static boolean isTableName(String fileName) {
        String base = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1)
                .toLowerCase(Locale.ROOT);
        return base.startsWith("ecotaxa") && (base.endsWith(".tsv") || base.endsWith(".txt"));
    }

    /**
     * Reads one table, streaming.
     *
     * @param file        the table's path inside the archive, e.g. {@code m106_mn01_n1_sml/ecotaxa_m106.tsv}; images
     *                    are named relative to its folder
     * @param in          the table's bytes (not closed here)
     * @param imageExists whether a path exists in the archive
     * @param sink        receives each row's problems, then the row
     */
    public TableSummary read(String file, InputStream in, Predicate<String> imageExists, RowSink sink)
            throws IOException {
        Counting counted = new Counting(sink);
        TsvRecords records = new TsvRecords(new TableLines(in, maxLineBytes), maxLineBytes);
        TsvRecords.Record first = records.next();
        if (first == null) {
            counted.problem(RowProblem.ofFile(file, "No object to import: the table is empty, it has no header."));
            return counted.summary(true);
        }
        if (first.problem() != null) {
            counted.problem(RowProblem.ofField(file, first.line(), null, null, first.problem()));
            return counted.summary(false);
        }
        TsvRecords.Record second = records.next();
        boolean typeRow = second != null && second.problem() == null && EcotaxaHeader.isTypeRow(second.cells());
        EcotaxaHeader header = EcotaxaHeader.read(file, first.cells(), typeRow ? second.cells() : null);
        header.problems().forEach(counted::problem);
        RowReader rows = new RowReader(file, header, imageExists);
        int dataRecords = 0;
        TsvRecords.Record record = typeRow ? records.next() : second;
        for (; record != null; record = records.next()) {
            dataRecords++;
            if (record.problem() != null) {
                counted.problem(RowProblem.ofField(file, record.line(), null, null, record.problem()));
                if (record.fatal()) {
                    return counted.summary(false);
                }
                continue;
            }
            RowReader.Result result = rows.read(record.line(), record.cells());
            result.problems().forEach(counted::problem);
            if (result.row() != null) {
                counted.row(result.row());
            }
        }
        if (dataRecords == 0) {
            counted.problem(RowProblem.ofFile(file, "No object to import: the table has a header but no data rows."));
        }
        return counted.summary(true);
    }

    /** Passes everything on, counting. */
    private static final class Counting implements RowSink {

        private final RowSink sink;
        private int rows;
        private int problems;

        Counting(RowSink sink) {
            this.sink = sink;
        }

        @Override
        public void row(org.aqqua.metadata.SourceRow row) {
            rows++;
            sink.row(row);
        }

        @Override
        public void problem(RowProblem problem) {
            problems++;
            sink.problem(problem);
        }

        TableSummary summary(boolean complete) {
            return new TableSummary(rows, problems, complete);
        }
    }
}
