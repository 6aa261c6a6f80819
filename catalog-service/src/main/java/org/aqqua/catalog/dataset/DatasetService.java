package org.aqqua.catalog.dataset;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.aqqua.runtime.security.Roles;
import org.aqqua.runtime.problem.ProblemException;

/** Reads and state changes of datasets, with the rule of who may see which. */
@ApplicationScoped
public class DatasetService {

    private final Clock clock;

    DatasetService(Clock clock) {
        this.clock = clock;
    }

    /** Members and curators see every dataset; a provider only their own. */
    public List<Dataset> visibleTo(SecurityIdentity caller, Optional<DatasetStatus> status, int limit) {
        if (Roles.seesWholeCatalog(caller)) {
            return Dataset.listAll(status, limit);
        }
        return Dataset.listOwnedBy(Roles.subject(caller), limit).stream()
                .filter(d -> status.map(s -> s == d.status).orElse(true)).toList();
    }

    /** A dataset the caller may read; someone else's dataset is answered like a missing one (404). */
    public Dataset readableBy(SecurityIdentity caller, UUID id) {
        return Dataset.findByIdOptional(id)
                .filter(d -> Roles.seesWholeCatalog(caller) || d.ownerSubject.equals(Roles.subject(caller)))
                .orElseThrow(() -> notFound(id));
    }

    public Dataset get(UUID id) {
        return Dataset.findByIdOptional(id).orElseThrow(() -> notFound(id));
    }

    @Transactional
    public Dataset changeStatus(UUID id, StatusChange change) {
        Dataset dataset = Dataset.<Dataset>findByIdOptional(id).orElseThrow(() -> notFound(id));
        if (!dataset.status.canMoveTo(change.status())) {
            throw ProblemException.conflict("Dataset " + id + " is " + dataset.status.wireName() + " and cannot become "
                    + change.status().wireName() + "; allowed next: "
                    + dataset.status.successors().stream().map(DatasetStatus::wireName).toList() + ".");
        }
        if (dataset.status != change.status()) {
            dataset.status = change.status();
            dataset.statusReason = change.reason();
            dataset.updatedAt = clock.instant();
        }
        return dataset;
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("No dataset " + id + ".");
    }
}
