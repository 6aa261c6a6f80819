package org.aqqua.catalog.image;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.aqqua.catalog.dataset.Dataset;
import org.aqqua.catalog.dataset.DatasetStatus;
import org.aqqua.catalog.sample.SampleTotals;
import org.aqqua.runtime.problem.FieldError;
import org.aqqua.runtime.problem.ProblemException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Bulk registration of images: the NDJSON body is validated line by line and streamed with COPY into a
 * temporary table, then inserted in one statement that skips what the dataset already holds (same object id or
 * same SHA-256) and repeats within the request. One transaction per request: either every line is valid and all new images are registered, or
 * nothing is and the answer names every invalid line (up to {@link #MAX_REPORTED_ERRORS}).
 */
@ApplicationScoped
public class ImageRegistration {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ImageRegistration.class);
    static final int MAX_REPORTED_ERRORS = 1000;
    private static final int MAX_LINE_CHARS = 1 << 20;
    private static final String SORT_MEMORY = "128MB";

    private static final String COLUMNS = "object_id, sha256, storage_key, bytes, width, height, format, "
            + "pixel_size_um, latitude, longitude, depth_min, depth_max, altitude, observed_at, instrument, sample_id, "
            + "label, label_status, traits, raw";

    private final AgroalDataSource dataSource;
    private final ObjectReader reader;

    ImageRegistration(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        // The fast double parser gives the same (correctly rounded) values as Double.parseDouble, faster.
        this.reader = json.readerFor(ImageRecord.class)
                .with(StreamReadFeature.USE_FAST_DOUBLE_PARSER.mappedFeature());
    }

    @Transactional
    @TransactionConfiguration(timeout = 900)
    public RegistrationResult register(UUID datasetId, InputStream body) {
        Dataset dataset = Dataset.findById(datasetId, LockModeType.PESSIMISTIC_WRITE);
        if (dataset == null) {
            throw ProblemException.notFound("No dataset " + datasetId + ".");
        }
        if (dataset.status == DatasetStatus.RELEASED || dataset.status == DatasetStatus.WITHDRAWN) {
            throw ProblemException.conflict("Dataset " + datasetId + " is " + dataset.status.wireName()
                    + " and takes no more images.");
        }
        // Closed here, returned to the pool when the transaction ends (otherwise Agroal closes it then, warning).
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                // Text columns: values are cast on insert, after COPY, so a bad value cannot fail the COPY itself.
                statement.execute("create temp table image_load (line bigint, "
                        + String.join(" text, ", COLUMNS.split(", ")) + " text) on commit drop");
                // The insert sorts the request's rows by line (ids follow the lines): in memory, not in temporary
                // files, for batches of up to ~100k rows (the default 4 MB holds about 10k). This transaction only.
                statement.execute("set local work_mem = '" + SORT_MEMORY + "'");
            }
            long started = System.nanoTime();
            Keys keys = new Keys();
            long received = load(connection, body, keys);
            long loaded = System.nanoTime();
            Inserted inserted = insertNew(connection, datasetId, keys.repeated());
            LOG.infof("Registered %d of %d images into dataset %s: loaded in %d ms, inserted in %d ms", inserted.images(),
                    received, datasetId, (loaded - started) / 1_000_000, (System.nanoTime() - loaded) / 1_000_000);
            dataset.imageCount += inserted.images();
            dataset.imageBytes += inserted.bytes();
            return new RegistrationResult(received, inserted.images(), received - inserted.images());
        } catch (SQLException e) {
            throw new IllegalStateException("Bulk registration into dataset " + datasetId + " failed", e);
        }
    }

    private record Inserted(long images, long bytes) {
    }

    /** Streams every valid line into image_load; throws a 422 naming the invalid lines. */
    private long load(Connection connection, InputStream body, Keys keys) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY image_load FROM STDIN");
        List<FieldError> errors = new ArrayList<>();
        CopyRows row = new CopyRows();
        NdjsonLines lines = new NdjsonLines(body, MAX_LINE_CHARS);
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
                keys.add(record);
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
        return ImageRecordRules.check(record, lineNumber, errors) ? record : null;
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

    /**
     * Inserts the loaded rows the dataset does not hold yet. Known object ids and images are filtered out with
     * anti-joins on the unique indexes, and repeats within the request keep their first line; a plain insert
     * (no ON CONFLICT, whose speculative insertion costs on every row) is safe because the dataset row is
     * locked for the whole transaction, so no other registration into it runs meanwhile. The samples of the
     * new rows are brought up to date by the same statement.
     */
    private Inserted insertNew(Connection connection, UUID datasetId, boolean repeats) throws SQLException {
        // Without repeats in the request every rank is 1: the ranking (two sorts of every row) is left out.
        String ranks = repeats ? ", row_number() over (partition by l.object_id order by l.line) as object_rank, "
                + "row_number() over (partition by l.sha256 order by l.line) as image_rank" : "";
        String insert = "with fresh as (select l.*" + ranks + " from image_load l "
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
            statement.setObject(1, datasetId);
            statement.setObject(2, datasetId);
            statement.setObject(3, datasetId);
            statement.setObject(4, datasetId);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return new Inserted(result.getLong(1), result.getLong(2));
            }
        }
    }

    /**
     * The object ids and SHA-256s of a request's rows, as 64-bit hashes: whether any repeats within the request
     * (equal text has equal hashes; a collision of different text only costs the ranking that finds no repeat).
     */
    static final class Keys {

        private long[] objects = new long[1024];
        private long[] images = new long[1024];
        private int count;

        void add(ImageRecord record) {
            if (count == objects.length) {
                objects = Arrays.copyOf(objects, 2 * count);
                images = Arrays.copyOf(images, 2 * count);
            }
            objects[count] = hash(record.objectId());
            images[count] = hash(record.sha256());
            count++;
        }

        boolean repeated() {
            return repeats(objects) || repeats(images);
        }

        private boolean repeats(long[] hashes) {
            long[] sorted = Arrays.copyOf(hashes, count);
            Arrays.sort(sorted);
            for (int i = 1; i < sorted.length; i++) {
                if (sorted[i] == sorted[i - 1]) {
                    return true;
                }
            }
            return false;
        }

        /** FNV-1a over the UTF-16 chars. */
        static long hash(String text) {
            long hash = 0xcbf29ce484222325L;
            for (int i = 0; i < text.length(); i++) {
                hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
            }
            return hash;
        }
    }
}
