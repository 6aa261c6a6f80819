package org.aqqua.catalog.sample;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads a dataset's samples a page at a time, in sample id order after a given id: a UVP cruise has thousands of
 * profiles, and the primary key (dataset, sample id) serves every page straight from its index.
 */
@ApplicationScoped
public class SampleCatalog {

    public static final int MAX_LIMIT = 1000;

    private final AgroalDataSource dataSource;

    SampleCatalog(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public SamplePage page(UUID datasetId, String after, int limit) {
        String sql = "select " + SampleView.COLUMNS + " from sample where dataset_id = ? and sample_id > ? "
                + "order by sample_id limit ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, datasetId);
            statement.setString(2, after == null ? "" : after);
            statement.setInt(3, limit + 1);
            List<SampleView> samples = new ArrayList<>(limit + 1);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    samples.add(SampleView.read(rows));
                }
            }
            boolean more = samples.size() > limit;
            List<SampleView> items = more ? samples.subList(0, limit) : samples;
            return new SamplePage(List.copyOf(items), more ? items.get(items.size() - 1).sampleId() : null);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the samples of dataset " + datasetId + " failed", e);
        }
    }
}
