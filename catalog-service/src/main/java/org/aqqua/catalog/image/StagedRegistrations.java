package org.aqqua.catalog.image;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.aqqua.catalog.dataset.Dataset;
import org.aqqua.runtime.problem.FieldError;
import org.aqqua.runtime.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * A registration whose lines arrive in parts, one request each, and are registered together by a last request:
 * for jobs with more images than one request may carry. Started, its parts are validated and staged as they come
 * (a 422 names the invalid lines by their number in the whole list; several parts may be staged at once, each on
 * a connection of its own), and the commit inserts them all in one transaction, exactly as a single-request
 * registration would: all or nothing. The commit is refused unless the number of staged lines is the number the
 * client sent, so a lost part cannot go unnoticed. Registrations left behind by a client that died are dropped when
 * untouched for {@link #ABANDONED_AFTER}.
 */
@ApplicationScoped
public class StagedRegistrations {

    private static final Logger LOG = Logger.getLogger(StagedRegistrations.class);
    static final Duration ABANDONED_AFTER = Duration.ofDays(1);

    private final AgroalDataSource dataSource;
    private final RegistrationRows rows;
    private final Clock clock;

    StagedRegistrations(AgroalDataSource dataSource, RegistrationRows rows, Clock clock) {
        this.dataSource = dataSource;
        this.rows = rows;
        this.clock = clock;
    }

    /** Lines staged so far for a registration. */
    public record Staged(UUID id, long stagedLines) {
    }

    /** A new registration into the dataset (404 if there is none, 409 if it takes no more images). */
    @Transactional
    public Staged start(UUID datasetId) {
        RegistrationRows.lockOpenDataset(datasetId);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            sweepAbandoned(connection, now);
            try (PreparedStatement insert = connection.prepareStatement("insert into image_registration "
                    + "(id, dataset_id, started_at, touched_at) values (?, ?, ?, ?)");
                    Statement create = connection.createStatement()) {
                insert.setObject(1, id);
                insert.setObject(2, datasetId);
                insert.setTimestamp(3, Timestamp.from(now));
                insert.setTimestamp(4, Timestamp.from(now));
                insert.executeUpdate();
                // Not autovacuumed: the table lives minutes, is read once, in full, and its statistics change no
                // plan. Autovacuum analysed 50,000 staged lines while their insert ran (about a CPU-second in a
                // profile of bench/ingest), work that could only be thrown away with the table.
                create.execute("create unlogged table " + table(id) + " " + RegistrationRows.loadTableColumns()
                        + " with (autovacuum_enabled = false)");
            }
            return new Staged(id, 0);
        } catch (SQLException e) {
            throw new IllegalStateException("Starting a registration into dataset " + datasetId + " failed", e);
        }
    }

    /**
     * Validates and stages a part of the lines, the first of them line {@code firstLine} of the whole list; a part
     * with an invalid line stages nothing and is answered 422 naming it.
     */
    @Transactional
    @TransactionConfiguration(timeout = 900)
    public Staged stage(UUID datasetId, UUID registrationId, long firstLine, InputStream body) {
        if (firstLine < 1) {
            throw ProblemException.badRequest("firstLine must be 1 or more, not " + firstLine + ".",
                    List.of(FieldError.of("firstLine", firstLine, "must be 1 or more")));
        }
        try (Connection connection = dataSource.getConnection()) {
            // Shared with other parts being staged (a client may send several at once, each COPY on a connection
            // of its own), exclusive of a commit or abort, which waits until every part under way is staged.
            lock(connection, datasetId, registrationId, RowLock.SHARED);
            long started = System.nanoTime();
            long received = rows.load(connection, table(registrationId), body, firstLine, record -> { });
            LOG.infof("Staged %d lines from line %d of registration %s in %d ms", received, firstLine, registrationId,
                    (System.nanoTime() - started) / 1_000_000);
            // Row-locked from here to the end of the transaction: a part staged meanwhile adds its lines after it.
            try (PreparedStatement update = connection.prepareStatement("update image_registration set "
                    + "staged_lines = staged_lines + ?, touched_at = ? where id = ? returning staged_lines")) {
                update.setLong(1, received);
                update.setTimestamp(2, Timestamp.from(clock.instant()));
                update.setObject(3, registrationId);
                try (ResultSet result = update.executeQuery()) {
                    result.next();
                    return new Staged(registrationId, result.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Staging lines of registration " + registrationId + " failed", e);
        }
    }

    /**
     * Registers every staged line, if exactly {@code expectedLines} were staged (409 otherwise, and the
     * registration stays as it is); the registration is gone afterwards.
     */
    @Transactional
    @TransactionConfiguration(timeout = 900)
    public RegistrationResult commit(UUID datasetId, UUID registrationId, long expectedLines) {
        Dataset dataset = RegistrationRows.lockOpenDataset(datasetId);
        try (Connection connection = dataSource.getConnection()) {
            long staged = lock(connection, datasetId, registrationId, RowLock.EXCLUSIVE);
            if (staged != expectedLines) {
                throw ProblemException.conflict("Registration " + registrationId + " has " + staged
                        + " line(s) staged, not the " + expectedLines + " the commit names; nothing was registered.");
            }
            String table = table(registrationId);
            long started = System.nanoTime();
            RegistrationResult result = RegistrationRows.insertNew(connection, table, dataset, staged,
                    RegistrationRows.repeatsIn(connection, table));
            LOG.infof("Registered %d of %d staged images into dataset %s: inserted in %d ms", result.registered(),
                    staged, datasetId, (System.nanoTime() - started) / 1_000_000);
            drop(connection, registrationId);
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("Committing registration " + registrationId + " failed", e);
        }
    }

    /** Drops a registration and its staged lines; nothing of it is registered. */
    @Transactional
    public void abort(UUID datasetId, UUID registrationId) {
        try (Connection connection = dataSource.getConnection()) {
            lock(connection, datasetId, registrationId, RowLock.EXCLUSIVE);
            drop(connection, registrationId);
        } catch (SQLException e) {
            throw new IllegalStateException("Aborting registration " + registrationId + " failed", e);
        }
    }

    /** How a request holds the registration's row until its transaction ends. */
    private enum RowLock {
        /** Staging a part: other parts may be staged meanwhile, and their counts added one after the other. */
        SHARED("for key share"),
        /** Commit or abort: after every part under way, and no part staged meanwhile. */
        EXCLUSIVE("for update");

        private final String clause;

        RowLock(String clause) {
            this.clause = clause;
        }
    }

    /** Locks the registration's row until the transaction ends; its staged lines, or 404 if there is none. */
    private static long lock(Connection connection, UUID datasetId, UUID registrationId, RowLock rowLock)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select staged_lines from image_registration "
                + "where id = ? and dataset_id = ? " + rowLock.clause)) {
            select.setObject(1, registrationId);
            select.setObject(2, datasetId);
            try (ResultSet result = select.executeQuery()) {
                if (!result.next()) {
                    throw ProblemException.notFound("No registration " + registrationId + " into dataset "
                            + datasetId + " (committed, aborted, or abandoned for over "
                            + ABANDONED_AFTER.toHours() + " hours).");
                }
                return result.getLong(1);
            }
        }
    }

    private void sweepAbandoned(Connection connection, Instant now) throws SQLException {
        List<UUID> abandoned = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select id from image_registration "
                + "where touched_at < ? for update skip locked")) {
            select.setTimestamp(1, Timestamp.from(now.minus(ABANDONED_AFTER)));
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    abandoned.add(result.getObject(1, UUID.class));
                }
            }
        }
        for (UUID id : abandoned) {
            drop(connection, id);
            LOG.infof("Dropped registration %s, untouched for over %d hours", id, ABANDONED_AFTER.toHours());
        }
    }

    private static void drop(Connection connection, UUID registrationId) throws SQLException {
        try (Statement drop = connection.createStatement();
                PreparedStatement delete = connection.prepareStatement("delete from image_registration where id = ?")) {
            drop.execute("drop table if exists " + table(registrationId));
            delete.setObject(1, registrationId);
            delete.executeUpdate();
        }
    }

    /** The registration's load table; the name comes from a UUID, never from a client's text. */
    static String table(UUID registrationId) {
        return "image_staging_" + registrationId.toString().replace("-", "");
    }
}
