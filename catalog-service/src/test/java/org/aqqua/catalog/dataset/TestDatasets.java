package org.aqqua.catalog.dataset;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.UUID;

/** Datasets written straight into the catalog for tests that need some to read. */
public final class TestDatasets {

    public static final Instant RELEASE_INSTANT = Instant.parse("2027-07-15T12:00:00Z");

    private TestDatasets() {
    }

    public static Dataset create(String ownerSubject, String title, DatasetStatus status) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Dataset dataset = new Dataset();
            dataset.id = UUID.randomUUID();
            dataset.title = title;
            dataset.instrument = "UVP6";
            dataset.ownerSubject = ownerSubject;
            dataset.status = status;
            dataset.embargoUntil = RELEASE_INSTANT;
            dataset.createdAt = Instant.now();
            dataset.updatedAt = dataset.createdAt;
            dataset.persist();
            return dataset;
        });
    }
}
