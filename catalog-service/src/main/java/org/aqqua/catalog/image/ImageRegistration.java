package org.aqqua.catalog.image;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.UUID;
import org.aqqua.catalog.dataset.Dataset;

/**
 * Bulk registration of images: the NDJSON body is validated line by line and streamed with COPY into a
 * temporary table, then inserted in one statement that skips what the dataset already holds (same object id or
 * same SHA-256) and repeats within the request. One transaction per request: either every line is valid and all new
 * images are registered, or nothing is and the answer names every invalid line. For more lines than one request
 * may carry, see {@link StagedRegistrations}.
 */
@ApplicationScoped
public class ImageRegistration {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ImageRegistration.class);

    private final AgroalDataSource dataSource;
    private final RegistrationRows rows;

    ImageRegistration(AgroalDataSource dataSource, RegistrationRows rows) {
        this.dataSource = dataSource;
        this.rows = rows;
    }

    @Transactional
    @TransactionConfiguration(timeout = 900)
    public RegistrationResult register(UUID datasetId, InputStream body) {
        Dataset dataset = RegistrationRows.lockOpenDataset(datasetId);
        // Closed here, returned to the pool when the transaction ends (otherwise Agroal closes it then, warning).
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                // Text columns: values are cast on insert, after COPY, so a bad value cannot fail the COPY itself.
                statement.execute("create temp table image_load " + RegistrationRows.loadTableColumns()
                        + " on commit drop");
            }
            long started = System.nanoTime();
            Keys keys = new Keys();
            long received = rows.load(connection, "image_load", body, 1, keys::add);
            long loaded = System.nanoTime();
            RegistrationResult result = RegistrationRows.insertNew(connection, "image_load", dataset, received,
                    keys.repeated());
            LOG.infof("Registered %d of %d images into dataset %s: loaded in %d ms, inserted in %d ms",
                    result.registered(), received, datasetId, (loaded - started) / 1_000_000,
                    (System.nanoTime() - loaded) / 1_000_000);
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("Bulk registration into dataset " + datasetId + " failed", e);
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
