package org.aqqua.catalog.dataset;

import java.time.Instant;
import java.util.UUID;
import org.aqqua.catalog.agreement.SharingAgreement;

/**
 * A dataset as the other services need it: with the owner's subject for access checks, the status reason, what
 * ingest fills in for rows that leave it out (instrument and its name, default pixel size), and what the release
 * plan decides on: the agreement and its three mandatory permissions (null when the dataset has no agreement),
 * the image count and bytes kept on the dataset row, and when the dataset last changed. Never contact data.
 */
public record InternalDatasetView(UUID id, String title, String instrument, String instrumentName,
        Double defaultPixelSizeUm, String ownerSubject, DatasetStatus status, String statusReason,
        Instant embargoUntil, UUID agreementId, Boolean permitsModelDevelopment, Boolean permitsPublicRelease,
        Boolean permitsModelRelease, long imageCount, long imageBytes, Instant updatedAt) {

    public static InternalDatasetView of(Dataset d) {
        SharingAgreement a = d.agreement;
        return new InternalDatasetView(d.id, d.title, d.instrument, d.instrumentName, d.defaultPixelSizeUm,
                d.ownerSubject, d.status, d.statusReason, d.embargoUntil, a == null ? null : a.id,
                a == null ? null : a.permitsModelDevelopment, a == null ? null : a.permitsPublicRelease,
                a == null ? null : a.permitsModelRelease, d.imageCount, d.imageBytes, d.updatedAt);
    }
}
