package org.aqqua.release.plan;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.aqqua.catalog.client.CatalogDatasets;
import org.aqqua.catalog.client.CatalogReleaseFacts;
import org.aqqua.catalog.client.CatalogReleaseFactsPage;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Applies the {@link ReleasePolicy} to the catalog's datasets, read page by page through the catalog's internal
 * API with release-service's own token. The plan is per dataset (the catalog keeps image counts and bytes on each
 * dataset row), so its cost grows with the number of datasets, not of images.
 */
@ApplicationScoped
public class ReleasePlanner {

    private final CatalogDatasets catalog;
    private final ReleasePolicy policy;
    private final int pageSize;

    ReleasePlanner(CatalogDatasets catalog, @ConfigProperty(name = "aqqua.release.instant") Instant releaseInstant,
            @ConfigProperty(name = "aqqua.release.page-size", defaultValue = "1000") int pageSize) {
        this.catalog = catalog;
        this.policy = new ReleasePolicy(releaseInstant);
        this.pageSize = pageSize;
    }

    public ReleasePolicy policy() {
        return policy;
    }

    public ReleasePlan plan(Instant asOf) {
        List<PlannedDataset> toRelease = new ArrayList<>();
        List<PlannedDataset> released = new ArrayList<>();
        List<PlannedDataset> notReleased = new ArrayList<>();
        eachDataset(null, dataset -> {
            ReleaseDecision decision = policy.decide(dataset, asOf);
            switch (decision.verdict()) {
                case RELEASE -> toRelease.add(planned(dataset, null, List.of()));
                case ALREADY_RELEASED -> released.add(planned(dataset, dataset.updatedAt(), List.of()));
                case WITHHELD -> notReleased.add(planned(dataset, null, decision.reasons()));
            }
        });
        ReleasePlan.Group release = ReleasePlan.Group.of(toRelease);
        ReleasePlan.Group before = ReleasePlan.Group.of(released);
        ReleasePlan.Group withheld = ReleasePlan.Group.of(notReleased);
        return new ReleasePlan(asOf, policy.releaseInstant(), release, before, withheld,
                new ReleasePlan.Totals(release.datasets() + before.datasets() + withheld.datasets(),
                        release.images() + before.images() + withheld.images(),
                        release.bytes() + before.bytes() + withheld.bytes()));
    }

    /**
     * The datasets the scheduler releases at {@code asOf}: exactly the plan's {@code toRelease}. Only ready datasets
     * can be due, so only those are read; before the release instant (a floor under every embargo) none can be, so
     * the scheduler's polls in the months before it cost the catalog nothing.
     */
    public List<CatalogReleaseFacts> dueAt(Instant asOf) {
        if (asOf.isBefore(policy.releaseInstant())) {
            return List.of();
        }
        List<CatalogReleaseFacts> due = new ArrayList<>();
        eachDataset("ready", dataset -> {
            if (policy.decide(dataset, asOf).releases()) {
                due.add(dataset);
            }
        });
        return due;
    }

    private void eachDataset(String status, Consumer<CatalogReleaseFacts> action) {
        UUID after = null;
        do {
            CatalogReleaseFactsPage page = catalog.releaseFacts(status, after, pageSize);
            page.items().forEach(action);
            after = page.next();
        } while (after != null);
    }

    private static PlannedDataset planned(CatalogReleaseFacts d, Instant releasedAt, List<String> reasons) {
        return new PlannedDataset(d.id(), d.title(), d.status(), d.embargoUntil(), d.imageCount(), d.imageBytes(),
                releasedAt, reasons);
    }
}
