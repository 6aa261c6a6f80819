package org.aqqua.release.artefact;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.core.Response;
import org.aqqua.runtime.problem.ProblemException;
import org.aqqua.catalog.client.CatalogReleaseFacts;
import org.jboss.logging.Logger;

/**
 * The artefacts of real releases: built ahead of the instant into {@code datasets/<id>/} (rebuilt when the
 * dataset changed since), then published by the release itself, in the transaction that records it, so that
 * publication is one row update and the public gets the files exactly when the catalog shows the dataset.
 */
@ApplicationScoped
public class ReleaseArtefacts {

    private static final Logger LOG = Logger.getLogger(ReleaseArtefacts.class);

    private final DatasetArtefacts builder;
    private final ArtefactStore store;
    private final Clock clock;

    ReleaseArtefacts(DatasetArtefacts builder, ArtefactStore store, Clock clock) {
        this.builder = builder;
        this.store = store;
        this.clock = clock;
    }

    /** Whether the dataset's artefacts are built for its current state and its embargo. */
    public boolean prepared(CatalogReleaseFacts dataset) {
        ArtefactSet set = QuarkusTransaction.requiringNew().call(() -> ArtefactSet.<ArtefactSet>findById(dataset.id()));
        return set != null && (set.publishedAt != null || set.builtForUpdatedAt.equals(dataset.updatedAt())
                && set.releaseInstant.equals(dataset.embargoUntil()));
    }

    /** Builds the dataset's artefacts unless they are ready; a published set is never rebuilt. */
    public void prepare(CatalogReleaseFacts dataset) throws Exception {
        if (!prepared(dataset)) {
            build(dataset.id(), dataset.embargoUntil(), dataset.updatedAt());
        }
    }

    /**
     * Builds the artefacts of a dataset whose release finds none (it was released in the catalog by an attempt
     * that died before recording it): from the catalog's current state, inside the release attempt.
     */
    public void prepareLate(UUID datasetId, Instant releaseInstant) throws Exception {
        build(datasetId, releaseInstant, clock.instant());
    }

    /** Whether any artefacts of the dataset are recorded (built, published or not). */
    public boolean built(UUID datasetId) {
        return ArtefactSet.count("datasetId = ?1", datasetId) > 0;
    }

    /**
     * Each build writes under a prefix of its own, so replicas building the same dataset at once never mix their
     * files; the set that is recorded last wins, and the other build's files (and an older set's) are deleted.
     * Recording takes a lock on the dataset's id first: two replicas recording the dataset's first set would
     * otherwise both find no row to lock and insert it twice, and one of them fail on the primary key (a release
     * attempt that builds late would fail with it).
     */
    private void build(UUID datasetId, Instant releaseInstant, Instant stateAt) throws Exception {
        String prefix = "datasets/" + datasetId + "/" + UUID.randomUUID() + "/";
        DatasetArtefacts.Built built = builder.build(datasetId, releaseInstant, prefix);
        if (!built.problems().isEmpty()) {
            LOG.warnf("Artefacts of dataset %s have problems: %s", datasetId, built.problems());
        }
        String replaced;
        try {
            replaced = QuarkusTransaction.requiringNew().call(() -> {
                lockRecording(datasetId);
                ArtefactSet set = ArtefactSet.findById(datasetId, LockModeType.PESSIMISTIC_WRITE);
                if (set != null && set.publishedAt != null) {
                    return prefix;
                }
                String previous = set == null ? null : set.prefix;
                if (set == null) {
                    set = new ArtefactSet();
                    set.datasetId = datasetId;
                }
                set.prefix = built.prefix();
                set.releaseInstant = releaseInstant;
                set.builtForUpdatedAt = stateAt;
                set.builtAt = clock.instant();
                set.imageCount = built.images();
                set.files = built.files();
                set.attribution = built.attribution();
                set.doi = built.doi();
                set.citation = built.citation();
                set.schemaOrg = built.schemaOrg();
                set.persist();
                return previous;
            });
        } catch (RuntimeException e) {
            deleteQuietly(prefix);
            throw e;
        }
        if (replaced != null) {
            deleteQuietly(replaced);
        }
    }

    /**
     * A transaction-scoped advisory lock on the dataset's artefact set, keyed by the table (PostgreSQL's own
     * convention for the first key) and the id's hash; a hash shared by two datasets only makes one wait briefly.
     */
    private static void lockRecording(UUID datasetId) {
        ArtefactSet.getEntityManager().createNativeQuery("select 1 from pg_advisory_xact_lock("
                + "cast(cast('release.artefact_set' as regclass) as oid)::int, hashtext(cast(:id as text)))")
                .setParameter("id", datasetId).getSingleResult();
    }

    private void deleteQuietly(String prefix) {
        try {
            store.deletePrefix(prefix);
        } catch (Exception e) {
            LOG.warnf("Could not delete superseded release files under %s: %s", prefix, e.getMessage());
        }
    }

    /**
     * Publishes the dataset's artefacts, inside the caller's transaction (the release's); false when none are
     * built, which fails the release attempt so that it is retried after they are. One column is updated, not a
     * set loaded earlier: another replica's rebuild recorded meanwhile stays (writing back the loaded set would
     * point the release at the files that rebuild replaced and deleted), and a rebuild still under way is waited
     * for by the row's lock.
     */
    public boolean publishWithin(UUID datasetId, Instant now) {
        return ArtefactSet.update("publishedAt = coalesce(publishedAt, ?1) where datasetId = ?2", now, datasetId) == 1;
    }

    /**
     * The published artefacts the public may have at the clock's now; a withdrawn release is a 410 naming the
     * reason (its landing page becomes a tombstone), anything unpublished is empty (404).
     */
    public Optional<ArtefactSet> publicSet(UUID datasetId) {
        Instant now = clock.instant();
        ArtefactSet set = QuarkusTransaction.requiringNew().call(() -> ArtefactSet.<ArtefactSet>findById(datasetId));
        if (set != null && set.publishedBy(now) && set.withdrawnAt != null) {
            throw ProblemException.of(Response.Status.GONE, "withdrawn", "Dataset " + datasetId
                    + " was withdrawn on " + set.withdrawnAt + ": " + set.withdrawalReason);
        }
        return Optional.ofNullable(set).filter(found -> found.publicAt(now));
    }

    /** Marks the dataset's artefacts withdrawn: they are no longer served, and say why. */
    public void withdraw(UUID datasetId, String reason) {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            ArtefactSet set = ArtefactSet.findById(datasetId);
            if (set != null && set.withdrawnAt == null) {
                set.withdrawnAt = now;
                set.withdrawalReason = reason;
            }
        });
    }
}
