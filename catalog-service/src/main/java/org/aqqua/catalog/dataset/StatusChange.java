package org.aqqua.catalog.dataset;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A state change requested by ingest (receiving, ready) or release (released, withdrawn). {@code expectedEmbargoUntil}
 * is an optional precondition: release-service sends the embargo it decided on, and the change is refused (409) if a
 * curator postponed the dataset in the meantime, so that a postponement racing with the release always wins.
 */
public record StatusChange(@NotNull DatasetStatus status, @Size(max = 2000) String reason,
        Instant expectedEmbargoUntil) {

    public StatusChange(DatasetStatus status, String reason) {
        this(status, reason, null);
    }
}
