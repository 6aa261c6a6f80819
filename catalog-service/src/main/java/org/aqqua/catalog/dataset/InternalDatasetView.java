package org.aqqua.catalog.dataset;

import java.time.Instant;
import java.util.UUID;

/** A dataset as the other services need it: with the owner's subject for access checks and the status reason. */
public record InternalDatasetView(UUID id, String title, String instrument, String ownerSubject, DatasetStatus status,
        String statusReason, Instant embargoUntil) {

    public static InternalDatasetView of(Dataset d) {
        return new InternalDatasetView(d.id, d.title, d.instrument, d.ownerSubject, d.status, d.statusReason,
                d.embargoUntil);
    }
}
