package org.aqqua.catalog.dataset;

import java.time.Instant;
import java.util.UUID;

/** A dataset as members and its owner see it: no contact data of the owner. */
public record DatasetView(UUID id, String title, String comment, String instrument, DatasetStatus status,
        Instant embargoUntil, Instant createdAt, Instant updatedAt) {

    public static DatasetView of(Dataset d) {
        return new DatasetView(d.id, d.title, d.comment, d.instrument, d.status, d.embargoUntil, d.createdAt,
                d.updatedAt);
    }
}
