package org.aqqua.metadata.ecotaxa;

import org.aqqua.metadata.ArchivePaths;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.aqqua.metadata.LabelStatus;
import org.aqqua.metadata.RowProblem;
import org.aqqua.metadata.SourceRow;

/**
 * EcoTaxa's row rules (its {@code TSVFile.validate_line} and {@code validate_content}) for the data rows of one
 * table, each turned into AqQua's {@link SourceRow}: values checked by their column's kind, the object id and the
 * image present, no (object, image) pair twice, an acquisition under one sample only, and a category only with a
 * status and the other way round.
 *
 * <p>Not checked here: that a category or {@code object_annotation_category_id} exists in EcoTaxa's taxonomy
 * (that needs EcoTaxa's taxonomy server), that the image file can be decoded (the ingest reads the images), and
 * associations with samples and objects imported earlier (only this table is known). Unlike EcoTaxa, which checks
 * a repeated (column, value) pair once, every row is checked, so every line with a bad value is named.
 */
final class RowReader {

    /** One row's problems (in the order EcoTaxa reports them), and the row unless it could not be read. */
    record Result(List<RowProblem> problems, SourceRow row) {
    }

    private static final Set<String> STATUSES = Set.of("predicted", "validated", "dubious", "discarded");
    private static final int MAX_ACQUISITIONS = 100_000;

    private final String file;
    private final EcotaxaHeader header;
    private final Predicate<String> imageExists;
    private final SeenKeys seen = new SeenKeys();
    private final Map<String, String> sampleOfAcquisition = new HashMap<>();
    private final Set<String> reportedAssociations = new HashSet<>();

    RowReader(String file, EcotaxaHeader header, Predicate<String> imageExists) {
        this.file = file;
        this.header = header;
        this.imageExists = imageExists;
    }

    Result read(int line, List<String> cells) {
        List<RowProblem> problems = new ArrayList<>();
        List<Column> columns = header.columns();
        if (cells.size() > columns.size()) {
            List<String> extra = cells.subList(columns.size(), cells.size());
            if (extra.stream().anyMatch(cell -> !Cells.clean(cell).isEmpty())) {
                problems.add(RowProblem.ofField(file, line, null, null,
                        "Value(s) " + Cells.pythonList(extra) + " must not be in a header-less column."));
                return new Result(problems, null);
            }
        }
        Object[] values = new Object[columns.size()];
        Map<String, String> raw = new LinkedHashMap<>();
        Map<String, Object> traits = new LinkedHashMap<>();
        for (Column column : columns) {
            String written = column.index() < cells.size() ? cells.get(column.index()) : null;
            String cleaned = Cells.clean(written);
            if (cleaned.isEmpty()) {
                continue;
            }
            if (!column.name().isEmpty()) {
                raw.putIfAbsent(column.name(), written);
            }
            Object value = value(column, cleaned, line, problems);
            values[column.index()] = value;
            if (column.trait() && value instanceof Double number && Double.isFinite(number)) {
                traits.put(column.name(), number);
            }
        }
        Row row = new Row(cells, values);
        String objectId = row.text("object_id");
        if (objectId.isEmpty()) {
            problems.add(RowProblem.ofField(file, line, "object_id", null, "Missing object_id."));
        }
        String imagePath = image(row, line, problems);
        checkDuplicate(objectId, row, line, problems);
        checkAcquisition(row, line, problems);
        checkAnnotation(row, line, problems);
        Double pixelSize = pixelSize(row, line, problems);
        LocalDate date = row.value("object_date", LocalDate.class);
        LocalTime time = row.value("object_time", LocalTime.class);
        Instant observedAt = date == null || time == null ? null : date.atTime(time).toInstant(ZoneOffset.UTC);
        String status = row.value("object_annotation_status", String.class);
        SourceRow source = new SourceRow(file, line, blankToNull(objectId), imagePath,
                row.value("object_lat", Double.class), row.value("object_lon", Double.class),
                row.value("object_depth_min", Double.class), row.value("object_depth_max", Double.class),
                row.value(EcotaxaHeader.ALTITUDE, Double.class), observedAt, pixelSize,
                blankToNull(row.text("acq_instrument")), blankToNull(row.text("sample_id")),
                "discarded".equals(status) ? null : blankToNull(row.text("object_annotation_category")),
                labelStatus(status),
                Collections.unmodifiableMap(traits), Collections.unmodifiableMap(raw));
        return new Result(problems, source);
    }

    private Object value(Column column, String cleaned, int line, List<RowProblem> problems) {
        String field = column.name();
        switch (column.kind()) {
            case TEXT:
                return cleaned;
            case UNTYPED: {
                Double number = Cells.isNotANumberMarker(cleaned) ? null : EcotaxaNumbers.parse(cleaned);
                return number != null ? number : cleaned;
            }
            case NUMBER: {
                if (Cells.isNotANumberMarker(cleaned)) {
                    return null;
                }
                Double number = EcotaxaNumbers.parse(cleaned);
                if (number == null) {
                    problems.add(invalid(line, field, cleaned,
                            "Invalid float value '" + cleaned + "' for field '" + field + "'."));
                }
                return number == null || number.isNaN() ? null : number;
            }
            case LATITUDE:
            case LONGITUDE: {
                if (Cells.isNotANumberMarker(cleaned)) {
                    return null;
                }
                boolean latitude = column.kind() == Column.Kind.LATITUDE;
                Double degrees = Coordinates.parse(cleaned, latitude ? 90 : 180);
                if (degrees == null) {
                    problems.add(invalid(line, field, cleaned, latitude
                            ? "Invalid Lat. value '" + cleaned + "' for field '" + field + "'. Correct range is -90/+90°."
                            : "Invalid Long. value '" + cleaned + "' for field '" + field
                                    + "'. Correct range is -180/+180°."));
                }
                return degrees == null || degrees.isNaN() ? null : degrees;
            }
            case DATE: {
                LocalDate date = EcotaxaDateTime.date(cleaned);
                if (date == null) {
                    problems.add(invalid(line, field, cleaned,
                            "Invalid Date value '" + cleaned + "' for field '" + field + "'."));
                }
                return date;
            }
            case TIME: {
                LocalTime time = EcotaxaDateTime.time(cleaned);
                if (time == null) {
                    problems.add(invalid(line, field, cleaned,
                            "Invalid Time value '" + cleaned + "' for field '" + field + "'."));
                }
                return time;
            }
            case STATUS: {
                String status = cleaned.toLowerCase(Locale.ROOT);
                if (STATUSES.contains(status)) {
                    return status;
                }
                if (!cleaned.equals("noid")) {
                    problems.add(invalid(line, field, cleaned,
                            "Invalid Annotation Status '" + cleaned + "' for field '" + field + "'."));
                }
                return null;
            }
            default:
                return null;
        }
    }

    /** The image's archive path, after checking that the row names one and that it exists. */
    private String image(Row row, int line, List<RowProblem> problems) {
        if (header.column("img_file_name") == null) {
            return null; // said once, for the header
        }
        String name = row.text("img_file_name");
        if (name.isEmpty()) {
            problems.add(RowProblem.ofField(file, line, "img_file_name", null, "Missing img_file_name."));
            return null;
        }
        String path = ArchivePaths.resolveNextTo(file, name);
        if (path == null) {
            problems.add(invalid(line, "img_file_name", name,
                    "Image path '" + name + "' leads outside the archive."));
        } else if (!imageExists.test(path)) {
            problems.add(invalid(line, "img_file_name", name, "Missing Image '" + name + "'."));
        }
        return path;
    }

    private void checkDuplicate(String objectId, Row row, int line, List<RowProblem> problems) {
        String image = row.text("img_file_name");
        int first = seen.firstLine(objectId + "*" + image, line);
        if (first != 0) {
            problems.add(invalid(line, "object_id", objectId, "(Object '" + objectId + "', Image '" + image
                    + "') is already in this TSV line " + first + "."));
        }
    }

    /** An acquisition belongs to one sample (EcoTaxa checks this across the project; here within the table). */
    private void checkAcquisition(Row row, int line, List<RowProblem> problems) {
        String sample = row.text("sample_id");
        String acquisition = row.text("acq_id");
        if (sample.isEmpty() || acquisition.isEmpty()) {
            return;
        }
        String known = sampleOfAcquisition.get(acquisition);
        if (known == null) {
            if (sampleOfAcquisition.size() < MAX_ACQUISITIONS) {
                sampleOfAcquisition.put(acquisition, sample);
            }
        } else if (!known.equals(sample) && reportedAssociations.add(acquisition + '\u0000' + sample)) {
            problems.add(invalid(line, "acq_id", acquisition, "Acquisition '" + acquisition
                    + "' is already associated with sample '" + known + "', it cannot be associated as well with '"
                    + sample + "'."));
        }
    }

    private void checkAnnotation(Row row, int line, List<RowProblem> problems) {
        String status = row.text("object_annotation_status");
        String category = row.text("object_annotation_category");
        if (category.isEmpty()) {
            category = row.text("object_annotation_category_id");
        }
        if (!status.isEmpty() && category.isEmpty()) {
            problems.add(RowProblem.ofField(file, line, "object_annotation_category", null,
                    "When annotation status '" + status + "' is provided there has to be a category."));
        }
        if (!category.isEmpty() && status.isEmpty()) {
            problems.add(RowProblem.ofField(file, line, "object_annotation_status", null,
                    "When a category (" + category + ") is provided it has to be with a status."));
        }
    }

    /**
     * µm per pixel: {@code process_pixel}, else {@code acq_pixel}. Both are text to EcoTaxa; AqQua needs a number,
     * so a value that is not one is a problem here ({@code nan} counts as empty).
     */
    private Double pixelSize(Row row, int line, List<RowProblem> problems) {
        for (String field : List.of("process_pixel", "acq_pixel")) {
            String cleaned = row.text(field);
            if (cleaned.isEmpty() || Cells.isNotANumberMarker(cleaned)) {
                continue;
            }
            Double number = EcotaxaNumbers.parse(cleaned);
            if (number == null) {
                problems.add(invalid(line, field, cleaned,
                        "Invalid float value '" + cleaned + "' for field '" + field + "'."));
            }
            return number == null || number.isNaN() ? null : number;
        }
        return null;
    }

    private static LabelStatus labelStatus(String status) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case "predicted" -> LabelStatus.PREDICTED;
            case "validated" -> LabelStatus.VALIDATED;
            case "dubious" -> LabelStatus.DUBIOUS;
            default -> null; // "discarded" (EcoTaxa: "is not this category"): no AqQua label, kept in raw
        };
    }

    private RowProblem invalid(int line, String field, String value, String reason) {
        return RowProblem.ofField(file, line, field, value, reason);
    }

    private static String blankToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    /** A row's cells by column name: as cleaned text, or as the value its column's kind parsed. */
    private final class Row {

        private final List<String> cells;
        private final Object[] values;

        Row(List<String> cells, Object[] values) {
            this.cells = cells;
            this.values = values;
        }

        String text(String name) {
            Column column = header.column(name);
            return column == null || column.index() >= cells.size() ? "" : Cells.clean(cells.get(column.index()));
        }

        <T> T value(String name, Class<T> type) {
            Column column = header.column(name);
            if (column == null) {
                return null;
            }
            Object value = values[column.index()];
            return type.isInstance(value) ? type.cast(value) : null;
        }
    }
}
