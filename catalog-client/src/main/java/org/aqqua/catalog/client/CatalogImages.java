package org.aqqua.catalog.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The catalog's image registry as ingest uses it. A refused registration (422: a line the catalog's rules reject,
 * or 404/409 for the dataset or registration) keeps the catalog's problem; an unreachable catalog is a 502/503 problem.
 */
@ApplicationScoped
public class CatalogImages {

    /** The catalog's limit on digests per question. */
    static final int DIGESTS_PER_CALL = 10_000;

    /** The catalog's refusals of a registration (400, 422 a line, 404/409 the dataset or registration). */
    private static final Set<Integer> REFUSALS = Set.of(400, 404, 409, 422);

    private final CatalogImagesApi api;

    /** Public so that ingest's tests can give it an API answered from memory. */
    public CatalogImages(@RestClient CatalogImagesApi api) {
        this.api = api;
    }

    /**
     * Starts a registration whose lines come in parts ({@link #stage}), registered together by {@link #commit}:
     * for more lines than one request may carry.
     */
    public UUID startRegistration(UUID datasetId) {
        return CatalogDatasets.call(() -> api.start(datasetId), REFUSALS).id();
    }

    /** Sends a part of the lines, the first of them line {@code firstLine} of the whole list; staged lines so far. */
    public long stage(UUID datasetId, UUID registration, long firstLine, File part) {
        return CatalogDatasets.call(() -> api.stage(datasetId, registration, firstLine, part), REFUSALS)
                .stagedLines();
    }

    /** Registers every staged line; refused (409) unless {@code lines} lines were staged in all. */
    public RegistrationResult commit(UUID datasetId, UUID registration, long lines) {
        return CatalogDatasets.call(() -> api.commit(datasetId, registration, lines), REFUSALS);
    }

    /** Drops a registration and its staged lines; what cannot be dropped now the catalog drops after a day. */
    public void abort(UUID datasetId, UUID registration) {
        CatalogDatasets.call(() -> {
            api.abort(datasetId, registration);
            return null;
        }, REFUSALS);
    }

    /** The digests among {@code sha256s} that some dataset in the catalog references. */
    public List<String> referenced(List<String> sha256s) {
        List<String> referenced = new ArrayList<>();
        for (int from = 0; from < sha256s.size(); from += DIGESTS_PER_CALL) {
            List<String> batch = sha256s.subList(from, Math.min(sha256s.size(), from + DIGESTS_PER_CALL));
            referenced.addAll(CatalogDatasets.call(() -> api.referenced(batch), Set.of()));
        }
        return referenced;
    }
}
