package org.aqqua.catalog.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.aqqua.runtime.problem.Problem;
import org.aqqua.runtime.problem.ProblemException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The catalog as the other services use it. A missing dataset is an empty Optional; a refused state change keeps
 * the catalog's own problem (e.g. 409 with the allowed transitions); a catalog that cannot be reached becomes
 * a 503 problem for our caller, never a 500.
 */
@ApplicationScoped
public class CatalogDatasets {

    private static final Logger LOG = Logger.getLogger(CatalogDatasets.class);

    /** The catalog's answers to a state change that are its refusal (kept as its problem), not its failure. */
    private static final Set<Integer> STATUS_REFUSALS = Set.of(404, 409, 422);

    private final CatalogInternalApi api;

    CatalogDatasets(@RestClient CatalogInternalApi api) {
        this.api = api;
    }

    public Optional<CatalogDataset> find(UUID id) {
        try {
            return Optional.of(call(() -> api.get(id)));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw unavailable(e);
        }
    }

    public CatalogDataset changeStatus(UUID id, String status, String reason) {
        return call(() -> api.changeStatus(id, new StatusChangeRequest(status, reason)), STATUS_REFUSALS);
    }

    /**
     * As {@link #changeStatus(UUID, String, String)}, refused by the catalog (409) unless the dataset is still
     * embargoed until {@code expectedEmbargoUntil}: release-service releases only what it decided on.
     */
    public CatalogDataset changeStatus(UUID id, String status, String reason, Instant expectedEmbargoUntil) {
        return call(() -> api.changeStatus(id, new StatusChangeRequest(status, reason, expectedEmbargoUntil)),
                STATUS_REFUSALS);
    }

    /** What a release says about the dataset: description, creators, credits, extent; never contact data. */
    public CatalogAttribution attribution(UUID id) {
        return call(() -> api.attribution(id), Set.of(404));
    }

    /** Where to write to the dataset's owner; empty when there is no contact (erased on request). */
    public Optional<CatalogOwnerContact> ownerContact(UUID id) {
        try {
            return Optional.of(call(() -> api.ownerContact(id)));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw unavailable(e);
        }
    }

    /** One page of every dataset in id order ({@code status} null for all, {@code after} null for the first). */
    public CatalogReleaseFactsPage releaseFacts(String status, UUID after, int limit) {
        try {
            return call(() -> api.page(status, after, limit));
        } catch (WebApplicationException e) {
            throw unavailable(e);
        }
    }

    static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (ProcessingException e) {
            LOG.warnf("Catalog not reachable: %s", e.getMessage());
            throw new ProblemException(new Problem(Problem.type("catalog-unavailable"), "Service Unavailable", 503,
                    "The catalog cannot be reached; try again later.", null, List.of()));
        }
    }

    /**
     * Calls the catalog: an answer with a status in {@code refusals} is thrown as the catalog's own problem, any
     * other error answer as a 502 problem, an unreachable catalog as a 503 problem.
     */
    static <T> T call(Supplier<T> request, Set<Integer> refusals) {
        try {
            return call(request);
        } catch (WebApplicationException e) {
            int code = e.getResponse().getStatus();
            if (refusals.contains(code)) {
                throw new ProblemException(catalogProblem(e, code));
            }
            throw unavailable(e);
        }
    }

    static Problem catalogProblem(WebApplicationException e, int code) {
        try {
            Problem problem = e.getResponse().readEntity(Problem.class);
            return new Problem(problem.type(), problem.title(), code, problem.detail(), null, problem.errors());
        } catch (RuntimeException unreadable) {
            return new Problem(Problem.BLANK, "Catalog refused the request", code, e.getMessage(), null, List.of());
        }
    }

    static ProblemException unavailable(WebApplicationException e) {
        LOG.warnf("Catalog answered %d: %s", e.getResponse().getStatus(), e.getMessage());
        return new ProblemException(new Problem(Problem.type("catalog-unavailable"), "Bad Gateway", 502,
                "The catalog answered with an error; try again later.", null, List.of()));
    }
}
