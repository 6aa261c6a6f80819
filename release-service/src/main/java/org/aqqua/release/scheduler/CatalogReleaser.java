package org.aqqua.release.scheduler;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.aqqua.catalog.client.CatalogDataset;
import org.aqqua.catalog.client.CatalogDatasets;

/**
 * The one catalog call of a release: the state change to released, with the embargo the release was decided on
 * as precondition. Answered with the dataset when it is released (also when it already was: the catalog accepts
 * released -> released without change, so a retry after a crash completes); a refusal (404, 409, 422) or an
 * unreachable catalog (502, 503) is a {@link org.aqqua.runtime.problem.ProblemException}.
 */
@ApplicationScoped
public class CatalogReleaser {

    private final CatalogDatasets catalog;

    CatalogReleaser(CatalogDatasets catalog) {
        this.catalog = catalog;
    }

    public CatalogDataset release(UUID datasetId, Instant embargoUntil, String reason) {
        return catalog.changeStatus(datasetId, "released", reason, embargoUntil);
    }
}
