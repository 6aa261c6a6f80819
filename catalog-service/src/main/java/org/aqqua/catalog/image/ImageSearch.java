package org.aqqua.catalog.image;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads images for search, single records and statistics, in plain SQL over the indexes of the image table.
 * Pages are keyset-paged by id: the next page starts after the last id, so pages stay fast and stable however
 * deep a client goes and however many images arrive meanwhile.
 */
@ApplicationScoped
public class ImageSearch {

    /** The statistics groupings and their SQL keys. */
    public static final Map<String, String> GROUPINGS = Map.of(
            "instrument", "i.instrument",
            "label", "i.label",
            "dataset", "i.dataset_id::text",
            "month", "to_char(i.observed_at at time zone 'UTC', 'YYYY-MM')",
            "year", "to_char(i.observed_at at time zone 'UTC', 'YYYY')");

    public record Count(String key, long images, long bytes) {
    }

    private final AgroalDataSource dataSource;

    ImageSearch(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Up to {@code limit} images after id {@code afterId}, in id order ({@link PageReader}). */
    public List<ImageView> page(ImageQuery query, long afterId, int limit) {
        try (Connection connection = dataSource.getConnection()) {
            return PageReader.read(connection, query, afterId, limit);
        } catch (SQLException e) {
            throw new IllegalStateException("Image search failed", e);
        }
    }

    public Optional<ImageView> one(ImageQuery scope, long id) {
        scope.add("i.id = ?", id);
        List<ImageView> found = page(scope, Long.MIN_VALUE, 1);
        return found.stream().findFirst();
    }

    /** Image counts and bytes per group (most images first), or one total when {@code groupBy} is null. */
    public List<Count> count(ImageQuery query, String groupBy) {
        String key = groupBy == null ? "'total'" : GROUPINGS.get(groupBy);
        String sql = "select " + key + ", count(*), coalesce(sum(i.bytes), 0)" + query.from() + query.where()
                + (groupBy == null ? "" : " group by 1 order by 2 desc, 1");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = PageReader.prepare(connection, sql)) {
            query.bind(statement, 1);
            Map<String, Count> counts = new LinkedHashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), new Count(rows.getString(1), rows.getLong(2), rows.getLong(3)));
                }
            }
            return List.copyOf(counts.values());
        } catch (SQLException e) {
            throw new IllegalStateException("Image statistics failed", e);
        }
    }
}
