package org.aqqua.catalog.client;

import java.time.Instant;
import java.util.UUID;

/**
 * A dataset as the catalog's internal API returns it. {@code status} is the catalog's wire name, e.g. "ready";
 * {@code instrument} is EcoTaxa's spelling ("other" with {@code instrumentName} for anything else).
 */
public record CatalogDataset(UUID id, String title, String instrument, String instrumentName,
        Double defaultPixelSizeUm, String ownerSubject, String status, String statusReason, Instant embargoUntil) {

    public boolean isOwnedBy(String subject) {
        return ownerSubject != null && ownerSubject.equals(subject);
    }
}
