package org.aqqua.catalog.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The two rounds of a range's page: the page is always the smallest ids of all cells together. */
class CellPageTest {

    @Test
    void roundOneTakesAboutTwoPagesFromAllCellsAndAWholePageFromOne() {
        assertThat(CellPage.perCell(101, 1)).isEqualTo(101);
        assertThat(CellPage.perCell(101, 36)).isEqualTo(14);
        assertThat(CellPage.perCell(101, 12)).isEqualTo(25);
        assertThat(CellPage.perCell(5, 2)).isEqualTo(5); // never more than a page
        assertThat(CellPage.perCell(1000, 3600)).isEqualTo(9);
    }

    @Test
    void aCellHoldingTheFirstIdsIsWalkedOnUpToTheBound() {
        CellPage page = new CellPage(4, 2);
        page.add(7, 1);
        page.add(7, 2); // cell 7 gave all it was asked for: it may hold more
        page.add(8, 10);
        page.add(8, 11);
        page.add(9, 12); // cell 9 is exhausted
        assertThat(page.bound()).isEqualTo(11);
        CellPage.Open open = page.open();
        assertThat(open.cells()).containsExactly(7);
        assertThat(open.afterIds()).containsExactly(2);
        assertThat(open.bound()).isEqualTo(11);
        page.addMore(3);
        page.addMore(4);
        assertThat(page.ids()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void withFewerIdsThanAPageEveryFullCellIsWalkedOnWithoutBound() {
        CellPage page = new CellPage(10, 2);
        page.add(1, 5);
        page.add(1, 6);
        page.add(2, 7);
        CellPage.Open open = page.open();
        assertThat(open.cells()).containsExactly(1);
        assertThat(open.bound()).isEqualTo(Long.MAX_VALUE);
        assertThat(page.ids()).containsExactly(5, 6, 7);
    }

    /** Random cells of random sizes and id runs, both rounds played as CellWalk runs them, against all ids. */
    @Test
    void bothRoundsGiveTheSmallestIdsOfAllCells() {
        SplittableRandom random = new SplittableRandom(20261127);
        for (int trial = 0; trial < 2000; trial++) {
            Map<Integer, TreeSet<Long>> cells = new TreeMap<>();
            int cellCount = 1 + random.nextInt(40);
            long id = 0;
            for (int run = random.nextInt(1, 60); run > 0; run--) { // runs of ids in one cell, as datasets arrive
                TreeSet<Long> cell = cells.computeIfAbsent(random.nextInt(cellCount), c -> new TreeSet<>());
                for (int n = random.nextInt(1, 80); n > 0; n--) {
                    id += random.nextInt(1, 5);
                    cell.add(id);
                }
            }
            int limit = random.nextInt(1, 150);
            long afterId = random.nextBoolean() ? 0 : random.nextLong(id + 1);
            CellPage page = new CellPage(limit, CellPage.perCell(limit, cellCount));
            cells.forEach((cell, ids) -> ids.tailSet(afterId, false).stream().limit(page.perCell())
                    .forEach(found -> page.add(cell, found)));
            CellPage.Open open = page.open();
            for (int c = 0; c < open.cells().length; c++) {
                cells.get(open.cells()[c]).subSet(open.afterIds()[c], false, open.bound(), false).stream()
                        .limit(limit).forEach(page::addMore);
            }
            List<Long> expected = cells.values().stream().flatMap(TreeSet::stream).filter(found -> found > afterId)
                    .sorted().limit(limit).toList();
            assertThat(Arrays.stream(page.ids()).boxed().toList()).as("trial %d", trial)
                    .containsExactlyElementsOf(expected);
        }
    }
}
