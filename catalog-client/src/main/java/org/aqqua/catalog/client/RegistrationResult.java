package org.aqqua.catalog.client;

/** What the catalog did with a bulk registration: rows received, newly registered, and already held (skipped). */
public record RegistrationResult(long received, long registered, long duplicates) {
}
