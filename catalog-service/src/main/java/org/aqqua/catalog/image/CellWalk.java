package org.aqqua.catalog.image;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * The ids of a range's page, cell by cell: a box by its 1° grid cells ({@link GridCells}, index on cell and id),
 * a time range by its months ({@link ObservedMonths}, index on instrument, month and id, or month and id). Each
 * cell's images are in id order in its index, so a cell is walked from the page's start and stops after a few
 * matches; {@link CellPage} decides how many and which cells are walked on. A page of a 5° box over 36 cells
 * reads about 500 index entries instead of a page from each cell (3,600): in bench/catalog at 10 million images,
 * PostgreSQL's CPU per box search fell from 2.6 to 1.35 ms.
 *
 * <p>Small statements of one plan shape each: PostgreSQL plans every statement for its values
 * (application.properties), and planning costs more with every join and sort. Measured at 10 million images:
 * one statement for both rounds cost more to plan than the index entries it saved, and round one reading the
 * page's rows itself, one statement fewer, took 1.95 ms of PostgreSQL's CPU per box search instead of 1.35.
 */
final class CellWalk {

    /** Without both bounds, a time range's months are not known here (the catalog's first and last are). */
    private static final int MONTHS_OF_AN_OPEN_RANGE = 12;

    private final ImageQuery query;

    CellWalk(ImageQuery query) {
        if (query.range() == ImageQuery.Range.NONE) {
            throw new IllegalArgumentException("no range to walk by cells");
        }
        this.query = query;
    }

    /** Up to {@code limit} ids of matches after {@code afterId}, in ascending order. */
    long[] ids(Connection connection, long afterId, int limit) throws SQLException {
        CellPage page = new CellPage(limit, CellPage.perCell(limit, expectedCells()));
        try (PreparedStatement first = PageReader.prepare(connection, firstRound())) {
            int next = bindCells(first, 1);
            next = query.bindWithinCell(first, next);
            first.setLong(next++, afterId);
            first.setInt(next, page.perCell());
            try (ResultSet rows = first.executeQuery()) {
                while (rows.next()) {
                    page.add(rows.getInt(1), rows.getLong(2));
                }
            }
        }
        CellPage.Open open = page.open();
        if (!open.isEmpty()) {
            try (PreparedStatement second = PageReader.prepare(connection, secondRound())) {
                ImageQuery.bind(second, 1, open.cells());
                ImageQuery.bind(second, 2, open.afterIds());
                int next = query.bindWithinCell(second, 3);
                second.setLong(next++, open.bound());
                second.setInt(next, limit);
                try (ResultSet rows = second.executeQuery()) {
                    while (rows.next()) {
                        page.addMore(rows.getLong(1));
                    }
                }
            }
        }
        return page.ids();
    }

    /** From each cell its first matches after an id, with the cell. */
    private String firstRound() {
        String cells = query.range() == ImageQuery.Range.AREA ? "unnest(?)" : ObservedMonths.SERIES;
        return "select cells.cell, m.id from " + cells + " as cells (cell) cross join lateral (select i.id"
                + query.from() + query.whereWithinCell() + " and " + cellColumn() + " = cells.cell and i.id > ?"
                + " order by i.id limit ?) m";
    }

    /** From each given cell its matches after its own id and below a bound. */
    private String secondRound() {
        return "select m.id from unnest(?::integer[], ?::bigint[]) as cells (cell, after) cross join lateral "
                + "(select i.id" + query.from() + query.whereWithinCell() + " and " + cellColumn() + " = cells.cell"
                + " and i.id > cells.after and i.id < ? order by i.id limit ?) m";
    }

    private String cellColumn() {
        return query.range() == ImageQuery.Range.AREA ? "i.cell" : "i.observed_month";
    }

    private int bindCells(PreparedStatement statement, int first) throws SQLException {
        if (query.range() == ImageQuery.Range.AREA) {
            ImageQuery.bind(statement, first, query.cells());
            return first + 1;
        }
        int next = first;
        for (Integer month : query.months()) {
            if (month == null) {
                statement.setNull(next++, Types.INTEGER);
            } else {
                statement.setInt(next++, month);
            }
        }
        return next;
    }

    private int expectedCells() {
        if (query.range() == ImageQuery.Range.AREA) {
            return query.cells().length;
        }
        Integer[] months = query.months();
        return months[0] == null || months[1] == null ? MONTHS_OF_AN_OPEN_RANGE : months[1] - months[0] + 1;
    }
}
