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
 * to find none. Instead, a range is cut into cells, each cell's images are in id order in an index: a box by its
 * 1° grid cells ({@link GridCells}, index on cell and id), a time range by its months ({@link ObservedMonths},
 * index on instrument, month and id, or month and id). The first page of ids over all cells is found by walking
 * each cell in id order ({@link #byCells}), and only then are those rows read.
 */
public record PageStatement(String sql, ImageQuery query, int limit) {

    /** The page of {@code query} after {@code afterId}; adds that condition to the query. */
    public static PageStatement of(ImageQuery query, long afterId, int limit) {
        query.add("i.id > ?", afterId);
        String rows = "select " + ImageView.COLUMNS;
        String sql = switch (query.range()) {
            case NONE -> rows + query.from() + query.where() + " order by i.id limit ?";
            case AREA -> rows + byCells(query, "unnest(?)", "i.cell", firstPerCell(limit, query.cells().length));
            case TIME -> rows + byCells(query, ObservedMonths.SERIES, "i.observed_month",
                    firstPerCell(limit, query.monthCount()));
        };
        return new PageStatement(sql, query, limit);
    }

    /**
     * How many matches to take from each cell in the first round: together about twice a page, at least 8. A
     * cell whose first ones all come before the page's end (the limit-th smallest id of the round) is walked again
     * up to that end in a second round.
     */
    static int firstPerCell(int limit, int cells) {
        return Math.max(8, (2 * limit + cells - 1) / Math.max(1, cells));
    }

    /**
     * The smallest {@code limit} ids of all cells, in two rounds, then their rows. The first round takes up to
     * {@code first} ids from each cell; the limit-th smallest of them all is the page's end, or there is no end
     * when the round found fewer. Every cell that gave all {@code first} and whose last comes before the end (or
     * with no end) is then walked on, after its last, up to the end and at most a page. Every match up to the end
     * is then known, and the page is the smallest of them. A dense range costs about two pages of index entries,
     * not a page per cell.
     */
    private static String byCells(ImageQuery query, String cells, String cellColumn, int first) {
        String last = "r.ids[" + first + "]";
        return " from (with first_round as materialized (select c.cell, f.ids from " + cells + " as c (cell)"
                + " cross join lateral (select array_agg(id order by id) as ids from (" + inCell(query, cellColumn,
                        "c.cell") + " order by i.id limit " + first + ") s) f),"
                + " page_end as (select (array_agg(id order by id))[?] as id from first_round, unnest(ids) as id),"
                + " candidates as (select id from first_round, unnest(ids) as id union all select m.id"
                + " from first_round r cross join page_end e cross join lateral (" + inCell(query, cellColumn,
                        "r.cell") + " and i.id > " + last + " and i.id < coalesce(e.id, " + Long.MAX_VALUE + ")"
                + " order by i.id limit ?) m where cardinality(r.ids) = " + first + " and " + last
                + " < coalesce(e.id, " + Long.MAX_VALUE + "))"
                + " select id from candidates order by id limit ?) page join image i on i.id = page.id"
                + " order by page.id";
    }

    private static String inCell(ImageQuery query, String cellColumn, String cell) {
        return "select i.id" + query.from() + query.whereWithinCell() + " and " + cellColumn + " = " + cell;
    }

    /**
     * Binds every parameter of {@link #sql()}: for a range its cells, the query within a cell, the limit (the
     * page's end), the query again, the limit of the second round and of the page.
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
        if (query.range() == ImageQuery.Range.NONE) {
            next = query.bind(statement, next);
            statement.setInt(next, limit);
            return;
        }
        next = query.bindWithinCell(statement, next); // first round
        statement.setInt(next++, limit); // the page's end
        next = query.bindWithinCell(statement, next); // second round
        statement.setInt(next++, limit);
        statement.setInt(next, limit);
    }
}
