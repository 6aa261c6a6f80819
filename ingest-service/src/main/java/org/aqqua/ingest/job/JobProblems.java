package org.aqqua.ingest.job;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.aqqua.metadata.RowProblem;

/** Reads a job's report back: a page of it for the job view, or all of it, streamed, for the report download. */
@ApplicationScoped
public class JobProblems {

    /**
     * File by file and line by line, as a provider fixes them: problems are numbered as found, and images are
     * decoded in parallel, so the order found is not the same from one run to the next.
     */
    private static final String SELECT = "select file, line, field, value, reason from job_problem "
            + "where job_id = ? order by file nulls first, line nulls first, seq";

    private final DataSource dataSource;

    JobProblems(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    List<RowProblem> page(UUID jobId, int offset, int limit) {
        List<RowProblem> page = new ArrayList<>();
        read(jobId, offset, limit, page::add);
        return page;
    }

    /** Every stored problem, streamed from one cursor so the report never sits in memory. */
    void forEach(UUID jobId, Consumer<RowProblem> each) {
        read(SELECT, jobId, each, query -> query.setFetchSize(5000));
    }

    private void read(UUID jobId, int offset, int limit, Consumer<RowProblem> each) {
        read(SELECT + " offset ? limit ?", jobId, each, query -> {
            query.setInt(2, offset);
            query.setInt(3, limit);
        });
    }

    private void read(String sql, UUID jobId, Consumer<RowProblem> each, QuerySetup setup) {
        try (Connection connection = dataSource.getConnection()) {
            // PostgreSQL streams a result by its fetch size only inside a transaction.
            boolean autoCommit = connection.getAutoCommit();
            if (autoCommit) {
                connection.setAutoCommit(false);
            }
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setObject(1, jobId);
                setup.apply(query);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        int line = rows.getInt(2);
                        Integer lineOrNone = rows.wasNull() ? null : line;
                        each.accept(new RowProblem(rows.getString(1), lineOrNone, rows.getString(3),
                                rows.getString(4), rows.getString(5)));
                    }
                }
            } finally {
                if (autoCommit) {
                    connection.commit();
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the report of job " + jobId, e);
        }
    }

    @FunctionalInterface
    private interface QuerySetup {
        void apply(PreparedStatement query) throws SQLException;
    }
}
