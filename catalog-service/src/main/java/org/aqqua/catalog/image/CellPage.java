package org.aqqua.catalog.image;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The page of a range walked cell by cell ({@link CellWalk}), from a few ids of each cell rather than a whole page
 * of each. Round one takes the first {@link #perCell} ids of every cell and keeps the {@code limit} smallest of
 * them all: the page, if no cell holds more of it. The largest id kept is the page's {@link #bound()} (none when
 * round one found fewer than a page). A cell whose ids were all kept, {@code perCell} of them and each below the
 * bound, may hold more ids below it: round two walks those cells on from their last id, up to the bound. Every
 * other cell holds none below it. The page is then the {@code limit} smallest ids of both rounds.
 */
final class CellPage {

    private final int limit;
    private final int perCell;
    private long[] ids = new long[128];
    private int count;
    private int firstRound;
    /** Per cell of round one's page: how many ids it has there, and the largest. */
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

    /** An id of round one's page (at most {@code limit} of them), from {@code cell}. */
    void add(int cell, long id) {
        append(id);
        firstRound++;
        long[] kept = cells.computeIfAbsent(cell, c -> new long[] {0, Long.MIN_VALUE});
        kept[0]++;
        kept[1] = Math.max(kept[1], id);
    }

    /** The largest id the page can hold: the last of round one's page when it is full, or none. */
    long bound() {
        if (firstRound < limit) {
            return Long.MAX_VALUE;
        }
        long largest = Long.MIN_VALUE;
        for (long[] kept : cells.values()) {
            largest = Math.max(largest, kept[1]);
        }
        return largest;
    }

    /** The cells for round two, each with the last id round one took from it, and the bound. */
    Open open() {
        long bound = bound();
        int[] openCells = new int[cells.size()];
        long[] afterIds = new long[cells.size()];
        int open = 0;
        for (Map.Entry<Integer, long[]> cell : cells.entrySet()) {
            long[] kept = cell.getValue();
            if (kept[0] >= perCell && kept[1] < bound) {
                openCells[open] = cell.getKey();
                afterIds[open++] = kept[1];
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

    /** An id of round two. */
    void addMore(long id) {
        append(id);
    }

    /** Whether round two found any id: only then does the page differ from round one's. */
    boolean grew() {
        return count > firstRound;
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
