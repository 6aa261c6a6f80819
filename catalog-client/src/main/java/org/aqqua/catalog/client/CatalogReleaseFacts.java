package org.aqqua.catalog.client;

import java.time.Instant;
import java.util.UUID;

/**
 * A dataset as release-service plans with it (an item of {@code GET /internal/datasets/page}, read with the fields
 * the release rule needs): status and its reason, the embargo, the sharing agreement's three mandatory permissions
 * (all null when the dataset has no agreement), the image count and bytes, and when the dataset last changed.
 */
public record CatalogReleaseFacts(UUID id, String title, String status, String statusReason, Instant embargoUntil,
        UUID agreementId, Boolean permitsModelDevelopment, Boolean permitsPublicRelease, Boolean permitsModelRelease,
        long imageCount, long imageBytes, Instant updatedAt) {
}
