package org.aqqua.ingest.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.aqqua.metadata.RowProblem;
import org.aqqua.runtime.text.PublishableText;

/**
 * A job's report as it is found: problems are numbered in the order found and written in batches to
 * {@code job_problem}; past the configured maximum they are only counted, so a table of a million broken rows
 * costs a counter, not a million rows.
 */
final class ProblemLog {

    private static final int BATCH = 500;

    private final UUID jobId;
    private final DataSource dataSource;
    private final int maxStored;
    private final List<RowProblem> pending = new ArrayList<>();
    private long count;
    private int stored;
    /** A problem with a whole file or its header (line 1): no row of it can be trusted, whatever the policy. */
    private boolean fileLevel;

    ProblemLog(UUID jobId, DataSource dataSource, int maxStored) {
        this.jobId = jobId;
        this.dataSource = dataSource;
        this.maxStored = maxStored;
    }

    /** Starts the report afresh (a job taken over after a crash runs again from the start). */
    void clear() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from job_problem where job_id = ?")) {
            delete.setObject(1, jobId);
            delete.executeUpdate();
        }
    }

    synchronized void add(RowProblem problem) {
        count++;
        fileLevel |= problem.line() == null || problem.line() == 1;
        if (stored + pending.size() < maxStored) {
            pending.add(problem);
            if (pending.size() >= BATCH) {
                flush();
            }
        }
    }

    synchronized long count() {
        return count;
    }

    synchronized boolean hasFileLevelProblem() {
        return fileLevel;
    }

    synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into job_problem (job_id, seq, file, line, field, value, reason) "
                                + "values (?, ?, ?, ?, ?, ?, ?)")) {
            for (RowProblem problem : pending) {
                insert.setObject(1, jobId);
                insert.setInt(2, ++stored);
                insert.setString(3, storable(problem.file()));
                if (problem.line() == null) {
                    insert.setNull(4, Types.INTEGER);
                } else {
                    insert.setInt(4, problem.line());
                }
                insert.setString(5, storable(problem.field()));
                insert.setString(6, storable(clip(problem.value())));
                insert.setString(7, storable(problem.reason()));
                insert.addBatch();
            }
            insert.executeBatch();
            pending.clear();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the job's report", e);
        }
    }

    /**
     * Text as the report can hold and show it: a provider's cell or an archive's entry name may carry control
     * characters, and NUL (which PostgreSQL's text refuses) would lose the whole report. Each becomes U+FFFD.
     */
    private static String storable(String text) {
        return PublishableText.replaceUnpublishable(text);
    }

    /** A value is quoted so the provider can find it, not stored whole: a 1 MB cell helps no one in a report. */
    private static String clip(String value) {
        return value == null || value.length() <= 500 ? value : value.substring(0, 500) + "…";
    }
}
