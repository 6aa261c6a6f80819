package org.aqqua.catalog.image;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The first page of ids of a range walked cell by cell ({@link CellWalk}), from a few ids of each cell rather
 * than a whole page of each. Round one takes the first {@link #perCell} ids of every cell. Its {@code limit}-th
 * smallest id is the page's {@link #bound()}: the page holds no larger id. A cell that gave all it was asked for,
 * each below the bound, may hold more ids below it: round two walks those cells on from their last id, up to the
 * bound. Every other cell has none below it. The page is then the {@code limit} smallest ids of both rounds.
 */
final class CellPage {

    private final int limit;
    private final int perCell;
    private long[] ids = new long[256];
    private int count;
    /** Per cell of round one: how many ids it gave, and the largest. */
    private final Map<Integer, long[]> cells = new HashMap<>();

    CellPage(int limit, int perCell) {
        this.limit = limit;
        this.perCell = perCell;
    }

    /**
     * Ids taken from each cell in round one: about two pages from all cells together, so that the page's end is
     * usually found in round one, and at least 8 from each, for cells that hold more of the page than others.
     * One cell gives a whole page. Only the cost depends on this, never the page.
     */
    static int perCell(int limit, int cells) {
        return cells <= 1 ? limit : Math.min(limit, (2 * limit + cells - 1) / cells + 8);
    }

    int perCell() {
        return perCell;
    }

    /** An id of round one, from {@code cell}. */
    void add(int cell, long id) {
        append(id);
        long[] seen = cells.computeIfAbsent(cell, c -> new long[] {0, Long.MIN_VALUE});
        seen[0]++;
        seen[1] = Math.max(seen[1], id);
    }

    /** An id of round two. */
    void addMore(long id) {
        append(id);
    }

    /** The largest id the page can hold: the {@code limit}-th smallest of round one, or none when it found fewer. */
    long bound() {
        if (count < limit) {
            return Long.MAX_VALUE;
        }
        long[] sorted = Arrays.copyOf(ids, count);
        Arrays.sort(sorted);
        return sorted[limit - 1];
    }

    /** The cells for round two, each with the last id round one took from it, and the bound. */
    Open open() {
        long bound = bound();
        int[] openCells = new int[cells.size()];
        long[] afterIds = new long[cells.size()];
        int open = 0;
        for (Map.Entry<Integer, long[]> cell : cells.entrySet()) {
            long[] seen = cell.getValue();
            if (seen[0] >= perCell && seen[1] < bound) {
                openCells[open] = cell.getKey();
                afterIds[open++] = seen[1];
            }
        }
        return new Open(Arrays.copyOf(openCells, open), Arrays.copyOf(afterIds, open), bound);
    }

    /** Cells to walk on from their after-ids, up to {@code bound}. */
    record Open(int[] cells, long[] afterIds, long bound) {

        boolean isEmpty() {
            return cells.length == 0;
        }
    }

    /** The page: the {@code limit} smallest ids of both rounds, in ascending order. */
    long[] ids() {
        long[] sorted = Arrays.copyOf(ids, count);
        Arrays.sort(sorted);
        return sorted.length > limit ? Arrays.copyOf(sorted, limit) : sorted;
    }

    private void append(long id) {
        if (count == ids.length) {
            ids = Arrays.copyOf(ids, 2 * count);
        }
        ids[count++] = id;
    }
}
