package org.aqqua.release.scheduler;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.aqqua.catalog.client.CatalogDataset;
import org.aqqua.catalog.client.CatalogDatasets;
import org.aqqua.runtime.problem.Problem;
import org.aqqua.runtime.problem.ProblemException;

/**
 * The real catalog call, except that a test can make it fail for a dataset a number of times as an unreachable
 * catalog does (503), to watch the scheduler retry with backoff, or have something happen while a release attempt
 * is under way (as another replica would). Passes everything through unless told otherwise.
 */
@Alternative
@Priority(1)
@Singleton
public class FlakyCatalogReleaser extends CatalogReleaser {

    private final Map<UUID, Integer> failures = new ConcurrentHashMap<>();
    private final Map<UUID, Runnable> meanwhile = new ConcurrentHashMap<>();

    FlakyCatalogReleaser(CatalogDatasets catalog) {
        super(catalog);
    }

    public void failNext(UUID datasetId, int times) {
        failures.put(datasetId, times);
    }

    /** Runs {@code action} at the next release call of the dataset, inside the attempt, before the catalog's change. */
    public void meanwhile(UUID datasetId, Runnable action) {
        meanwhile.put(datasetId, action);
    }

    public void reset() {
        failures.clear();
        meanwhile.clear();
    }

    @Override
    public CatalogDataset release(UUID datasetId, Instant embargoUntil, String reason) {
        Runnable action = meanwhile.remove(datasetId);
        if (action != null) {
            action.run();
        }
        Integer left = failures.computeIfPresent(datasetId, (id, n) -> n - 1);
        if (left != null && left >= 0) {
            throw new ProblemException(new Problem(Problem.type("catalog-unavailable"), "Service Unavailable", 503,
                    "The catalog cannot be reached; try again later.", null, List.of()));
        }
        return super.release(datasetId, embargoUntil, reason);
    }
}
