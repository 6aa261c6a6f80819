package org.aqqua.catalog.image;

/**
 * What a bulk registration did: rows received, images newly registered, and rows skipped because the dataset
 * already holds that object id or that image (SHA-256) — which makes repeating a request harmless.
 */
public record RegistrationResult(long received, long registered, long duplicates) {
}
