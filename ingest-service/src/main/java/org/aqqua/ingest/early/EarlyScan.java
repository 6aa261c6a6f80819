package org.aqqua.ingest.early;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.aqqua.ingest.archive.InPlaceImages;
import org.aqqua.ingest.archive.ZipEntryId;
import org.aqqua.ingest.image.ImageProbe;
import org.aqqua.ingest.image.ImageRefusedException;
import org.aqqua.ingest.image.ProbedImage;
import org.jboss.logging.Logger;

/**
 * Follows a zip upload while it arrives and stores its images: each image entry (as {@link InPlaceImages} names
 * them) is read from the zip's stream, probed, and PUT content-addressed, which is safe before anything is
 * validated. The job later finds each image here by entry name, CRC-32 and size, and only does itself what is not
 * here. This uses the CPU the upload leaves idle; it is an optimisation only: whatever it cannot read (not a zip,
 * entries it cannot stream, an image that does not probe) it leaves to the job, which reports it.
 */
final class EarlyScan implements Runnable {

    private static final Logger LOG = Logger.getLogger(EarlyScan.class);

    private final InputStream upload;
    private final ImageProbe probe;
    private final BiFunction<byte[], ProbedImage, CompletableFuture<?>> store;
    /** Bytes of images handed to S3 and not yet acknowledged: what the scan holds in memory at most. */
    private static final int IN_FLIGHT_BYTES = 16 * 1024 * 1024;

    private final Semaphore inFlight = new Semaphore(IN_FLIGHT_BYTES);
    private final AtomicLong storedCount;
    /** Images stored at most: each costs a map entry on the heap until the job is done (a few hundred bytes). */
    private final int maxImages;
    private final Map<ZipEntryId, EarlyImage> stored = new ConcurrentHashMap<>();
    private volatile boolean stopRequested;

    /**
     * @param upload the upload from its first byte (it may still be arriving)
     * @param store PUTs an image under its SHA-256
     * @param storedCount counts every image stored
     * @param maxImages images stored at most; the job stores the rest
     */
    EarlyScan(InputStream upload, ImageProbe probe, BiFunction<byte[], ProbedImage, CompletableFuture<?>> store,
            AtomicLong storedCount, int maxImages) {
        this.upload = upload;
        this.probe = probe;
        this.store = store;
        this.storedCount = storedCount;
        this.maxImages = maxImages;
    }

    @Override
    public void run() {
        // Stored entries followed by a data descriptor cannot be delimited in a stream: left to the job.
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new BufferedInputStream(upload, 1 << 16),
                StandardCharsets.UTF_8.name(), true, false)) {
            ZipArchiveEntry entry;
            int started = 0;
            while (!stopRequested && started < maxImages && (entry = zip.getNextEntry()) != null) {
                if (!entry.isDirectory() && InPlaceImages.isImageName(entry.getName()) && zip.canReadEntryData(entry)) {
                    storeEntry(entry.getName(), zip);
                    started++;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debugf("Storing on receipt ended early: %s", e.toString());
        } finally {
            awaitPuts();
        }
    }

    private void storeEntry(String name, InputStream zip) throws IOException {
        byte[] content = zip.readNBytes((int) InPlaceImages.MAX_BYTES + 1);
        if (content.length > InPlaceImages.MAX_BYTES) {
            return; // unpacked to disk by the job
        }
        ProbedImage probed;
        try {
            probed = probe.probe(content);
        } catch (ImageRefusedException notAnImage) {
            return; // the job finds and reports it on its row
        }
        CRC32 crc = new CRC32();
        crc.update(content);
        ZipEntryId id = new ZipEntryId(name, crc.getValue(), content.length);
        int held = Math.max(1, content.length);
        inFlight.acquireUninterruptibly(held);
        CompletableFuture<?> put;
        try {
            put = store.apply(content, probed);
        } catch (RuntimeException e) {
            inFlight.release(held);
            throw e;
        }
        put.whenComplete((done, error) -> {
            if (error == null) {
                stored.put(id, new EarlyImage(probed, Instant.now()));
                storedCount.incrementAndGet();
            }
            inFlight.release(held);
        });
    }

    private void awaitPuts() {
        inFlight.acquireUninterruptibly(IN_FLIGHT_BYTES);
        inFlight.release(IN_FLIGHT_BYTES);
    }

    /** Asks the scan to stop after the entry it is on. */
    void stop() {
        stopRequested = true;
    }

    /** The images stored so far (complete once the scan has ended). */
    Map<ZipEntryId, EarlyImage> stored() {
        return stored;
    }
}
