package org.aqqua.ingest.early;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.io.input.TeeInputStream;
import org.aqqua.ingest.config.IngestSettings;
import org.aqqua.ingest.image.ImageProbe;
import org.aqqua.ingest.image.ImageStore;
import org.aqqua.ingest.image.OrphanCleanup;
import org.aqqua.ingest.image.StoredKeys;
import org.aqqua.runtime.files.ScratchDirectories;
import org.jboss.logging.Logger;

/**
 * Storing images while their upload is still arriving. A direct upload is copied to a local spool as it streams
 * into aqqua-uploads, and a scan stores the zip's images from the spool meanwhile, on the CPU the upload leaves
 * idle. The job of the upload, when it runs on this instance, claims both: it moves the spool into its scratch
 * folder instead of reading the archive back, and takes the stored images instead of reading, probing and
 * storing them again. Elsewhere (another replica, after a restart) the job simply does everything itself: this
 * is never needed for a correct result, and objects it stored for a job that never claims them are unreferenced,
 * which the orphan sweep removes.
 */
@ApplicationScoped
public class EarlyStoring {

    private static final Logger LOG = Logger.getLogger(EarlyStoring.class);
    /** Received uploads kept for their jobs; beyond this the oldest is discarded (its job does everything). */
    private static final int MAX_WAITING = 4;

    private final ImageStore store;
    private final OrphanCleanup cleanup;
    private final ImageProbe probe = new ImageProbe();
    private final Path folder;
    private final boolean enabled;
    private final int maxImages;
    private final Map<String, Scanning> waiting = new LinkedHashMap<>();
    private final AtomicLong storedOnReceipt = new AtomicLong();
    private final AtomicLong takenOver = new AtomicLong();

    EarlyStoring(ImageStore store, OrphanCleanup cleanup, IngestSettings settings) {
        this.store = store;
        this.cleanup = cleanup;
        this.folder = settings.workRoot().resolve("receiving");
        this.enabled = settings.storeOnReceipt();
        this.maxImages = settings.storeOnReceiptMaxImages();
    }

    /** Spools left by an earlier run of the service belong to no scan any more. */
    void onStart(@Observes StartupEvent start) {
        ScratchDirectories.delete(folder);
    }

    /** Starts receiving an upload that will be staged under {@code key}. */
    public ReceivingUpload receive(String key, InputStream body) {
        if (!enabled) {
            return ReceivingUpload.passThrough(body);
        }
        Path own = folder.resolve(UUID.randomUUID().toString());
        UploadSpool spool;
        try {
            Files.createDirectories(own);
            spool = new UploadSpool(own.resolve("archive"));
        } catch (IOException e) {
            LOG.warnf("Cannot spool an upload locally, storing its images when its job runs: %s", e.getMessage());
            ScratchDirectories.delete(own);
            return ReceivingUpload.passThrough(body);
        }
        EarlyScan scan = new EarlyScan(spool.reader(), probe, store::put, storedOnReceipt, maxImages);
        Thread thread = new Thread(scan, "store-on-receipt");
        thread.setDaemon(true);
        Scanning scanning = new Scanning(own, spool, scan, thread);
        thread.start();
        return scanning.receiving(key, body);
    }

    /**
     * What was done on receipt for the upload staged under {@code key}, if it was received by this instance since
     * it started: its scan is stopped (the job is faster at the rest) and waited for.
     */
    public EarlyUpload claim(String key) {
        Scanning scanning;
        synchronized (waiting) {
            scanning = waiting.remove(key);
        }
        return scanning == null ? EarlyUpload.none() : scanning.handOver();
    }

    /** Images stored on receipt since the service started. */
    public long storedOnReceipt() {
        return storedOnReceipt.get();
    }

    /** Images stored on receipt that jobs then used for their rows, since the service started. */
    public long takenOver() {
        return takenOver.get();
    }

    private void keep(String key, Scanning scanning) {
        Scanning oldest = null;
        synchronized (waiting) {
            waiting.put(key, scanning);
            if (waiting.size() > MAX_WAITING) {
                String first = waiting.keySet().iterator().next();
                oldest = waiting.remove(first);
            }
        }
        if (oldest != null) {
            oldest.discard();
        }
    }

    /** One upload's spool, scan and thread. */
    private final class Scanning {
        private final Path own;
        private final UploadSpool spool;
        private final EarlyScan scan;
        private final Thread thread;

        Scanning(Path own, UploadSpool spool, EarlyScan scan, Thread thread) {
            this.own = own;
            this.spool = spool;
            this.scan = scan;
            this.thread = thread;
        }

        ReceivingUpload receiving(String key, InputStream body) {
            InputStream teed = new TeeInputStream(body, spool.writer(), false); // copied as it is read
            return new ReceivingUpload() {
                @Override
                public InputStream body() {
                    return teed;
                }

                @Override
                public void received() {
                    spool.complete();
                    keep(key, Scanning.this);
                }

                @Override
                public void abandon() {
                    synchronized (waiting) {
                        waiting.remove(key, Scanning.this);
                    }
                    spool.fail();
                    discard();
                }
            };
        }

        EarlyUpload handOver() {
            stopAndWait();
            return new EarlyUpload(own, spool.file(), spool.isComplete() ? spool.bytes() : -1, scan.stored(),
                    takenOver);
        }

        /** Stops the scan, removes what it stored unless referenced, and deletes the spool. */
        void discard() {
            stopAndWait();
            try (StoredKeys keys = new StoredKeys(own.resolve("stored-keys.txt"))) {
                for (EarlyImage image : scan.stored().values()) {
                    image.addTo(keys);
                }
                cleanup.removeUnreferenced(keys);
            } catch (Exception e) {
                LOG.warnf("Could not remove the images stored on receipt of an upload not accepted; the orphan "
                        + "sweep will: %s", e.getMessage());
            }
            ScratchDirectories.delete(own);
        }

        private void stopAndWait() {
            scan.stop();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                spool.close();
            } catch (IOException e) {
                LOG.debugf("Closing a spool: %s", e.getMessage());
            }
        }
    }
}
