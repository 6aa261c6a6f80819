package org.aqqua.catalog.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

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
    public ExportFormat format(Map<String, List<String>> parameters) {
        return ExportFormat.parse(ChoiceParameter.read(parameters, "format", ExportFormat.NAMES, true).orElseThrow());
    }

    public StreamingOutput stream(ImageQuery query, ExportFormat format) {
        String sql = "select " + ImageView.COLUMNS + ImageQuery.FROM + query.where() + " order by i.id";
        return output -> {
            ExportWriter writer = ExportWriter.of(format, output, json);
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
