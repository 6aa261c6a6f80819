package org.aqqua.catalog.image;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;

/**
 * Streams every image of a selection in id order, straight from PostgreSQL's binary COPY of the query to the
 * response: PostgreSQL produces rows while the writer formats the ones before (a cursor would wait for each batch
 * to be written before fetching the next), and memory stays flat whatever the size of the export. COPY takes no
 * parameters, so the filter's values are written into the query as literals ({@link ImageQuery#whereWithLiterals}).
 */
@ApplicationScoped
public class ImageExport {

    private final AgroalDataSource dataSource;

    ImageExport(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The {@code format} parameter, required, checked before anything is streamed. */
    public ExportFormat format(Map<String, List<String>> parameters) {
        return ExportFormat.parse(ChoiceParameter.read(parameters, "format", ExportFormat.NAMES, true).orElseThrow());
    }

    public StreamingOutput stream(ImageQuery query, ExportFormat format) {
        return output -> {
            ExportWriter writer = ExportWriter.of(format, output);
            try (Connection connection = dataSource.getConnection()) {
                PGConnection postgres = connection.unwrap(PGConnection.class);
                String sql = "COPY (select " + writer.columns() + query.from() + query.whereWithLiterals(postgres)
                        + " order by i.id) TO STDOUT (FORMAT binary)";
                // Closing the stream before the end (the client went away) cancels the COPY.
                try (PGCopyInputStream copy = new PGCopyInputStream(postgres, sql)) {
                    BinaryCopyRows rows = new BinaryCopyRows(copy, writer.columnCount());
                    writer.header();
                    while (rows.next()) {
                        writer.row(rows);
                    }
                    while (copy.read() >= 0) {
                        // Nothing follows the last row but the end of the COPY.
                    }
                }
                writer.finish();
            } catch (SQLException e) {
                throw new IOException("Export stopped: " + e.getMessage(), e);
            }
        };
    }
}
