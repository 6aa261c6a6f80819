package org.aqqua.catalog.image;

import java.util.List;

/**
 * The 1° grid of column {@code image.cell} (migration V4): row {@code floor(latitude) + 90} (0 to 180), column
 * {@code floor(longitude) + 180} (0 to 360: 361 columns so that longitude 180 has its own), cell
 * {@code row * 361 + column}. A box is found by the cells it touches, each cell's images in id order in index
 * {@code image_cell_idx}, plus its exact bounds.
 */
final class GridCells {

    static final int COLUMNS = 361;
    /** A box touching more cells is filtered by its bounds alone (it matches a large part of the catalog anyway). */
    static final int MAX_CELLS = 3600;

    private GridCells() {
    }

    /**
     * The cells that a box touches; null when there are more than {@link #MAX_CELLS}. A box crossing the
     * antimeridian touches the columns up to 180 and from -180.
     */
    static int[] of(BoundingBox box) {
        int firstRow = (int) Math.floor(box.minLat()) + 90;
        int lastRow = (int) Math.floor(box.maxLat()) + 90;
        List<int[]> columnRanges = box.crossesAntimeridian()
                ? List.of(new int[] {column(box.minLon()), COLUMNS - 1}, new int[] {0, column(box.maxLon())})
                : List.of(new int[] {column(box.minLon()), column(box.maxLon())});
        long count = 0;
        for (int[] range : columnRanges) {
            count += (long) (range[1] - range[0] + 1) * (lastRow - firstRow + 1);
        }
        if (count > MAX_CELLS) {
            return null;
        }
        int[] cells = new int[(int) count];
        int next = 0;
        for (int row = firstRow; row <= lastRow; row++) {
            for (int[] range : columnRanges) {
                for (int column = range[0]; column <= range[1]; column++) {
                    cells[next++] = row * COLUMNS + column;
                }
            }
        }
        return cells;
    }

    private static int column(double longitude) {
        return (int) Math.floor(longitude) + 180;
    }
}
