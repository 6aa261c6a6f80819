package org.aqqua.catalog.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
        try {
            return call(() -> api.changeStatus(id, new StatusChangeRequest(status, reason)));
        } catch (WebApplicationException e) {
            int code = e.getResponse().getStatus();
            if (code == 404 || code == 409 || code == 422) {
                throw new ProblemException(catalogProblem(e, code));
            }
            throw unavailable(e);
        }
    }

    /**
     * As {@link #changeStatus(UUID, String, String)}, refused by the catalog (409) unless the dataset is still
     * embargoed until {@code expectedEmbargoUntil}: release-service releases only what it decided on.
     */
    public CatalogDataset changeStatus(UUID id, String status, String reason, Instant expectedEmbargoUntil) {
        try {
            return call(() -> api.changeStatus(id, new StatusChangeRequest(status, reason, expectedEmbargoUntil)));
        } catch (WebApplicationException e) {
            int code = e.getResponse().getStatus();
            if (code == 404 || code == 409 || code == 422) {
                throw new ProblemException(catalogProblem(e, code));
            }
            throw unavailable(e);
        }
    }

    /** What a release says about the dataset: description, creators, credits, extent; never contact data. */
    public CatalogAttribution attribution(UUID id) {
        try {
            return call(() -> api.attribution(id));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                throw new ProblemException(catalogProblem(e, 404));
            }
            throw unavailable(e);
        }
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
