package org.aqqua.catalog.dataset;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A state change requested by ingest (receiving, ready) or release (released, withdrawn). */
public record StatusChange(@NotNull DatasetStatus status, @Size(max = 2000) String reason) {
}
