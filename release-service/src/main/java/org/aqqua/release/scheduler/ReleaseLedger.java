package org.aqqua.release.scheduler;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.aqqua.catalog.client.CatalogDataset;
import org.aqqua.catalog.client.CatalogReleaseFacts;
import org.aqqua.release.artefact.ReleaseArtefacts;
import org.aqqua.release.audit.AuditEntry;
import org.aqqua.release.audit.AuditLog;
import org.aqqua.runtime.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The release claims in release's own schema, and one release attempt as one database transaction.
 *
 * <p>Exactly once: a dataset gets one row (primary key, {@code insert ... on conflict do nothing}); a replica
 * works on a row only while it holds the row's lock ({@code select ... for update skip locked}), calls the
 * catalog inside that transaction, and commits the row's change to released together with the audit entry
 * "release". Another replica skips a locked row and never sees a released one again, so one "release" entry is
 * written per dataset. A replica that dies mid-attempt loses its connection and with it the lock (PostgreSQL rolls
 * the transaction back), so the row is pending again at once for whoever comes next; if the catalog had already
 * made the change, the next attempt's call finds the dataset released, which the catalog answers as success. A
 * replica that hangs is cut off by PostgreSQL after {@code aqqua.release.attempt-timeout}
 * ({@code idle_in_transaction_session_timeout}).
 */
@ApplicationScoped
public class ReleaseLedger {

    private static final Logger LOG = Logger.getLogger(ReleaseLedger.class);

    /** What an attempt came to. */
    public enum Outcome { RELEASED, FAILED, REFUSED }

    public record Attempt(UUID datasetId, int number, Outcome outcome) {
    }

    private final CatalogReleaser catalog;
    private final AuditLog audit;
    private final ReleaseArtefacts artefacts;
    private final Backoff backoff;
    private final Duration attemptTimeout;

    ReleaseLedger(CatalogReleaser catalog, AuditLog audit, ReleaseArtefacts artefacts,
            @ConfigProperty(name = "aqqua.release.retry-backoff", defaultValue = "PT15S") Duration initialBackoff,
            @ConfigProperty(name = "aqqua.release.retry-backoff-max", defaultValue = "PT15M") Duration maxBackoff,
            @ConfigProperty(name = "aqqua.release.attempt-timeout", defaultValue = "PT2M") Duration attemptTimeout) {
        this.catalog = catalog;
        this.audit = audit;
        this.artefacts = artefacts;
        this.backoff = new Backoff(initialBackoff, maxBackoff);
        this.attemptTimeout = attemptTimeout;
    }

    /** A pending claim for each due dataset that has none yet (released ones keep their row and are not touched). */
    public void enqueue(List<CatalogReleaseFacts> due, Instant now) {
        if (due.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            EntityManager em = DatasetRelease.getEntityManager();
            for (CatalogReleaseFacts dataset : due) {
                em.createNativeQuery("insert into release.dataset_release (dataset_id, state, embargo_until, "
                        + "attempts, next_attempt_at, created_at) values (:id, 'pending', :embargo, 0, :now, :now) "
                        + "on conflict (dataset_id) do nothing")
                        .setParameter("id", dataset.id())
                        .setParameter("embargo", dataset.embargoUntil())
                        .setParameter("now", now)
                        .executeUpdate();
            }
        });
    }

    /**
     * One attempt on the next pending dataset whose retry time has come and that no other replica is working on,
     * leaving out {@code exclude} (those this run already tried); empty when there is none.
     */
    public Optional<Attempt> attemptNext(Instant now, Collection<UUID> exclude, String actor) {
        int timeoutSeconds = (int) Math.max(1, attemptTimeout.toSeconds());
        return QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(() -> {
            EntityManager em = DatasetRelease.getEntityManager();
            em.createNativeQuery("set local idle_in_transaction_session_timeout = " + attemptTimeout.toMillis())
                    .executeUpdate();
            Query next = em.createNativeQuery("select * from release.dataset_release where state = 'pending' "
                    + "and next_attempt_at <= :now" + (exclude.isEmpty() ? "" : " and dataset_id not in (:exclude)")
                    + " order by next_attempt_at, dataset_id limit 1 for update skip locked", DatasetRelease.class)
                    .setParameter("now", now);
            if (!exclude.isEmpty()) {
                next.setParameter("exclude", exclude);
            }
            @SuppressWarnings("unchecked")
            List<DatasetRelease> rows = next.getResultList();
            return rows.isEmpty() ? Optional.<Attempt>empty() : Optional.of(attempt(rows.get(0), now, actor));
        });
    }

    private Attempt attempt(DatasetRelease claim, Instant now, String actor) {
        UUID id = claim.datasetId;
        int number = ++claim.attempts;
        String previousError = claim.lastError;
        claim.claimedBy = actor;
        claim.claimedAt = now;
        // Kept whatever happens next: the log shows every attempt, also one that died with its replica.
        audit.record(actor, number == 1 ? "claim" : "retry", id, AuditEntry.Outcome.succeeded,
                "attempt " + number + " to release, embargo until " + claim.embargoUntil
                        + (previousError == null ? "" : "; previous attempt failed: " + previousError));
        String reason = "released by release-service (" + actor + ") at " + now;
        try {
            if (!artefacts.built(id)) {
                artefacts.prepareLate(id, claim.embargoUntil);
            }
            CatalogDataset released = catalog.release(id, claim.embargoUntil, reason);
            if (!"released".equals(released.status())) {
                return failed(claim, number, now, actor, "the catalog answered status " + released.status()
                        + " to the release");
            }
            if (!artefacts.publishWithin(id, now)) {
                return failed(claim, number, now, actor, "no release artefacts are recorded for the dataset");
            }
            claim.state = DatasetRelease.RELEASED;
            claim.releasedAt = now;
            claim.releasedBy = actor;
            claim.lastError = null;
            audit.recordWithin(actor, "release", id, AuditEntry.Outcome.succeeded, reason.equals(released.statusReason())
                    ? "released in the catalog (attempt " + number + ")"
                    : "already released in the catalog (" + released.statusReason()
                            + "): an earlier attempt was interrupted after the catalog's change; recorded as released");
            return new Attempt(id, number, Outcome.RELEASED);
        } catch (ProblemException e) {
            int status = e.problem().status();
            if (status == 404 || status == 409 || status == 422) {
                claim.delete();
                audit.recordWithin(actor, "release", id, AuditEntry.Outcome.refused, "the catalog refused ("
                        + status + "): " + e.problem().detail() + " Not released; considered again when due.");
                return new Attempt(id, number, Outcome.REFUSED);
            }
            return failed(claim, number, now, actor, "catalog answered " + status + ": " + e.problem().detail());
        } catch (Exception e) {
            LOG.warnf(e, "Release attempt %d of dataset %s failed", number, id);
            return failed(claim, number, now, actor, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private Attempt failed(DatasetRelease claim, int number, Instant now, String actor, String error) {
        Instant next = now.plus(backoff.after(number));
        claim.lastError = error;
        claim.nextAttemptAt = next;
        audit.recordWithin(actor, "release", claim.datasetId, AuditEntry.Outcome.failed,
                error + " (attempt " + number + "; next attempt at " + next + ")");
        return new Attempt(claim.datasetId, number, Outcome.FAILED);
    }
}
