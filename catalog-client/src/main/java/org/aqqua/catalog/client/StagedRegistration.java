package org.aqqua.catalog.client;

import java.util.UUID;

/** A registration whose lines come in parts, and how many of its lines the catalog holds so far. */
public record StagedRegistration(UUID id, long stagedLines) {
}
