package org.aqqua.release.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One dataset in the plan. {@code releasedAt} is set for datasets already released (when the catalog made them
 * public); {@code reasons} lists everything that keeps a dataset from being released, empty otherwise.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlannedDataset(UUID id, String title, String status, Instant embargoUntil, long imageCount,
        long imageBytes, Instant releasedAt, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> reasons) {
}
