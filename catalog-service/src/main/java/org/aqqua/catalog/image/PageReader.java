package org.aqqua.catalog.image;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGStatement;

/**
 * Reads one page of a search over JDBC: up to {@code limit} images after id {@code afterId}, in id order. The
 * benchmark runs this same code over its own connection as the baseline of the API's search.
 *
 * <p>Filters of equalities walk an index in id order and stop at the page's end: one statement. A box or a time
 * range has no index in id order, and the planner, which takes filters as independent, cannot tell whether a
 * walk in id order meets matches soon: images of an area or a time come in runs (datasets), so a walk may cross
 * millions of rows to find none. A range is walked by its cells instead ({@link CellWalk}), and the page's rows
 * are read by their ids.
 */
public final class PageReader {

    private PageReader() {
    }

    /** The page of {@code query} after {@code afterId}; adds that condition to the query. */
    public static List<ImageView> read(Connection connection, ImageQuery query, long afterId, int limit)
            throws SQLException {
        if (query.range() != ImageQuery.Range.NONE) {
            return byIds(connection, new CellWalk(query).ids(connection, afterId, limit));
        }
        query.add("i.id > ?", afterId);
        String sql = "select " + ImageView.COLUMNS + query.from() + query.where() + " order by i.id limit ?";
        try (PreparedStatement statement = prepare(connection, sql)) {
            statement.setInt(query.bind(statement, 1), limit);
            return read(statement, limit);
        }
    }

    /**
     * The rows of a range's page. Read apart from the walk that found them (the one statement of both cost more
     * to plan, see CellWalk), so they are those of the ids then: an image's row never changes and is never deleted,
     * and whether a dataset is public was decided by the walk, as if the request had come a moment earlier.
     */
    private static List<ImageView> byIds(Connection connection, long[] ids) throws SQLException {
        if (ids.length == 0) {
            return List.of();
        }
        try (PreparedStatement statement = prepare(connection, "select " + ImageView.COLUMNS
                + " from image i where i.id = any(?) order by i.id")) {
            ImageQuery.bind(statement, 1, ids);
            return read(statement, ids.length);
        }
    }

    private static List<ImageView> read(PreparedStatement statement, int limit) throws SQLException {
        List<ImageView> images = new ArrayList<>(limit);
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                images.add(ImageView.read(rows));
            }
        }
        return images;
    }

    /**
     * Prepared on the server from the first use, so that rows come in binary (numbers, ids and instants without
     * parsing text). Plans are still made for each request's values (plan_cache_mode in application.properties).
     */
    static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.unwrap(PGStatement.class).setPrepareThreshold(1);
        return statement;
    }
}
