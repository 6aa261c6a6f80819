package org.aqqua.catalog.image;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * The SQL of one page of a search and its parameters ({@link #of}): up to {@code limit} images (the columns of
 * {@link ImageView#COLUMNS}) after id {@code afterId}, in id order. The benchmark runs this same statement over
 * JDBC as the baseline of the API's search.
 *
 * <p>Filters of equalities walk an index in id order and stop at the page's end. A box or a time range has no
 * index in id order, and the planner, which takes filters as independent, cannot tell whether a walk in id order
 * meets matches soon: images of an area or a time come in runs (datasets), so a walk may cross millions of rows
 * to find none. Instead, a range is cut into cells, each cell's images are in id order in an index, and each cell
 * is walked up to a page of matches: a box by its 1° grid cells ({@link GridCells}, index on cell and id), a time
 * range by its months ({@link ObservedMonths}, index on instrument, month and id, or month and id). The first
 * page of them all is kept, and only those rows read: at most a page per cell, however dense the range.
 */
public record PageStatement(String sql, ImageQuery query, int limit) {

    /** The page of {@code query} after {@code afterId}; adds that condition to the query. */
    public static PageStatement of(ImageQuery query, long afterId, int limit) {
        query.add("i.id > ?", afterId);
        String rows = "select " + ImageView.COLUMNS;
        String sql = switch (query.range()) {
            case NONE -> rows + query.from() + query.where() + " order by i.id limit ?";
            case AREA -> rows + byCells(query, "unnest(?)", "i.cell");
            case TIME -> rows + byCells(query, ObservedMonths.SERIES, "i.observed_month");
        };
        return new PageStatement(sql, query, limit);
    }

    /** From each cell, the first page of its matches in id order; of them all, the first page; then its rows. */
    private static String byCells(ImageQuery query, String cells, String cellColumn) {
        return " from (select m.id from " + cells + " as cells (cell) cross join lateral (select i.id"
                + query.from() + query.whereWithinCell() + " and " + cellColumn + " = cells.cell"
                + " order by i.id limit ?) m order by m.id limit ?) page join image i on i.id = page.id"
                + " order by page.id";
    }

    /**
     * Binds every parameter of {@link #sql()}: for a range its cells first, then the query (within a cell, for a
     * range), then the limits.
     */
    public void bind(PreparedStatement statement) throws SQLException {
        int next = 1;
        switch (query.range()) {
            case AREA -> ImageQuery.bind(statement, next++, query.cells());
            case TIME -> {
                for (Integer month : query.months()) {
                    if (month == null) {
                        statement.setNull(next++, Types.INTEGER);
                    } else {
                        statement.setInt(next++, month);
                    }
                }
            }
            case NONE -> { }
        }
        next = query.range() == ImageQuery.Range.NONE ? query.bind(statement, next)
                : query.bindWithinCell(statement, next);
        statement.setInt(next++, limit);
        if (query.range() != ImageQuery.Range.NONE) {
            statement.setInt(next, limit);
        }
    }
}
