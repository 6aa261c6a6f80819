package org.aqqua.catalog.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Streams every image of a selection in id order, straight from a server-side cursor to the response: memory
 * stays flat whatever the size of the export.
 */
@ApplicationScoped
public class ImageExport {

    private static final int FETCH_SIZE = 10_000;

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    ImageExport(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** The {@code format} parameter, required, checked before anything is streamed. */
    public ExportFormat format(java.util.Map<String, java.util.List<String>> parameters) {
        java.util.List<String> values = parameters.getOrDefault("format", java.util.List.of());
        try {
            if (values.size() != 1) {
                throw new IllegalArgumentException("give exactly one of csv, jsonl, ecotaxa");
            }
            return ExportFormat.parse(values.get(0));
        } catch (IllegalArgumentException e) {
            throw org.aqqua.runtime.problem.ProblemException.badRequest("Invalid query parameter(s): format.",
                    java.util.List.of(org.aqqua.runtime.problem.FieldError.of("format", String.join(",", values),
                            e.getMessage())));
        }
    }

    public StreamingOutput stream(ImageQuery query, ExportFormat format) {
        String sql = "select " + ImageView.COLUMNS + " from image i join dataset d on d.id = i.dataset_id"
                + query.where() + " order by i.id";
        return output -> {
            BufferedWriter out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1 << 16);
            ExportWriter writer = ExportWriter.of(format, out, json);
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setFetchSize(FETCH_SIZE);
                    query.bind(statement, 1);
                    writer.header();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            writer.row(rows);
                        }
                    }
                    writer.finish();
                } finally {
                    connection.rollback();
                }
            } catch (SQLException e) {
                throw new IOException("Export stopped: " + e.getMessage(), e);
            }
        };
    }
}
