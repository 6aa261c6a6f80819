package org.aqqua.release.notice;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.aqqua.catalog.client.CatalogDatasets;
import org.aqqua.catalog.client.CatalogOwnerContact;
import org.aqqua.catalog.client.CatalogReleaseFacts;
import org.aqqua.release.artefact.PublicationSettings;
import org.aqqua.release.audit.AuditEntry;
import org.aqqua.release.audit.AuditLog;
import org.aqqua.release.plan.ReleasePlanner;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * E-mails each dataset's owner twice: {@code aqqua.release.notice-before} ahead of its release (what will become
 * public, when, under which licence) and once it is released (where to find and cite it). Each notice is sent
 * once across replicas ({@link NoticeLedger}); one that fails is retried on the next run. The address comes from
 * the catalog just before sending and is never logged or audited.
 */
@ApplicationScoped
public class OwnerNotices {

    private static final Logger LOG = Logger.getLogger(OwnerNotices.class);
    static final String UPCOMING = "upcoming";
    static final String RELEASED = "released";

    private final ReleasePlanner planner;
    private final CatalogDatasets catalog;
    private final NoticeLedger ledger;
    private final Mailer mailer;
    private final AuditLog audit;
    private final PublicationSettings publication;
    private final Clock clock;
    private final Duration before;

    OwnerNotices(ReleasePlanner planner, CatalogDatasets catalog, NoticeLedger ledger, Mailer mailer, AuditLog audit,
            PublicationSettings publication, Clock clock,
            @ConfigProperty(name = "aqqua.release.notice-before", defaultValue = "P14D") Duration before) {
        this.planner = planner;
        this.catalog = catalog;
        this.ledger = ledger;
        this.mailer = mailer;
        this.audit = audit;
        this.publication = publication;
        this.clock = clock;
        this.before = before;
    }

    @Scheduled(identity = "owner-notices", every = "${aqqua.release.notice-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warnf("Owner notices failed; the next run retries: %s", e.getMessage());
        }
    }

    /** Sends the notices due at the clock's now; returns how many were sent. */
    public int runOnce() {
        Instant now = clock.instant();
        int sent = 0;
        for (CatalogReleaseFacts dataset : planner.dueAt(now.plus(before))) {
            String subject = "AqQua: \"" + dataset.title() + "\" will be public on "
                    + dataset.embargoUntil().atOffset(ZoneOffset.UTC).toLocalDate();
            if (send(dataset.id(), UPCOMING, now, subject, upcoming(dataset))) {
                sent++;
            }
        }
        for (UUID released : ledger.releasedWithoutNotice()) {
            String title = catalog.find(released).map(d -> d.title()).orElse("your dataset");
            if (send(released, RELEASED, now, "AqQua: \"" + title + "\" is now public", released(released, title))) {
                sent++;
            }
        }
        return sent;
    }

    private boolean send(UUID datasetId, String kind, Instant now, String subject, String body) {
        if (!ledger.claim(datasetId, kind, now)) {
            return false;
        }
        try {
            Optional<CatalogOwnerContact> contact = catalog.ownerContact(datasetId);
            if (contact.isEmpty()) {
                audit.record("notices", "notify-" + kind, datasetId, AuditEntry.Outcome.refused,
                        "no owner contact (erased on request); nothing sent");
                return false;
            }
            mailer.send(Mail.withText(contact.get().email(), subject, "Dear " + contact.get().name() + ",\n\n"
                    + body + "\nAqQua data platform\n"));
            audit.record("notices", "notify-" + kind, datasetId, AuditEntry.Outcome.succeeded,
                    "owner e-mailed: " + subject);
            return true;
        } catch (RuntimeException e) {
            ledger.release(datasetId, kind);
            LOG.warnf("Could not send the %s notice of dataset %s; retried on the next run: %s", kind, datasetId,
                    e.getMessage());
            audit.record("notices", "notify-" + kind, datasetId, AuditEntry.Outcome.failed,
                    "sending failed, retried on the next run: " + e.getClass().getSimpleName());
            return false;
        }
    }

    private String upcoming(CatalogReleaseFacts dataset) {
        return "your dataset \"" + dataset.title() + "\" (" + dataset.imageCount() + " images) will be released "
                + "publicly on " + dataset.embargoUntil() + " under the Creative Commons Attribution-NonCommercial "
                + "4.0 licence (CC BY-NC 4.0), as agreed in your AqQua data sharing agreement. From then on anyone "
                + "can find, cite and download it, and you are a co-author of the AqQua data paper.\n\n"
                + "If anything must change before then, please contact the AqQua curators now.\n";
    }

    private String released(UUID datasetId, String title) {
        return "your dataset \"" + title + "\" is now public under CC BY-NC 4.0.\n\nLanding page: "
                + publication.landingPage(datasetId) + "\nFiles and citation: "
                + publication.filesBase(datasetId).resolve("citation.txt") + "\n\nThank you for sharing your data.\n";
    }
}
