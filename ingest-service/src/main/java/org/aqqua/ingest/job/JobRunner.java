package org.aqqua.ingest.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.aqqua.catalog.client.CatalogDataset;
import org.aqqua.catalog.client.CatalogDatasets;
import org.aqqua.catalog.client.CatalogImages;
import org.aqqua.catalog.client.RegistrationResult;
import org.aqqua.ingest.archive.ArchiveExtractor;
import org.aqqua.ingest.archive.ArchiveRefusedException;
import org.aqqua.ingest.archive.UnpackedArchive;
import org.aqqua.ingest.bundle.BundleReader;
import org.aqqua.ingest.config.IngestSettings;
import org.aqqua.ingest.early.EarlyStoring;
import org.aqqua.ingest.early.EarlyUpload;
import org.aqqua.ingest.image.ImageProbe;
import org.aqqua.ingest.image.ImageStore;
import org.aqqua.ingest.image.OrphanCleanup;
import org.aqqua.ingest.image.StoredKeys;
import org.aqqua.metadata.AqquaMinimum.DatasetDefaults;
import org.aqqua.metadata.Instrument;
import org.aqqua.metadata.RowProblem;
import org.aqqua.runtime.problem.ProblemException;
import org.aqqua.runtime.files.ScratchDirectories;
import org.aqqua.runtime.time.PhaseTimer;
import org.jboss.logging.Logger;

/**
 * Runs one job from its staged archive to registered images: unpack, read and check every row, store the images,
 * register them in the catalog all together ({@link CatalogRegistration}). Any outcome other than success leaves
 * nothing registered and removes the objects this run wrote. A run is repeatable from the start, which is how a job survives a crash.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class);

    private final JobStore jobs;
    private final JobSources sources;
    private final ArchiveExtractor extractor;
    private final CatalogDatasets datasets;
    private final CatalogImages images;
    private final ImageStore imageStore;
    private final OrphanCleanup cleanup;
    private final EarlyStoring earlyStoring;
    private final IngestSettings settings;
    private final DataSource dataSource;
    private final ObjectMapper mapper;
    private final ImageProbe probe = new ImageProbe();

    JobRunner(JobStore jobs, JobSources sources, ArchiveExtractor extractor, CatalogDatasets datasets,
            CatalogImages images, ImageStore imageStore, OrphanCleanup cleanup, EarlyStoring earlyStoring,
            IngestSettings settings, DataSource dataSource, ObjectMapper mapper) {
        this.jobs = jobs;
        this.sources = sources;
        this.extractor = extractor;
        this.datasets = datasets;
        this.images = images;
        this.imageStore = imageStore;
        this.cleanup = cleanup;
        this.earlyStoring = earlyStoring;
        this.settings = settings;
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    void run(UUID jobId, JobCounters counters, RunControl control) {
        Job job = jobs.load(jobId);
        Path work = settings.workRoot().resolve(jobId.toString());
        ProblemLog problems = new ProblemLog(jobId, dataSource, settings.maxReportedProblems());
        StoredKeys stored = null;
        EarlyUpload early = EarlyUpload.none();
        try {
            ScratchDirectories.delete(work);
            Files.createDirectories(work);
            problems.clear();
            stored = new StoredKeys(work.resolve("stored-keys.txt"));
            if (job.sourceKind == SourceKind.ARCHIVE && job.sourceKey != null) {
                early = earlyStoring.claim(job.sourceKey);
                early.addKeysTo(stored); // a job that fails removes them like its own
            }
            Outcome outcome = ingest(job, work, counters, problems, stored, early, control);
            finish(job, outcome, counters, problems, stored, early, control);
        } catch (JobCancelledException e) {
            finish(job, Outcome.cancelled(), counters, problems, stored, early, control);
        } catch (Exception | Error e) {
            LOG.errorf(e, "Job %s failed unexpectedly", jobId);
            finish(job, Outcome.failed("internal error: " + e.getMessage()), counters, problems, stored, early,
                    control);
        } finally {
            closeQuietly(stored);
            early.discard();
            ScratchDirectories.delete(work);
        }
    }

    private static void closeQuietly(StoredKeys stored) {
        try {
            if (stored != null) {
                stored.close();
            }
        } catch (IOException e) {
            LOG.debugf("Closing the stored-keys file: %s", e.getMessage());
        }
    }

    private Outcome ingest(Job job, Path work, JobCounters counters, ProblemLog problems, StoredKeys stored,
            EarlyUpload early, BooleanSupplier stopRequested) throws Exception {
        if (job.cancelRequested) {
            throw new JobCancelledException();
        }
        jobs.state(job.id, JobState.READING);
        CatalogDataset dataset = datasets.find(job.datasetId).orElse(null);
        if (dataset == null || "released".equals(dataset.status()) || "withdrawn".equals(dataset.status())) {
            return Outcome.failed(dataset == null ? "the dataset no longer exists"
                    : "the dataset is " + dataset.status() + " and takes no more data");
        }
        markReceiving(dataset);
        PhaseTimer timer = new PhaseTimer(LOG, "Job " + job.id);
        UnpackedArchive tree;
        try {
            tree = materialise(job, new SourceRun(work, counters.bytesRead::set, stopRequested, early), timer);
        } catch (ArchiveRefusedException refused) {
            problems.add(new RowProblem(refused.entry(), null, null, null, refused.getMessage()));
            problems.flush();
            return Outcome.failed("the archive was refused: " + refused.getMessage());
        } catch (SourceFailedException failed) {
            return Outcome.failed(failed.getMessage());
        }
        try (tree) {
            return validateStoreRegister(job, work, tree, dataset, counters, problems, stored, early, stopRequested,
                    timer);
        }
    }

    private Outcome validateStoreRegister(Job job, Path work, UnpackedArchive tree, CatalogDataset dataset,
            JobCounters counters, ProblemLog problems, StoredKeys stored, EarlyUpload early,
            BooleanSupplier stopRequested, PhaseTimer timer) throws Exception {
        checkStop(stopRequested);
        jobs.state(job.id, JobState.VALIDATING);
        ExecutorService decoders = Executors.newFixedThreadPool(settings.effectiveDecodeThreads());
        // Never waits for a permit, unlike the decoders: the permits its tasks release cannot be held up behind them.
        ExecutorService storedImages = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable,
                "stored-images"));
        try (CatalogRegistration registration = new CatalogRegistration(work.resolve("registration"), mapper, images,
                job.datasetId, settings.registrationPartSize().asLongValue(), settings.registrationSenders())) {
            RowPipeline pipeline = new RowPipeline(tree, defaults(dataset), job.policy, problems,
                    counters, probe, imageStore, registration, stored, early, decoders,
                    settings.effectiveDecodeThreads(), storedImages, settings.storageConcurrency(), stopRequested);
            try {
                return checkStoreRegister(job, tree, counters, problems, stopRequested, timer, registration, pipeline);
            } finally {
                // Also when cancelled or failed: every PUT handed out is answered, its key recorded for the clean-up.
                pipeline.awaitHandedOut();
            }
        } finally {
            decoders.shutdownNow();
            storedImages.shutdownNow();
        }
    }

    private Outcome checkStoreRegister(Job job, UnpackedArchive tree, JobCounters counters, ProblemLog problems,
            BooleanSupplier stopRequested, PhaseTimer timer, CatalogRegistration registration, RowPipeline pipeline)
            throws Exception {
        int tables = new BundleReader((int) settings.maxLineSize().asLongValue()).read(tree, pipeline);
        if (tables == 0) {
            problems.add(RowProblem.ofFile(null, "Nothing relevant to import: no EcoTaxa table "
                    + "(ecotaxa*.tsv or ecotaxa*.txt), AqQua CSV table (a .csv with a 'file' column) or IFCB "
                    + "bin (.hdr, .adc, .roi) was found in the archive."));
        }
        timer.lap("tables read, rows checked");
        jobs.state(job.id, JobState.STORING);
        pipeline.finish();
        timer.lap("images decoded and stored");
        checkStop(stopRequested);
        if (problems.count() > 0 && (job.policy == JobPolicy.ALL_OR_NOTHING || problems.hasFileLevelProblem())) {
            return Outcome.failed(problems.count() + " problem(s) found; nothing was registered. Fix the "
                    + "rows named in the report and upload again, or upload with policy=accept-valid.");
        }
        if (registration.lines() == 0) {
            return Outcome.failed("no valid images to register");
        }
        jobs.state(job.id, JobState.REGISTERING);
        try {
            RegistrationResult result = registration.commit();
            timer.lap("registered in the catalog");
            return Outcome.succeeded(result);
        } catch (ProblemException refused) {
            return Outcome.failed("the catalog refused the registration: " + refused.problem().detail());
        }
    }

    /**
     * The job's data as a folder tree: fetched from its source, unpacked if it is an archive (a zip's images are
     * then read from it in place, so the archive stays until the job is done).
     */
    private UnpackedArchive materialise(Job job, SourceRun run, PhaseTimer timer) throws Exception {
        Fetched fetched = sources.reader(job).fetch(job, run);
        if (job.archiveBytes != fetched.bytes() || job.archiveSha256 == null) {
            jobs.recordFetched(job.id, fetched.bytes(), fetched.sha256());
        }
        timer.lap("source copied to scratch disk (" + job.sourceKind.wireName() + ")");
        if (!fetched.archive()) {
            return UnpackedArchive.onDisk(fetched.path().toRealPath());
        }
        UnpackedArchive tree = null;
        try {
            tree = extractor.extract(fetched.path(), run.work().resolve("tree"), bytes -> { });
            timer.lap("archive unpacked" + (tree.readsInPlace() ? " (images left in the zip)" : ""));
            return tree;
        } finally {
            if (tree == null || !tree.readsInPlace()) {
                Files.deleteIfExists(fetched.path());
            }
        }
    }

    private void finish(Job job, Outcome outcome, JobCounters counters, ProblemLog problems, StoredKeys stored,
            EarlyUpload early, RunControl control) {
        if (control.leaseLost()) {
            LOG.warnf("Job %s: lease lost, leaving the job to the worker that took it over", job.id);
            return;
        }
        boolean cleanedUp = outcome.state == JobState.SUCCEEDED;
        if (!cleanedUp && stored != null) {
            try {
                cleanup.removeUnreferenced(stored);
                cleanedUp = true;
            } catch (Exception e) {
                LOG.warnf(e, "Could not remove the objects of job %s; the orphan sweep will", job.id);
            }
        }
        if (outcome.state == JobState.SUCCEEDED && early.storedCount() > 0) {
            removeUnusedEarlyImages(job, early);
        }
        problems.flush();
        RegistrationResult result = Optional.ofNullable(outcome.result).orElse(new RegistrationResult(0, 0, 0));
        jobs.finish(job.id, outcome.state, counters, problems.count(), outcome.failure, result.registered(),
                result.duplicates(), cleanedUp);
        sources.releaseQuietly(job);
        LOG.infof("Job %s %s: %d rows checked, %d images stored (the upload's images stored on receipt: %d), "
                + "%d registered, %d problems",
                job.id, outcome.state.wireName(), counters.rowsChecked.get(), counters.imagesStored.get(),
                early.storedCount(), result.registered(), problems.count());
    }

    /** Images stored on receipt that no registered row uses (other entries of the zip) are not kept. */
    private void removeUnusedEarlyImages(Job job, EarlyUpload early) {
        Path work = settings.workRoot().resolve(job.id.toString());
        try (StoredKeys unused = new StoredKeys(work.resolve("unused-on-receipt.txt"))) {
            early.addUnusedKeysTo(unused);
            cleanup.removeUnreferenced(unused);
        } catch (Exception e) {
            LOG.warnf(e, "Could not remove the unused images stored on receipt for job %s; the orphan sweep will",
                    job.id);
        }
    }

    private void markReceiving(CatalogDataset dataset) {
        if ("draft".equals(dataset.status())) {
            datasets.changeStatus(dataset.id(), "receiving", "an archive is being ingested");
        }
    }

    private static DatasetDefaults defaults(CatalogDataset dataset) {
        Instrument instrument = dataset.instrument() == null ? null
                : Instrument.find(dataset.instrument()).orElse(Instrument.OTHER);
        return new DatasetDefaults(dataset.defaultPixelSizeUm(), instrument, dataset.instrumentName());
    }

    private static void checkStop(BooleanSupplier stopRequested) {
        if (stopRequested.getAsBoolean()) {
            throw new JobCancelledException();
        }
    }

    private record Outcome(JobState state, String failure, RegistrationResult result) {
        static Outcome failed(String why) {
            return new Outcome(JobState.FAILED, why, null);
        }

        static Outcome cancelled() {
            return new Outcome(JobState.CANCELLED, "cancelled on request; nothing was registered", null);
        }

        static Outcome succeeded(RegistrationResult result) {
            return new Outcome(JobState.SUCCEEDED, null, result);
        }
    }
}
