package org.aqqua.catalog.attribution;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Where and when a dataset's images were taken, computed from the images themselves. */
@ApplicationScoped
class ImageExtents {

    private static final String EXTENT = "select count(*), coalesce(sum(bytes), 0), min(latitude), max(latitude),"
            + " min(longitude), max(longitude), min(coalesce(depth_min, depth_max)), max(coalesce(depth_max,"
            + " depth_min)), min(observed_at), max(observed_at) from image where dataset_id = ?";
    private static final String INSTRUMENTS = "select distinct instrument from image where dataset_id = ?"
            + " order by instrument";

    private final AgroalDataSource dataSource;

    ImageExtents(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    DatasetAttribution.Extent of(UUID datasetId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement extent = connection.prepareStatement(EXTENT);
                PreparedStatement instruments = connection.prepareStatement(INSTRUMENTS)) {
            extent.setObject(1, datasetId);
            instruments.setObject(1, datasetId);
            List<String> names = new ArrayList<>();
            try (ResultSet rows = instruments.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            try (ResultSet row = extent.executeQuery()) {
                row.next();
                return new DatasetAttribution.Extent(row.getLong(1), row.getLong(2), number(row, 3), number(row, 4),
                        number(row, 5), number(row, 6), number(row, 7), number(row, 8), instant(row, 9),
                        instant(row, 10), names);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not compute the extent of dataset " + datasetId, e);
        }
    }

    private static Double number(ResultSet row, int column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
