package org.aqqua.ingest.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.aqqua.catalog.client.CatalogImage;
import org.aqqua.ingest.archive.UnpackedArchive;
import org.aqqua.ingest.archive.UnpackedArchive.TreeFile;
import org.aqqua.ingest.bundle.TableListener;
import org.aqqua.ingest.early.EarlyUpload;
import org.aqqua.ingest.image.ImageProbe;
import org.aqqua.ingest.image.ImageRefusedException;
import org.aqqua.ingest.image.ImageStore;
import org.aqqua.ingest.image.ProbedImage;
import org.aqqua.ingest.image.StoredKeys;
import org.aqqua.metadata.AqquaMinimum;
import org.aqqua.metadata.AqquaMinimum.DatasetDefaults;
import org.aqqua.metadata.RowProblem;
import org.aqqua.metadata.SourceFields;
import org.aqqua.metadata.SourceRow;

/**
 * What happens to each row a bundle yields: the format's own problems, AqQua's minimum with the dataset's
 * defaults, then the image — decoded and hashed on worker threads, stored content-addressed, and written to the
 * registration file. Reading runs ahead of decoding and storing only as far as the permits allow, so memory
 * stays bounded whatever the archive's size.
 *
 * <p>Under all-or-nothing, once any problem is known nothing more is stored (the job will fail), but every row
 * and image is still checked so the report is complete.
 *
 * <p>Images of a direct upload may have been probed and stored while it was received ({@link EarlyUpload}): for
 * those only the row is left to do.
 */
final class RowPipeline implements TableListener {

    /** Bytes of images read from their zip and not yet stored: what reading in place may hold in memory. */
    private static final int IN_MEMORY_BYTES = 32 * 1024 * 1024;

    private final UnpackedArchive tree;
    private final Semaphore inMemory = new Semaphore(IN_MEMORY_BYTES);
    private final DatasetDefaults defaults;
    private final JobPolicy policy;
    private final ProblemLog problems;
    private final JobCounters counters;
    private final ImageProbe probe;
    private final ImageStore store;
    private final CatalogRegistration registration;
    private final StoredKeys storedKeys;
    private final EarlyUpload early;
    private final ExecutorService decoders;
    /** Where a stored image's row is written: PUTs complete on event-loop threads, which must not block. */
    private final Executor storedImages;
    private final Semaphore decodePermits;
    private final int decodePermitCount;
    private final Semaphore storagePermits;
    private final int storagePermitCount;
    private final BooleanSupplier cancelled;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /** Fields each (file, line) has a problem on, reported before its row arrives. */
    private final Map<String, Set<String>> reportedFields = new HashMap<>();
    private SourceFields fields;

    RowPipeline(UnpackedArchive tree, DatasetDefaults defaults, JobPolicy policy, ProblemLog problems,
            JobCounters counters, ImageProbe probe, ImageStore store, CatalogRegistration registration,
            StoredKeys storedKeys, EarlyUpload early, ExecutorService decoders, int decodeThreads,
            Executor storedImages, int storageConcurrency, BooleanSupplier cancelled) {
        this.tree = tree;
        this.defaults = defaults;
        this.policy = policy;
        this.problems = problems;
        this.counters = counters;
        this.probe = probe;
        this.store = store;
        this.registration = registration;
        this.storedKeys = storedKeys;
        this.early = early;
        this.decoders = decoders;
        this.storedImages = storedImages;
        this.decodePermitCount = decodeThreads * 4;
        this.decodePermits = new Semaphore(decodePermitCount);
        this.storagePermitCount = storageConcurrency;
        this.storagePermits = new Semaphore(storageConcurrency);
        this.cancelled = cancelled;
    }

    @Override
    public void beginTable(String file, SourceFields fields) {
        this.fields = fields;
        reportedFields.clear();
    }

    @Override
    public void problem(RowProblem problem) {
        problems.add(problem);
        if (problem.line() != null) {
            reportedFields.computeIfAbsent(key(problem.file(), problem.line()), k -> new HashSet<>())
                    .add(String.valueOf(problem.field()));
        }
    }

    @Override
    public void row(SourceRow provided) {
        if (cancelled.getAsBoolean()) {
            throw new JobCancelledException();
        }
        rethrowFailure();
        counters.rowsChecked.incrementAndGet();
        Set<String> reported = reportedFields.remove(key(provided.file(), provided.line()));
        boolean valid = reported == null;
        SourceRow row = AqquaMinimum.withDefaults(provided, defaults);
        for (RowProblem problem : AqquaMinimum.check(row, fields)) {
            if (reported == null || !reported.contains(String.valueOf(problem.field()))) {
                problems.add(problem);
                valid = false;
            }
        }
        Optional<TreeFile> image = imageOf(row);
        if (image.isEmpty()) {
            if (valid) {
                problems.add(RowProblem.ofField(row.file(), row.line(), fields.image(), row.imagePath(),
                        "missing image"));
            }
            counters.rowsInvalid.incrementAndGet();
            return;
        }
        Optional<ProbedImage> storedOnReceipt = early.stored(image.get());
        if (storedOnReceipt.isPresent()) {
            // Probed and stored while the upload arrived (see EarlyStoring): only the row is left to do, here, as
            // handing it to a decoder thread would cost more than the row itself.
            if (countedAndToStore(valid)) {
                registered(row, storedOnReceipt.get());
            }
            return;
        }
        SourceFields rowFields = fields;
        boolean rowValid = valid;
        decodePermits.acquireUninterruptibly();
        decoders.execute(() -> {
            try {
                check(row, image.get(), rowValid, rowFields);
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            } finally {
                decodePermits.release();
            }
        });
    }

    /** Waits until every image handed out is decoded and every PUT acknowledged; rethrows a storage failure. */
    void finish() {
        awaitHandedOut();
        problems.flush();
        rethrowFailure();
    }

    /** Waits until every image handed out is decoded and every PUT answered, its row written and its key recorded. */
    void awaitHandedOut() {
        decodePermits.acquireUninterruptibly(decodePermitCount);
        decodePermits.release(decodePermitCount);
        storagePermits.acquireUninterruptibly(storagePermitCount);
        storagePermits.release(storagePermitCount);
    }

    /** The row's image in the tree, if it names one inside it. */
    private Optional<TreeFile> imageOf(SourceRow row) {
        if (row.imagePath() == null) {
            return Optional.empty();
        }
        Path root = tree.root();
        Path image = root.resolve(row.imagePath()).normalize();
        return image.startsWith(root) ? tree.find(image) : Optional.empty();
    }

    private void check(SourceRow row, TreeFile image, boolean valid, SourceFields rowFields) throws IOException {
        int held = (int) image.zipSize();
        inMemory.acquireUninterruptibly(held);
        boolean handedToStore = false;
        try {
            byte[] content = null;
            ProbedImage probed;
            try {
                if (image.inZip()) {
                    content = image.readFromZip();
                    probed = probe.probe(content);
                } else {
                    probed = probe.probe(image.path());
                }
            } catch (ImageRefusedException refused) {
                refuse(row, rowFields, refused.getMessage());
                return;
            } catch (IOException unreadable) {
                if (!image.inZip()) {
                    throw unreadable;
                }
                refuse(row, rowFields, "cannot be read from the archive: " + unreadable.getMessage());
                return;
            }
            if (!countedAndToStore(valid)) {
                return;
            }
            storagePermits.acquireUninterruptibly();
            CompletableFuture<?> put = content != null ? store.put(content, probed) : store.put(image.path(), probed);
            handedToStore = true;
            put.whenCompleteAsync((done, error) -> {
                try {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    } else {
                        storedKeys.add(ImageStore.keyOf(probed.sha256()));
                        registered(row, probed);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    storagePermits.release();
                    inMemory.release(held);
                }
            }, storedImages);
        } finally {
            if (!handedToStore) {
                inMemory.release(held);
            }
        }
    }

    /**
     * Counts a row whose image decoded as valid or invalid; whether its image is to be stored and registered: not
     * for an invalid row, nor under all-or-nothing once any problem is known (the job will fail).
     */
    private boolean countedAndToStore(boolean valid) {
        if (!valid) {
            counters.rowsInvalid.incrementAndGet();
            return false;
        }
        counters.rowsValid.incrementAndGet();
        return policy != JobPolicy.ALL_OR_NOTHING || problems.count() == 0;
    }

    /** A row whose image is in S3: written to the registration file. */
    private void registered(SourceRow row, ProbedImage probed) {
        try {
            registration.write(line(row, probed));
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the registration failed", e);
        }
        counters.imagesStored.incrementAndGet();
    }

    private void refuse(SourceRow row, SourceFields rowFields, String reason) {
        problems.add(RowProblem.ofField(row.file(), row.line(), rowFields.image(), row.imagePath(), reason));
        counters.rowsInvalid.incrementAndGet();
    }

    private static CatalogImage line(SourceRow row, ProbedImage image) {
        return new CatalogImage(row.objectId(), image.sha256(), ImageStore.keyOf(image.sha256()), image.bytes(),
                image.width(), image.height(), image.format().wireName(), row.pixelSizeUm(), row.latitude(),
                row.longitude(), row.depthMin(), row.depthMax(), row.altitude(), row.observedAt(),
                row.instrument(), row.sampleId(), row.label(),
                row.labelStatus() == null ? null : row.labelStatus().wireName(),
                row.traits() == null || row.traits().isEmpty() ? null : row.traits(),
                row.raw() == null || row.raw().isEmpty() ? null : row.raw());
    }

    private void rethrowFailure() {
        Throwable e = failure.get();
        if (e != null) {
            throw new IllegalStateException("storing images failed: " + e.getMessage(), e);
        }
    }

    private static String key(String file, int line) {
        return file + '\u0000' + line;
    }
}
