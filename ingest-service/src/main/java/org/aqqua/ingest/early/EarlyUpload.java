package org.aqqua.ingest.early;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.aqqua.ingest.archive.UnpackedArchive.TreeFile;
import org.aqqua.ingest.archive.ZipEntryId;
import org.aqqua.ingest.image.ProbedImage;
import org.aqqua.ingest.image.StoredKeys;
import org.aqqua.runtime.files.ScratchDirectories;

/**
 * What a job takes over from its upload's receipt: the local copy of the archive (so it need not be read back
 * from aqqua-uploads) and the images already stored. The job looks each row's image up here first.
 */
public final class EarlyUpload {

    private final Path folder;
    private final Path spool;
    private final long spoolBytes;
    private final Map<ZipEntryId, EarlyImage> images;
    private final Set<ZipEntryId> used = ConcurrentHashMap.newKeySet();
    private final AtomicLong takenOver;

    EarlyUpload(Path folder, Path spool, long spoolBytes, Map<ZipEntryId, EarlyImage> images, AtomicLong takenOver) {
        this.folder = folder;
        this.spool = spool;
        this.spoolBytes = spoolBytes;
        this.images = Collections.unmodifiableMap(images); // complete: its scan has ended; not copied (heap)
        this.takenOver = takenOver;
    }

    /** An upload with nothing taken over: the job does everything itself. */
    public static EarlyUpload none() {
        return new EarlyUpload(null, null, -1, Map.of(), new AtomicLong());
    }

    /**
     * Moves the local copy of the archive to {@code target} if it holds exactly {@code bytes} (what staging
     * received); false if there is none, and the job reads the staged archive back instead.
     */
    public boolean moveArchiveTo(Path target, long bytes) throws IOException {
        if (spool == null || spoolBytes != bytes || !Files.isRegularFile(spool)) {
            return false;
        }
        Files.move(spool, target, StandardCopyOption.REPLACE_EXISTING);
        return true;
    }

    /** Every object stored on receipt, into the job's own list, so that a failed job removes them too. */
    public void addKeysTo(StoredKeys keys) throws IOException {
        for (EarlyImage image : images.values()) {
            image.addTo(keys);
        }
    }

    /** The row's image if it was stored on receipt: the same entry of the uploaded zip, same CRC-32 and size. */
    public Optional<ProbedImage> stored(TreeFile image) {
        if (images.isEmpty()) {
            return Optional.empty(); // most jobs: nothing stored on receipt, no entry id to build per row
        }
        return image.outerZipEntry().map(id -> {
            EarlyImage early = images.get(id);
            if (early != null && used.add(id)) {
                takenOver.incrementAndGet();
            }
            return early == null ? null : early.probed();
        });
    }

    /** How many images were stored on receipt. */
    public int storedCount() {
        return images.size();
    }

    /** The objects stored on receipt that no row used (other entries of the zip): to remove if unreferenced. */
    public void addUnusedKeysTo(StoredKeys keys) throws IOException {
        for (Map.Entry<ZipEntryId, EarlyImage> image : images.entrySet()) {
            if (!used.contains(image.getKey())) {
                image.getValue().addTo(keys);
            }
        }
    }

    /** Deletes what is left of the local copy. */
    public void discard() {
        if (folder != null) {
            ScratchDirectories.delete(folder);
        }
    }
}
