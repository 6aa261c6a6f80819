package org.aqqua.ingest.job;

import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.aqqua.catalog.client.CatalogImages;
import org.aqqua.ingest.config.IngestSettings;
import org.aqqua.ingest.image.ImageStore;
import org.jboss.logging.Logger;

/**
 * Garbage collection of {@code aqqua-images}: deletes objects no dataset references, for what a job's own cleanup
 * could not do (the service died, the catalog was down). Only objects older than the grace period and older than
 * the oldest job still running are considered, so images a running job has stored but not yet registered are
 * safe; an image stored again recently has a fresh timestamp and is safe too. Any replica may sweep; deleting
 * twice is harmless.
 */
@ApplicationScoped
public class OrphanSweep {

    private static final Logger LOG = Logger.getLogger(OrphanSweep.class);
    private static final int BATCH = 1000;

    private final MinioClient s3;
    private final CatalogImages catalog;
    private final ImageStore store;
    private final JobStore jobs;
    private final Duration grace;

    OrphanSweep(MinioClient s3, CatalogImages catalog, ImageStore store, JobStore jobs, IngestSettings settings) {
        this.s3 = s3;
        this.catalog = catalog;
        this.store = store;
        this.jobs = jobs;
        this.grace = settings.orphanSweep().grace();
    }

    @Scheduled(every = "${aqqua.ingest.orphan-sweep.every:24h}", delayed = "10m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            sweep(Instant.now().minus(grace));
        } catch (Exception e) {
            LOG.warnf(e, "Orphan sweep of %s failed; the next one retries", ImageStore.BUCKET);
        }
    }

    /** Deletes unreferenced objects last written before {@code writtenBefore}; returns how many. */
    public long sweep(Instant writtenBefore) throws Exception {
        Instant cutoff = jobs.oldestActiveSince().filter(since -> since.isBefore(writtenBefore))
                .orElse(writtenBefore);
        long deleted = 0;
        List<String> batch = new ArrayList<>(BATCH);
        for (Result<Item> listed : s3.listObjects(ListObjectsArgs.builder().bucket(ImageStore.BUCKET)
                .recursive(true).build())) {
            Item item = listed.get();
            if (item.lastModified().toInstant().isBefore(cutoff)) {
                batch.add(item.objectName());
            }
            if (batch.size() == BATCH) {
                deleted += deleteUnreferenced(batch);
                batch.clear();
            }
        }
        deleted += deleteUnreferenced(batch);
        LOG.infof("Orphan sweep: %d unreferenced image objects written before %s deleted", deleted, cutoff);
        return deleted;
    }

    private long deleteUnreferenced(List<String> keys) throws Exception {
        if (keys.isEmpty()) {
            return 0;
        }
        Set<String> referenced = new HashSet<>(catalog.referenced(keys));
        List<String> orphans = keys.stream().filter(key -> !referenced.contains(key)).toList();
        store.delete(orphans);
        return orphans.size();
    }
}
