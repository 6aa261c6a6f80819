package org.aqqua.ingest.image;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.aqqua.catalog.client.CatalogImages;
import org.jboss.logging.Logger;

/**
 * Removes the image objects a failed or cancelled job wrote. Content is shared between datasets, so an object is
 * kept when the catalog references it anywhere, or when it was written again after our job wrote it (another
 * job is storing the same image right now and will register it).
 */
@ApplicationScoped
public class OrphanCleanup {

    private static final Logger LOG = Logger.getLogger(OrphanCleanup.class);
    private static final int BATCH = 1000;

    private final CatalogImages catalog;
    private final ImageStore store;

    OrphanCleanup(CatalogImages catalog, ImageStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    /** Deletes what is safe to delete among the job's objects; returns how many were deleted. */
    public long removeUnreferenced(StoredKeys written) throws Exception {
        long[] deleted = {0};
        written.forEachBatch(BATCH, batch -> {
            Set<String> referenced = new HashSet<>(catalog.referenced(
                    batch.stream().map(StoredKeys.StoredKey::key).distinct().toList()));
            List<String> orphans = new ArrayList<>();
            for (StoredKeys.StoredKey object : batch) {
                if (!referenced.contains(object.key()) && !orphans.contains(object.key())
                        && store.lastWritten(object.key()).filter(at -> !at.isAfter(object.writtenAt())).isPresent()) {
                    orphans.add(object.key());
                }
            }
            store.delete(orphans);
            deleted[0] += orphans.size();
        });
        LOG.debugf("Removed %d unreferenced image objects", deleted[0]);
        return deleted[0];
    }
}
