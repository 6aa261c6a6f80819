package org.aqqua.metadata.aqquacsv;

import org.aqqua.metadata.ArchivePaths;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.aqqua.metadata.LabelStatus;
import org.aqqua.metadata.RowProblem;
import org.aqqua.metadata.RowSink;
import org.aqqua.metadata.SourceFields;
import org.aqqua.metadata.SourceRow;

/**
 * Reads an AqQua CSV table (the format is described in {@code image-metadata/AQQUA-CSV.md}): one row per image,
 * UTF-8, comma-separated with RFC 4180 quoting, a header row naming the columns (in any case). Rows are streamed
 * to a {@link RowSink}, each after its problems, so a table of millions of rows never sits in memory.
 *
 * <p>Every problem names the table, the line (header = 1), the column as the header writes it and the value as
 * the row writes it. A cell that cannot be read leaves its field {@code null} and the row is still passed on.
 * A problem in the header (no {@code file} column, a column named twice, {@code depth} together with
 * {@code depth_min}/{@code depth_max}), a record longer than the byte limit and broken quoting stop reading.
 */
public final class AqquaCsvReader {

    /** AqQua's minimum as this format names it, for {@link org.aqqua.metadata.AqquaMinimum}'s problems. */
    public static final SourceFields FIELDS = new SourceFields("file", "latitude", "longitude", "depth_min",
            "altitude", "datetime", "pixel_size_um", "instrument");

    static final String TRAIT_PREFIX = "trait_";

    /** The IFCB placement table's name; not imported from the ifcb package, which reads its CSV with this one's. */
    static final String IFCB_PLACEMENT_TABLE = "ifcb_bins.csv";

    private final int maxRecordBytes;

    /** @param maxRecordBytes the longest record (a row, with any line breaks inside quotes) accepted, in bytes */
    public AqquaCsvReader(int maxRecordBytes) {
        if (maxRecordBytes < 1) {
            throw new IllegalArgumentException("maxRecordBytes must be at least 1, got " + maxRecordBytes);
        }
        this.maxRecordBytes = maxRecordBytes;
    }

    /**
     * Whether a file is read as an AqQua CSV table: its name ends with {@code .csv} (any case) and it is not the
     * IFCB placement table {@value #IFCB_PLACEMENT_TABLE} ({@code org.aqqua.metadata.ifcb.BinPlacements}).
     * Whether its header has a {@code file} column is {@link #read}'s to report.
     */
    public static boolean isTableName(String fileName) {
        String name = fileName.substring(fileName.replace('\\', '/').lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") && !name.equals(IFCB_PLACEMENT_TABLE);
    }

    /**
     * Reads the table and sends every row to the sink, its problems first.
     *
     * @param file        the table's path inside the upload; image paths are resolved against its folder
     * @param imageExists whether a resolved image path (inside the upload, {@code /}-separated) is a file there
     * @return the number of rows passed to the sink
     */
    public int read(String file, InputStream in, Predicate<String> imageExists, RowSink sink) throws IOException {
        try (CsvRecords records = new CsvRecords(in, maxRecordBytes)) {
            CsvRecords.Record header = records.next();
            if (header == null) {
                sink.problem(records.failure().map(f -> RowProblem.ofField(file, f.line(), null, null, f.reason()))
                        .orElse(RowProblem.ofFile(file, "the file is empty: an AqQua CSV table needs a header row "
                                + "naming its columns (at least 'file')")));
                return 0;
            }
            Columns columns = Columns.of(file, header, sink);
            if (columns == null) {
                return 0;
            }
            RowParser rows = new RowParser(file, ArchivePaths.folderOf(file), columns, imageExists);
            int count = 0;
            for (CsvRecords.Record record = records.next(); record != null; record = records.next()) {
                List<RowProblem> problems = new ArrayList<>();
                SourceRow row = rows.parse(record, problems);
                problems.forEach(sink::problem);
                sink.row(row);
                count++;
            }
            records.failure().ifPresent(f -> sink.problem(RowProblem.ofField(file, f.line(), null, null,
                    f.reason())));
            return count;
        }
    }

    /** Where each known column is (-1 when absent) and the names of all columns, as written. */
    private record Columns(List<String> names, int file, int objectId, int latitude, int longitude, int depthMin,
            int depthMax, int depth, int altitude, int datetime, int pixelSize, int instrument, int label,
            int labelStatus, int sampleId, Map<Integer, String> traits) {

        static Columns of(String file, CsvRecords.Record header, RowSink sink) {
            List<String> names = header.cells().stream().map(String::strip).toList();
            Map<String, Integer> index = new HashMap<>();
            Map<Integer, String> traits = new LinkedHashMap<>();
            boolean stop = false;
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                String key = name.toLowerCase(Locale.ROOT);
                if (name.isEmpty()) {
                    continue;
                }
                if (name.indexOf(CsvRecords.INVALID_UTF8) >= 0) {
                    sink.problem(RowProblem.ofField(file, header.line(), name, name,
                            "this column name is not valid UTF-8; save the file as UTF-8"));
                    stop = true;
                }
                Integer earlier = index.putIfAbsent(key, i);
                if (earlier != null) {
                    sink.problem(RowProblem.ofField(file, header.line(), name, name, "column " + (i + 1)
                            + " has the same name as column " + (earlier + 1) + " ('" + names.get(earlier)
                            + "'; names are compared ignoring case), so it is unclear which to read"));
                    stop = true;
                } else if (key.startsWith(TRAIT_PREFIX)) {
                    String trait = name.substring(TRAIT_PREFIX.length()).strip();
                    if (trait.isEmpty()) {
                        sink.problem(RowProblem.ofField(file, header.line(), name, name,
                                "a trait column needs a name after 'trait_', e.g. trait_area"));
                        stop = true;
                    } else {
                        traits.put(i, trait);
                    }
                }
            }
            if (!index.containsKey("file")) {
                sink.problem(RowProblem.ofField(file, header.line(), "file", null, "the header has no 'file' "
                        + "column; an AqQua CSV table names each row's image in a column called file"));
                stop = true;
            }
            if (index.containsKey("depth") && (index.containsKey("depth_min") || index.containsKey("depth_max"))) {
                sink.problem(RowProblem.ofField(file, header.line(), names.get(index.get("depth")), null,
                        "give either a single 'depth' column or 'depth_min' and 'depth_max', not both"));
                stop = true;
            }
            if (stop) {
                return null;
            }
            return new Columns(names, at(index, "file"), at(index, "object_id"), at(index, "latitude"),
                    at(index, "longitude"), at(index, "depth_min"), at(index, "depth_max"), at(index, "depth"),
                    at(index, "altitude"), at(index, "datetime"), at(index, "pixel_size_um"),
                    at(index, "instrument"), at(index, "label"), at(index, "label_status"), at(index, "sample_id"),
                    traits);
        }

        private static int at(Map<String, Integer> index, String name) {
            return index.getOrDefault(name, -1);
        }
    }

    /** Turns one record into a row, collecting its problems. */
    private static final class RowParser {

        private final String file;
        private final String folder;
        private final Columns columns;
        private final Predicate<String> imageExists;
        private String lastDatetime;
        private Instant lastInstant;

        RowParser(String file, String folder, Columns columns, Predicate<String> imageExists) {
            this.file = file;
            this.folder = folder;
            this.columns = columns;
            this.imageExists = imageExists;
        }

        SourceRow parse(CsvRecords.Record record, List<RowProblem> problems) {
            int line = record.line();
            List<String> names = columns.names();
            if (record.cells().size() != names.size()) {
                problems.add(RowProblem.ofField(file, line, null, String.valueOf(record.cells().size()),
                        "this row has " + cells(record.cells().size()) + " but the header has " + names.size()
                                + " columns (is a comma inside a value not enclosed in double quotes?)"));
            }
            Map<String, String> raw = new LinkedHashMap<>();
            for (int i = 0; i < record.cells().size(); i++) {
                String cell = record.cells().get(i);
                if (cell.isBlank()) {
                    continue;
                }
                if (i >= names.size() || names.get(i).isEmpty()) {
                    problems.add(RowProblem.ofField(file, line, "column " + (i + 1), cell,
                            "a value in a column without a name in the header"));
                    continue;
                }
                if (cell.indexOf(CsvRecords.INVALID_UTF8) >= 0) {
                    problems.add(RowProblem.ofField(file, line, names.get(i), cell,
                            "not valid UTF-8 (shown here as \uFFFD); save the file as UTF-8"));
                }
                raw.put(names.get(i), cell);
            }

            String written = text(record, columns.file());
            String imagePath = null;
            if (written == null) {
                problems.add(RowProblem.ofField(file, line, names.get(columns.file()), null,
                        "the image file is required"));
            } else {
                imagePath = ArchivePaths.resolve(folder, written);
                if (imagePath == null) {
                    problems.add(RowProblem.ofField(file, line, names.get(columns.file()), written,
                            "the image path must be relative to the table's folder and stay inside the upload "
                                    + "(no absolute path, URL or '..' leading out of it)"));
                } else if (!imageExists.test(imagePath)) {
                    problems.add(RowProblem.ofField(file, line, names.get(columns.file()), written,
                            "Missing image: " + imagePath + " is not in the upload"));
                }
            }
            String objectId = text(record, columns.objectId());
            if (objectId == null) {
                objectId = imagePath != null ? imagePath : written;
            }

            Double depthMin;
            Double depthMax;
            if (columns.depth() >= 0) {
                depthMin = number(record, columns.depth(), problems);
                depthMax = depthMin;
            } else {
                depthMin = number(record, columns.depthMin(), problems);
                depthMax = number(record, columns.depthMax(), problems);
                if (depthMin == null && blank(record, columns.depthMin())) {
                    depthMin = depthMax; // only a maximum: a single depth
                } else if (depthMax == null && blank(record, columns.depthMax())) {
                    depthMax = depthMin;
                }
            }

            String label = text(record, columns.label());
            LabelStatus status = labelStatus(record, label, problems);
            Map<String, Object> traits = new LinkedHashMap<>();
            columns.traits().forEach((index, name) -> {
                Double value = number(record, index, problems);
                if (value != null) {
                    traits.put(name, value);
                }
            });

            return new SourceRow(file, line, objectId, imagePath, number(record, columns.latitude(), problems),
                    number(record, columns.longitude(), problems), depthMin, depthMax,
                    number(record, columns.altitude(), problems), datetime(record, problems),
                    number(record, columns.pixelSize(), problems), text(record, columns.instrument()),
                    text(record, columns.sampleId()), label, status, Collections.unmodifiableMap(traits),
                    Collections.unmodifiableMap(raw));
        }

        private static String cells(int count) {
            return count == 1 ? "1 cell" : count + " cells";
        }

        private static boolean blank(CsvRecords.Record record, int column) {
            return column < 0 || record.cell(column).isBlank();
        }

        private static String text(CsvRecords.Record record, int column) {
            return blank(record, column) ? null : record.cell(column).strip();
        }

        private Double number(CsvRecords.Record record, int column, List<RowProblem> problems) {
            if (blank(record, column)) {
                return null;
            }
            String cell = record.cell(column);
            Double value = Decimals.parse(cell);
            if (value == null) {
                problems.add(RowProblem.ofField(file, record.line(), columns.names().get(column), cell,
                        Decimals.notANumber(cell)));
            }
            return value;
        }

        private LabelStatus labelStatus(CsvRecords.Record record, String label, List<RowProblem> problems) {
            String status = text(record, columns.labelStatus());
            if (status == null) {
                return null;
            }
            String column = columns.names().get(columns.labelStatus());
            String cell = record.cell(columns.labelStatus());
            LabelStatus parsed;
            try {
                parsed = LabelStatus.fromWireName(status);
            } catch (IllegalArgumentException e) {
                problems.add(RowProblem.ofField(file, record.line(), column, cell,
                        "label status must be predicted, validated or dubious"));
                return null;
            }
            if (label == null) {
                problems.add(RowProblem.ofField(file, record.line(), column, cell,
                        "a label status needs a label in the same row"));
            }
            return parsed;
        }

        private Instant datetime(CsvRecords.Record record, List<RowProblem> problems) {
            String value = text(record, columns.datetime());
            if (value == null) {
                return null;
            }
            if (value.equals(lastDatetime)) {
                return lastInstant; // rows of one sample share their time; parsing is the costly part of a row
            }
            try {
                Instant instant = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
                lastDatetime = value;
                lastInstant = instant;
                return instant;
            } catch (DateTimeParseException e) {
                String column = columns.names().get(columns.datetime());
                String cell = record.cell(columns.datetime());
                problems.add(RowProblem.ofField(file, record.line(), column, cell, datetimeProblem(value)));
                return null;
            }
        }

        private static String datetimeProblem(String value) {
            try {
                LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
                return "ambiguous: a date and time without a time zone; add Z for UTC (2023-05-01T10:15:30Z) "
                        + "or the offset it was written in (2023-05-01T12:15:30+02:00)";
            } catch (DateTimeParseException e) {
                // not a local date-time either
            }
            try {
                LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE);
                return "a date without a time: write the date and time with its time zone, e.g. "
                        + "2023-05-01T10:15:30Z";
            } catch (DateTimeParseException e) {
                return "not an ISO 8601 date and time with a time zone, e.g. 2023-05-01T10:15:30Z";
            }
        }
    }
}
