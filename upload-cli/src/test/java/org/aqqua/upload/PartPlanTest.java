package org.aqqua.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PartPlanTest {

    static final long MIB = 1024 * 1024;

    @Test
    void partsCoverTheArchiveWithoutGapsAndTheLastIsShorter() {
        PartPlan plan = new PartPlan(150 * MIB + 7, 64 * MIB, 3);
        assertThat(plan.part(1)).isEqualTo(new PartPlan.Part(1, 0, 64 * MIB));
        assertThat(plan.part(2)).isEqualTo(new PartPlan.Part(2, 64 * MIB, 64 * MIB));
        assertThat(plan.part(3)).isEqualTo(new PartPlan.Part(3, 128 * MIB, 22 * MIB + 7));
        assertThat(plan.missing(Set.of()).stream().mapToLong(PartPlan.Part::length).sum()).isEqualTo(plan.size());
    }

    @Test
    void anExactMultipleHasFullParts() {
        PartPlan plan = new PartPlan(128 * MIB, 64 * MIB, 2);
        assertThat(plan.part(2).length()).isEqualTo(64 * MIB);
        assertThat(PartPlan.count(1, 64 * MIB)).isEqualTo(1);
    }

    @Test
    void missingPartsAreThoseNotReceivedInOrder() {
        PartPlan plan = new PartPlan(10 * 5 * MIB, 5 * MIB, 10);
        List<PartPlan.Part> missing = plan.missing(Set.of(1, 2, 5, 10));
        assertThat(missing).extracting(PartPlan.Part::number).containsExactly(3, 4, 6, 7, 8, 9);
        assertThat(plan.bytesOf(Set.of(1, 2, 5, 10))).isEqualTo(20 * MIB);
    }

    @Test
    void aPlanThatDoesNotAddUpIsRefused() {
        assertThatThrownBy(() -> new PartPlan(100 * MIB, 64 * MIB, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PartPlan(10_001L * MIB, MIB, 10_001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PartPlan(0, MIB, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PartPlan(3 * MIB, MIB, 3).part(4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tenGigabytesInSixtyFourMebibyteParts() {
        long size = 10_000_000_000L;
        PartPlan plan = new PartPlan(size, 64 * MIB, PartPlan.count(size, 64 * MIB));
        assertThat(plan.partCount()).isEqualTo(150);
        assertThat(plan.part(150).offset() + plan.part(150).length()).isEqualTo(size);
    }
}
