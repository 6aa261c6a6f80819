package org.aqqua.catalog.dataset;

import org.aqqua.metadata.Instrument;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.aqqua.runtime.security.Roles;
import org.aqqua.catalog.agreement.AgreementService;
import org.aqqua.catalog.agreement.SharingAgreement;
import org.aqqua.runtime.problem.FieldError;
import org.aqqua.runtime.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Reads and state changes of datasets, with the rule of who may see which. */
@ApplicationScoped
public class DatasetService {

    private final Clock clock;
    private final AgreementService agreements;
    private final Instant releaseInstant;

    DatasetService(Clock clock, AgreementService agreements,
            @ConfigProperty(name = "aqqua.release.instant") Instant releaseInstant) {
        this.clock = clock;
        this.agreements = agreements;
        this.releaseInstant = releaseInstant;
    }

    /** A new dataset under one of the caller's agreements, embargoed until the release instant. */
    @Transactional
    public Dataset create(SecurityIdentity caller, UUID agreementId, DatasetRequest request) {
        SharingAgreement agreement = agreements.readableBy(caller, agreementId);
        if (!agreement.owner.subject.equals(Roles.subject(caller))) {
            throw ProblemException.of(Response.Status.FORBIDDEN, "not-the-owner",
                    "Only the owner who signed agreement " + agreementId + " adds datasets to it.");
        }
        Dataset dataset = new Dataset();
        dataset.id = UUID.randomUUID();
        dataset.agreement = agreement;
        dataset.ownerSubject = agreement.owner.subject;
        dataset.status = DatasetStatus.DRAFT;
        dataset.embargoUntil = releaseInstant;
        dataset.createdAt = clock.instant();
        apply(dataset, request);
        dataset.persist();
        return dataset;
    }

    /** Changes what the form said about a dataset; refused once it is released or withdrawn. */
    @Transactional
    public Dataset update(SecurityIdentity caller, UUID id, DatasetRequest request) {
        Dataset dataset = readableBy(caller, id);
        if (!caller.hasRole(Roles.CURATOR) && !dataset.ownerSubject.equals(Roles.subject(caller))) {
            throw notFound(id);
        }
        if (dataset.status == DatasetStatus.RELEASED || dataset.status == DatasetStatus.WITHDRAWN) {
            throw ProblemException.conflict("Dataset " + id + " is " + dataset.status.wireName()
                    + " and can no longer be edited.");
        }
        apply(dataset, request);
        return dataset;
    }

    /** Moves a dataset's release later; moving it earlier is refused, whoever asks. */
    @Transactional
    public Dataset postpone(UUID id, EmbargoPostponement postponement) {
        Dataset dataset = lockedForChange(id);
        if (dataset.status == DatasetStatus.RELEASED || dataset.status == DatasetStatus.WITHDRAWN) {
            throw ProblemException.conflict("Dataset " + id + " is " + dataset.status.wireName()
                    + "; its embargo can no longer change.");
        }
        if (!postponement.embargoUntil().isAfter(dataset.embargoUntil)) {
            throw ProblemException.unprocessable("An embargo can only be postponed, never advanced.",
                    List.of(FieldError.of("embargoUntil",
                            postponement.embargoUntil(), "must be after the current embargo, "
                                    + dataset.embargoUntil)));
        }
        dataset.embargoUntil = postponement.embargoUntil();
        dataset.statusReason = "embargo postponed: " + postponement.reason();
        dataset.updatedAt = clock.instant();
        return dataset;
    }

    private void apply(Dataset dataset, DatasetRequest request) {
        dataset.title = request.title().strip();
        dataset.comment = request.comment();
        dataset.instrument = request.instrument().label();
        dataset.instrumentName = request.instrument() == Instrument.OTHER ? request.instrumentName().strip() : null;
        dataset.defaultPixelSizeUm = request.defaultPixelSizeUm();
        dataset.sampleUnit = request.sampleUnit();
        dataset.sampledVolume = request.sampledVolume();
        dataset.culture = request.culture();
        dataset.ecotaxaProjectId = request.ecotaxaProjectId();
        dataset.updatedAt = clock.instant();
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
        return Dataset.<Dataset>findByIdOptional(id)
                .filter(d -> Roles.seesWholeCatalog(caller) || d.ownerSubject.equals(Roles.subject(caller)))
                .orElseThrow(() -> notFound(id));
    }

    public Dataset get(UUID id) {
        return Dataset.<Dataset>findByIdOptional(id).orElseThrow(() -> notFound(id));
    }

    /**
     * Moves a dataset to another state, locking its row so that a postponement and a release never overwrite each
     * other. With {@code expectedEmbargoUntil} the change is refused (409) unless the embargo is still that instant.
     */
    @Transactional
    public Dataset changeStatus(UUID id, StatusChange change) {
        Dataset dataset = lockedForChange(id);
        if (change.expectedEmbargoUntil() != null && !change.expectedEmbargoUntil().equals(dataset.embargoUntil)) {
            throw ProblemException.conflict("Dataset " + id + " is embargoed until " + dataset.embargoUntil
                    + ", not " + change.expectedEmbargoUntil() + "; its embargo changed since it was read.");
        }
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

    /**
     * Datasets in id order after {@code after}, optionally of one status, as the other services need them: one
     * query with the agreement's permissions, no owner (and so no contact data) loaded.
     */
    public InternalDatasetPage page(Optional<DatasetStatus> status, Optional<UUID> after, int limit) {
        StringBuilder hql = new StringBuilder("select d.id, d.title, d.instrument, d.instrumentName, "
                + "d.defaultPixelSizeUm, d.ownerSubject, d.status, d.statusReason, d.embargoUntil, a.id, "
                + "a.permitsModelDevelopment, a.permitsPublicRelease, a.permitsModelRelease, d.imageCount, "
                + "d.imageBytes, d.updatedAt from Dataset d left join d.agreement a where 1 = 1");
        status.ifPresent(s -> hql.append(" and d.status = :status"));
        after.ifPresent(a -> hql.append(" and d.id > :after"));
        hql.append(" order by d.id");
        TypedQuery<Object[]> query = Dataset.getEntityManager().createQuery(hql.toString(), Object[].class);
        status.ifPresent(s -> query.setParameter("status", s));
        after.ifPresent(a -> query.setParameter("after", a));
        List<Object[]> rows = query.setMaxResults(limit + 1).getResultList();
        List<InternalDatasetView> items = new ArrayList<>(Math.min(rows.size(), limit));
        for (Object[] r : rows.subList(0, Math.min(rows.size(), limit))) {
            items.add(new InternalDatasetView((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                    (Double) r[4], (String) r[5], (DatasetStatus) r[6], (String) r[7], (Instant) r[8], (UUID) r[9],
                    (Boolean) r[10], (Boolean) r[11], (Boolean) r[12], (Long) r[13], (Long) r[14], (Instant) r[15]));
        }
        return new InternalDatasetPage(items, rows.size() > limit ? items.get(items.size() - 1).id() : null);
    }

    private static Dataset lockedForChange(UUID id) {
        Dataset dataset = Dataset.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (dataset == null) {
            throw notFound(id);
        }
        return dataset;
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("No dataset " + id + ".");
    }
}
