package org.aqqua.catalog.image;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.aqqua.catalog.dataset.Dataset;
import org.aqqua.catalog.dataset.DatasetStatus;
import org.aqqua.catalog.sample.SampleTotals;
import org.aqqua.runtime.problem.FieldError;
import org.aqqua.runtime.problem.ProblemException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The two steps of every registration, however its lines arrive (one request, or parts staged over several):
 * the NDJSON lines are validated and streamed with COPY into a load table of text columns, then the rows the
 * dataset does not hold yet are inserted from it in one statement.
 */
@ApplicationScoped
class RegistrationRows {

    static final int MAX_REPORTED_ERRORS = 1000;
    private static final int MAX_LINE_CHARS = 1 << 20;
    /**
     * The insert sorts the rows by line (ids follow the lines): in memory, not in temporary files, for batches of
     * up to ~100k rows (the default 4 MB holds about 10k).
     */
    private static final String SORT_MEMORY = "128MB";

    private static final String COLUMNS = "object_id, sha256, storage_key, bytes, width, height, format, "
            + "pixel_size_um, latitude, longitude, depth_min, depth_max, altitude, observed_at, instrument, sample_id, "
            + "label, label_status, traits, raw";

    private final ObjectReader reader;

    RegistrationRows(ObjectMapper json) {
        // The fast double parser gives the same (correctly rounded) values as Double.parseDouble, faster.
        this.reader = json.readerFor(ImageRecord.class)
                .with(StreamReadFeature.USE_FAST_DOUBLE_PARSER.mappedFeature());
    }

    /**
     * The dataset, locked for the rest of the transaction (so that no other registration into it runs meanwhile);
     * 404 if there is none, 409 if it takes no more images.
     */
    static Dataset lockOpenDataset(UUID datasetId) {
        Dataset dataset = Dataset.findById(datasetId, LockModeType.PESSIMISTIC_WRITE);
        if (dataset == null) {
            throw ProblemException.notFound("No dataset " + datasetId + ".");
        }
        if (dataset.status == DatasetStatus.RELEASED || dataset.status == DatasetStatus.WITHDRAWN) {
            throw ProblemException.conflict("Dataset " + datasetId + " is " + dataset.status.wireName()
                    + " and takes no more images.");
        }
        return dataset;
    }

    /**
     * A load table's definition. Text columns: values are cast on insert, after COPY, so a bad value cannot fail
     * the COPY itself.
     */
    static String loadTableColumns() {
        return "(line bigint, " + String.join(" text, ", COLUMNS.split(", ")) + " text)";
    }

    /**
     * Streams every valid line of {@code body} into {@code table}, numbering lines from {@code firstLine}; throws
     * a 422 naming the invalid lines (up to {@value #MAX_REPORTED_ERRORS}), having copied none of them. Each
     * valid record is also handed to {@code loaded}.
     */
    long load(Connection connection, String table, InputStream body, long firstLine,
            Consumer<ImageRecord> loaded)
            throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN");
        List<FieldError> errors = new ArrayList<>();
        CopyRows row = new CopyRows();
        NdjsonLines lines = new NdjsonLines(body, MAX_LINE_CHARS, firstLine);
        long received = 0;
        try {
            for (String line = lines.next(); line != null; line = lines.next()) {
                if (line.isBlank()) {
                    continue;
                }
                received++;
                ImageRecord record = parse(line, lines.lineNumber(), errors);
                if (record == null || !errors.isEmpty()) {
                    if (errors.size() >= MAX_REPORTED_ERRORS) {
                        break;
                    }
                    continue;
                }
                loaded.accept(record);
                byte[] bytes = toRow(row, lines.lineNumber(), record);
                copy.writeToCopy(bytes, 0, bytes.length);
            }
        } finally {
            if (!errors.isEmpty() && copy.isActive()) {
                copy.cancelCopy();
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::row));
            throw ProblemException.unprocessable(errors.size() + (errors.size() >= MAX_REPORTED_ERRORS ? "+" : "")
                    + " invalid line(s); nothing was registered.", errors);
        }
        copy.endCopy();
        return received;
    }

    /** The record of one line, or null after adding its errors. */
    private ImageRecord parse(String line, long lineNumber, List<FieldError> errors) {
        ImageRecord record;
        try {
            record = reader.readValue(line);
        } catch (JsonMappingException e) {
            String field = e.getPath().isEmpty() ? null : e.getPath().get(e.getPath().size() - 1).getFieldName();
            String reason = e.getCause() instanceof IllegalArgumentException rule ? rule.getMessage()
                    : "cannot be read as the expected value";
            errors.add(FieldError.atRow(lineNumber, field, null, reason));
            return null;
        } catch (JsonProcessingException e) {
            errors.add(FieldError.atRow(lineNumber, null, null, "not a JSON object: "
                    + e.getOriginalMessage()));
            return null;
        }
        boolean valid = ImageRecordRules.check(record, lineNumber, errors);
        if (ImageRecordRules.mayHoldNul(line)) {
            valid &= ImageRecordRules.checkNul(record, lineNumber, errors);
        }
        return valid ? record : null;
    }

    private byte[] toRow(CopyRows row, long lineNumber, ImageRecord r) {
        return row.add(lineNumber).add(r.objectId()).add(r.sha256()).add(r.storageKey()).add(r.bytes())
                .add(r.width()).add(r.height()).add(r.format()).add(r.pixelSizeUm()).add(r.latitude())
                .add(r.longitude()).add(r.depthMin()).add(r.depthMax()).add(r.altitude()).add(r.observedAt())
                .add(r.instrument()).add(r.sampleId()).add(r.label())
                .add(r.labelStatus() == null ? null : r.labelStatus().wireName())
                .add(r.traits() == null || r.traits().isNull() ? null : r.traits().toString())
                .add(r.raw() == null || r.raw().isNull() ? null : r.raw().toString())
                .endRow();
    }

    /** Whether any object id or SHA-256 occurs twice in {@code table} (lines loaded by separate requests). */
    static boolean repeatsIn(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select exists (select 1 from " + table
                        + " group by object_id having count(*) > 1) or exists (select 1 from " + table
                        + " group by sha256 having count(*) > 1)")) {
            result.next();
            return result.getBoolean(1);
        }
    }

    /**
     * Inserts the loaded rows the dataset does not hold yet. Known object ids and images are filtered out with
     * anti-joins on the unique indexes, and repeats among the loaded rows keep their first line; a plain insert
     * (no ON CONFLICT, whose speculative insertion costs on every row) is safe because the dataset row is
     * locked for the whole transaction ({@link #lockOpenDataset}). The samples of the new rows are brought up to
     * date by the same statement, the dataset's counts by this method.
     *
     * @param received the lines loaded into {@code table}
     * @param repeats whether an object id or SHA-256 may occur more than once among them
     */
    static RegistrationResult insertNew(Connection connection, String table, Dataset dataset, long received,
            boolean repeats) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local work_mem = '" + SORT_MEMORY + "'"); // this transaction only
        }
        // Without repeats every rank is 1: the ranking (two sorts of every row) is left out.
        String ranks = repeats ? ", row_number() over (partition by l.object_id order by l.line) as object_rank, "
                + "row_number() over (partition by l.sha256 order by l.line) as image_rank" : "";
        String insert = "with fresh as (select l.*" + ranks + " from " + table + " l "
                + "where not exists (select 1 from image i where i.dataset_id = ? and i.object_id = l.object_id) "
                + "and not exists (select 1 from image i where i.dataset_id = ? and i.sha256 = l.sha256::char(64))), "
                + "inserted as (insert into image (dataset_id, " + COLUMNS + ") "
                + "select ?, object_id, sha256, storage_key, bytes::bigint, width::int, height::int, format, "
                + "pixel_size_um::float8, latitude::float8, longitude::float8, depth_min::float8, depth_max::float8, "
                + "altitude::float8, observed_at::timestamptz, instrument, sample_id, label, label_status, "
                + "traits::jsonb, raw::jsonb from fresh" + (repeats ? " where object_rank = 1 and image_rank = 1" : "")
                + " order by line "
                + "returning bytes, sample_id, latitude, longitude, observed_at, depth_min, depth_max, altitude), "
                + SampleTotals.ADD_INSERTED
                + "select count(*), coalesce(sum(bytes), 0) from inserted";
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            for (int parameter = 1; parameter <= 4; parameter++) {
                statement.setObject(parameter, dataset.id);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                long images = result.getLong(1);
                dataset.imageCount += images;
                dataset.imageBytes += result.getLong(2);
                return new RegistrationResult(received, images, received - images);
            }
        }
    }
}
