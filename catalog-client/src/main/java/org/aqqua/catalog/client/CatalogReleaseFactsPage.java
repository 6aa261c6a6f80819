package org.aqqua.catalog.client;

import java.util.List;
import java.util.UUID;

/** One page of {@code GET /internal/datasets/page}; {@code next} is null on the last page. */
public record CatalogReleaseFactsPage(List<CatalogReleaseFacts> items, UUID next) {
}
