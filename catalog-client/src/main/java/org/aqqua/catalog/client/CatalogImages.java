package org.aqqua.catalog.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.aqqua.runtime.problem.ProblemException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The catalog's image registry as ingest uses it. A refused registration (422: a line the catalog's rules reject,
 * or 404/409 for the dataset) keeps the catalog's problem; an unreachable catalog is a 502/503 problem.
 */
@ApplicationScoped
public class CatalogImages {

    /** The catalog's limit on digests per question. */
    static final int DIGESTS_PER_CALL = 10_000;

    private final CatalogImagesApi api;

    CatalogImages(@RestClient CatalogImagesApi api) {
        this.api = api;
    }

    public RegistrationResult register(UUID datasetId, File ndjson) {
        try {
            return CatalogDatasets.call(() -> api.register(datasetId, ndjson));
        } catch (WebApplicationException e) {
            int code = e.getResponse().getStatus();
            if (code == 404 || code == 409 || code == 422 || code == 400) {
                throw new ProblemException(CatalogDatasets.catalogProblem(e, code));
            }
            throw CatalogDatasets.unavailable(e);
        }
    }

    /** The digests among {@code sha256s} that some dataset in the catalog references. */
    public List<String> referenced(List<String> sha256s) {
        List<String> referenced = new ArrayList<>();
        for (int from = 0; from < sha256s.size(); from += DIGESTS_PER_CALL) {
            List<String> batch = sha256s.subList(from, Math.min(sha256s.size(), from + DIGESTS_PER_CALL));
            try {
                referenced.addAll(CatalogDatasets.call(() -> api.referenced(batch)));
            } catch (WebApplicationException e) {
                throw CatalogDatasets.unavailable(e);
            }
        }
        return referenced;
    }
}
