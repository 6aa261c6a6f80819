package org.aqqua.catalog.dataset;

import java.time.Instant;
import java.util.UUID;

/**
 * A dataset as the other services need it: with the owner's subject for access checks, the status reason, and
 * what ingest fills in for rows that leave it out (instrument and its name, default pixel size).
 */
public record InternalDatasetView(UUID id, String title, String instrument, String instrumentName,
        Double defaultPixelSizeUm, String ownerSubject, DatasetStatus status, String statusReason,
        Instant embargoUntil) {

    public static InternalDatasetView of(Dataset d) {
        return new InternalDatasetView(d.id, d.title, d.instrument, d.instrumentName, d.defaultPixelSizeUm,
                d.ownerSubject, d.status, d.statusReason,
                d.embargoUntil);
    }
}
