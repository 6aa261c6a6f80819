package org.aqqua.catalog.client;

import java.util.UUID;

/** A dataset owner's name and e-mail, for release notices only: personal data, never published or logged. */
public record CatalogOwnerContact(UUID datasetId, String name, String email) {
}
