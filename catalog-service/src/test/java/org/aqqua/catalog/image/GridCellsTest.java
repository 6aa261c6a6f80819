package org.aqqua.catalog.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The grid cells of a box, numbered as the generated column {@code image.cell} numbers positions (V4). */
class GridCellsTest {

    /** {@code image.cell} of a position, as migration V4 computes it. */
    private static int cell(double latitude, double longitude) {
        return ((int) Math.floor(latitude) + 90) * 361 + (int) Math.floor(longitude) + 180;
    }

    @Test
    void aBoxTouchesTheCellsOfEveryPositionInIt() {
        assertThat(GridCells.of(new BoundingBox(7, 43, 7.5, 44))).containsExactly(cell(43, 7), cell(44, 7));
        assertThat(GridCells.of(new BoundingBox(-0.5, -0.5, 0.5, 0.5))).containsExactly(cell(-0.5, -0.5),
                cell(-0.5, 0.5), cell(0.5, -0.5), cell(0.5, 0.5));
        assertThat(GridCells.of(new BoundingBox(179.5, 89.5, 180, 90))).containsExactly(cell(89.5, 179.5),
                cell(89.5, 180), cell(90, 179.5), cell(90, 180));
    }

    @Test
    void aBoxAcrossTheAntimeridianTouchesBothEnds() {
        assertThat(GridCells.of(new BoundingBox(179.5, 10.2, -179.5, 10.8))).containsExactly(cell(10.5, 179.5),
                cell(10.5, 180), cell(10.5, -179.5)); // -180 and -179.5 share a cell
    }

    @Test
    void aBoxOfTooManyCellsHasNone() {
        assertThat(GridCells.of(new BoundingBox(-180, -90, 180, 90))).isNull();
        assertThat(GridCells.of(new BoundingBox(0, 0, 59.5, 59.5))).hasSize(GridCells.MAX_CELLS);
        assertThat(GridCells.of(new BoundingBox(0, 0, 60, 59.5))).isNull();
    }
}
