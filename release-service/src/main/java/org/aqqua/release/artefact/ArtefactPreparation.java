package org.aqqua.release.artefact;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.aqqua.catalog.client.CatalogReleaseFacts;
import org.aqqua.release.plan.ReleasePlanner;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Builds release artefacts ahead of the instant, so that the release itself only flips rows: from
 * {@code aqqua.release.prepare-ahead} before the release instant, every dataset the plan releases then gets its
 * artefacts (and again when it changes). The scheduler also prepares whatever is due and not yet prepared (a
 * dataset that became ready at the last minute, or a postponed embargo).
 */
@ApplicationScoped
public class ArtefactPreparation {

    private static final Logger LOG = Logger.getLogger(ArtefactPreparation.class);

    private final ReleasePlanner planner;
    private final ReleaseArtefacts artefacts;
    private final Clock clock;
    private final Duration ahead;

    ArtefactPreparation(ReleasePlanner planner, ReleaseArtefacts artefacts, Clock clock,
            @ConfigProperty(name = "aqqua.release.prepare-ahead", defaultValue = "P7D") Duration ahead) {
        this.planner = planner;
        this.artefacts = artefacts;
        this.clock = clock;
        this.ahead = ahead;
    }

    @Scheduled(identity = "release-preparation", every = "${aqqua.release.prepare-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Instant instant = planner.policy().releaseInstant();
        Instant now = clock.instant();
        if (now.isBefore(instant.minus(ahead))) {
            return;
        }
        try {
            prepareAll(planner.dueAt(now.isAfter(instant) ? now : instant));
        } catch (RuntimeException e) {
            LOG.warnf("Preparing release artefacts failed; the next run retries: %s", e.getMessage());
        }
    }

    /** Prepares each dataset's artefacts; one that fails is logged and left for the next run. */
    public void prepareAll(List<CatalogReleaseFacts> datasets) {
        for (CatalogReleaseFacts dataset : datasets) {
            try {
                artefacts.prepare(dataset);
            } catch (Exception e) {
                LOG.warnf(e, "Could not build the release artefacts of dataset %s", dataset.id());
            }
        }
    }
}
