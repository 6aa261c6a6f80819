package org.aqqua.ingest.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import org.aqqua.catalog.client.CatalogDataset;
import org.aqqua.catalog.client.CatalogDatasets;
import org.aqqua.runtime.problem.ProblemException;
import org.aqqua.runtime.security.Roles;

/**
 * Who may put data into a dataset: its owner or a curator. The catalog is asked with our own service token;
 * someone else's dataset is answered like a missing one (404), so that dataset ids reveal nothing.
 */
@ApplicationScoped
public class DatasetAccess {

    private static final Set<String> CLOSED = Set.of("released", "withdrawn");

    private final CatalogDatasets catalog;

    DatasetAccess(CatalogDatasets catalog) {
        this.catalog = catalog;
    }

    /** The dataset if the caller owns it or is a curator. */
    public CatalogDataset readableBy(SecurityIdentity caller, UUID datasetId) {
        return catalog.find(datasetId)
                .filter(dataset -> caller.hasRole(Roles.CURATOR) || dataset.isOwnedBy(Roles.subject(caller)))
                .orElseThrow(() -> ProblemException.notFound("No dataset " + datasetId + "."));
    }

    /** As {@link #readableBy}, and the dataset still takes data: a released or withdrawn one is 409. */
    public CatalogDataset writableBy(SecurityIdentity caller, UUID datasetId) {
        CatalogDataset dataset = readableBy(caller, datasetId);
        if (CLOSED.contains(dataset.status())) {
            throw ProblemException.conflict("Dataset " + datasetId + " is " + dataset.status()
                    + " and takes no more data.");
        }
        return dataset;
    }
}
