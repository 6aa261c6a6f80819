package org.aqqua.catalog.image;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The SQL of one page of a search and its parameters ({@link #of}): up to {@code limit} images (the columns of
 * {@link ImageView#COLUMNS}) after id {@code afterId}, in id order. The benchmark runs this same statement over
 * JDBC as the baseline of the API's search.
 *
 * <p>Filters of equalities walk an index in id order and stop at the page's end. A box or a time range has no
 * index in id order, and the planner, which takes filters as independent, cannot tell whether a walk in id order
 * meets matches soon: images of an area or a time come in runs (datasets), so a walk may cross millions of rows
 * to find none. Instead, the page's ids are found in covering indexes first and only those rows read. A box walks
 * each of its grid cells in id order (index on cell and id) up to a page of matches, and keeps the first page of
 * them all: at most a page per cell, however dense the area. A time range collects the ids of its matches (index
 * on instrument and time, or time) while they are at most {@link #TIME_RANGE_FIRST} (counted in the same
 * statement); beyond that, matches are many and a walk in id order finds them soon.
 */
public record PageStatement(String sql, ImageQuery query, int limit) {

    /**
     * A time range matching at most this many images is answered from the range's covering index (all matches
     * collected, the first page kept); more, and the page is found by walking an index in id order.
     */
    static final int TIME_RANGE_FIRST = 20_000;

    /** The page of {@code query} after {@code afterId}; adds that condition to the query. */
    public static PageStatement of(ImageQuery query, long afterId, int limit) {
        query.add("i.id > ?", afterId);
        String matches = "select i.id" + query.from() + query.where();
        String rows = "select " + ImageView.COLUMNS;
        String ofPage = " page join image i on i.id = page.id order by page.id";
        String sql = switch (query.range()) {
            case NONE -> rows + query.from() + query.where() + " order by i.id limit ?";
            case AREA -> rows + " from (select m.id from unnest(?) as grid (cell) cross join lateral (" + matches
                    + " and i.cell = grid.cell order by i.id limit ?) m order by m.id limit ?)" + ofPage;
            case TIME -> "with matches as materialized (" + matches + " limit " + (TIME_RANGE_FIRST + 1) + ") "
                    + rows + " from ((select id from matches where (select count(*) from matches) <= "
                    + TIME_RANGE_FIRST + " order by id limit ?) union all (" + matches
                    + " and (select count(*) from matches) > " + TIME_RANGE_FIRST + " order by i.id limit ?))"
                    + ofPage;
        };
        return new PageStatement(sql, query, limit);
    }

    /** Binds every parameter of {@link #sql()}: for a box its cells first, for a time range the query twice. */
    public void bind(PreparedStatement statement) throws SQLException {
        int next = 1;
        if (query.range() == ImageQuery.Range.AREA) {
            ImageQuery.bind(statement, next++, query.cells());
        }
        next = query.bind(statement, next);
        statement.setInt(next++, limit);
        if (query.range() == ImageQuery.Range.AREA) {
            statement.setInt(next, limit);
        } else if (query.range() == ImageQuery.Range.TIME) {
            next = query.bind(statement, next);
            statement.setInt(next, limit);
        }
    }
}
