package org.aqqua.release.plan;

import java.time.Instant;
import java.util.List;

/**
 * What the release looks like at {@code asOf}: the datasets released then ({@code toRelease}), those released
 * before ({@code released}) and those that are not, with why ({@code notReleased}); image counts and bytes per
 * dataset, per group and in total ({@code total}: every dataset of the catalog).
 */
public record ReleasePlan(Instant asOf, Instant releaseInstant, Group toRelease, Group released, Group notReleased,
        Totals total) {

    public record Group(long datasets, long images, long bytes, List<PlannedDataset> items) {

        static Group of(List<PlannedDataset> items) {
            return new Group(items.size(), items.stream().mapToLong(PlannedDataset::imageCount).sum(),
                    items.stream().mapToLong(PlannedDataset::imageBytes).sum(), List.copyOf(items));
        }
    }

    public record Totals(long datasets, long images, long bytes) {
    }
}
