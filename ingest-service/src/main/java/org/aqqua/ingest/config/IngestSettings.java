package org.aqqua.ingest.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How ingest runs its jobs: where they unpack, how parallel they are, how long a worker's claim lasts, and
 * whether uploads are put to work while they arrive.
 */
@ConfigMapping(prefix = "aqqua.ingest")
public interface IngestSettings {

    /** Local scratch space; a job needs about twice its archive's size while it runs. Default: java.io.tmpdir. */
    Optional<Path> workDir();

    /** Threads decoding and hashing images per job; 0 means one per CPU. */
    @WithDefault("0")
    int decodeThreads();

    /**
     * Whether a direct upload's images are stored while it is still arriving (see EarlyStoring), on the CPU the
     * upload leaves idle; it needs local disk for a copy of the upload, which the job then reads instead of the
     * staged archive.
     */
    @WithDefault("true")
    boolean storeOnReceipt();

    /**
     * Images of one upload stored on receipt at most; the job stores the rest. Each is kept on the heap (entry name,
     * CRC, size, SHA-256, dimensions: about 400 bytes) until its job is done, so this bounds what an upload of any
     * size costs there: 100,000 about 40 MB.
     */
    @WithDefault("100000")
    int storeOnReceiptMaxImages();

    /** Image PUTs in flight per job. */
    @WithDefault("64")
    int storageConcurrency();

    /** A table line (EcoTaxa) or record (CSV) longer than this is refused. */
    @WithDefault("1M")
    MemorySize maxLineSize();

    /**
     * A job's registration goes to the catalog in parts of about this size, each sent as soon as it is full while
     * the job goes on, and registered together at the end. Below the catalog's quarkus.http.limits.max-body-size.
     * What is left unsent when the rows are done (up to a part) is staged after them, on the job's critical path:
     * 4M (about 5,000 lines) starts staging sooner and leaves less for the end than 16M did.
     */
    @WithDefault("4M")
    MemorySize registrationPartSize();

    /**
     * Parts of a job's registration sent to the catalog at once. The catalog stages each part on a connection of
     * its own: in bench/ingest (50,000 images) the last part was staged 0.2-0.3 s after the rows with two senders,
     * 0.5-1.6 s after them with one.
     */
    @WithDefault("2")
    int registrationSenders();

    /** Problems kept per job for the report; beyond this they are only counted. */
    @WithDefault("100000")
    int maxReportedProblems();

    /** Largest archive taken by a direct upload. */
    @WithDefault("5T")
    MemorySize maxArchiveSize();

    /** How long a worker's claim on a job lasts without a heartbeat; then another worker takes the job over. */
    @WithDefault("PT60S")
    Duration lease();

    /** How often idle workers look for queued jobs. */
    @WithDefault("2s")
    String pollInterval();

    /** Jobs one instance runs at once. */
    @WithDefault("1")
    int concurrentJobs();

    /** Runs of one job (each interrupted by a crash) before it is marked failed instead of taken over again. */
    @WithDefault("3")
    int maxAttempts();

    OrphanSweepSettings orphanSweep();

    /** Garbage collection of unreferenced image objects (see job.OrphanSweep). */
    interface OrphanSweepSettings {
        /** How often; "off" disables it. */
        @WithDefault("24h")
        String every();

        /** Only objects older than this are considered. */
        @WithDefault("P1D")
        Duration grace();
    }

    default Path workRoot() {
        return workDir().orElse(Path.of(System.getProperty("java.io.tmpdir"), "aqqua-ingest"));
    }

    default int effectiveDecodeThreads() {
        return decodeThreads() > 0 ? decodeThreads() : Runtime.getRuntime().availableProcessors();
    }
}
