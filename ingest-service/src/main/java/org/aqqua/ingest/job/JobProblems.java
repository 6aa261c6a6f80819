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

    private static final String SELECT = "select file, line, field, value, reason from job_problem "
            + "where job_id = ? and seq > ? order by seq limit ?";

    private final DataSource dataSource;

    JobProblems(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    List<RowProblem> page(UUID jobId, int offset, int limit) {
        List<RowProblem> page = new ArrayList<>();
        read(jobId, offset, limit, page::add);
        return page;
    }

    /** Every stored problem in the order found, read in chunks so the report never sits in memory. */
    void forEach(UUID jobId, Consumer<RowProblem> each) {
        int chunk = 5000;
        int offset = 0;
        int read;
        do {
            int[] count = {0};
            read(jobId, offset, chunk, problem -> {
                count[0]++;
                each.accept(problem);
            });
            read = count[0];
            offset += read;
        } while (read == chunk);
    }

    private void read(UUID jobId, int offset, int limit, Consumer<RowProblem> each) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(SELECT)) {
            query.setObject(1, jobId);
            query.setInt(2, offset);
            query.setInt(3, limit);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    int line = rows.getInt(2);
                    each.accept(new RowProblem(rows.getString(1), rows.wasNull() ? null : line, rows.getString(3),
                            rows.getString(4), rows.getString(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the report of job " + jobId, e);
        }
    }
}
