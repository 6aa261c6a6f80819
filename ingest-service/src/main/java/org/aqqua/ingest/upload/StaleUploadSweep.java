package org.aqqua.ingest.upload;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Aborts resumable uploads nobody has fed for {@code aqqua.upload.stale-after}: S3 keeps the parts of an
 * unfinished multipart upload (and bills them) until it is aborted. Each upload is aborted in its own
 * transaction holding its row, so two replicas sweeping at once abort it once and a part reported meanwhile
 * keeps it open.
 */
@ApplicationScoped
public class StaleUploadSweep {

    private static final Logger LOG = Logger.getLogger(StaleUploadSweep.class);

    private final UploadStorage storage;
    private final UploadPolicy policy;
    private final Clock clock;

    StaleUploadSweep(UploadStorage storage, UploadPolicy policy, Clock clock) {
        this.storage = storage;
        this.policy = policy;
        this.clock = clock;
    }

    @Scheduled(every = "${aqqua.upload.stale-sweep-every:1h}", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            sweep(clock.instant().minus(policy.staleAfter()));
        } catch (RuntimeException e) {
            LOG.warnf(e, "Stale-upload sweep failed; the next one retries");
        }
    }

    /** Aborts every open upload last touched before {@code idleSince}; returns how many. */
    public int sweep(Instant idleSince) {
        List<Upload> stale = QuarkusTransaction.requiringNew().call(() -> Upload.<Upload>list(
                "state = ?1 and updatedAt < ?2", Upload.State.open, idleSince));
        int aborted = 0;
        for (Upload candidate : stale) {
            if (QuarkusTransaction.requiringNew().call(() -> abortIfStill(candidate, idleSince))) {
                aborted++;
            }
        }
        if (aborted > 0) {
            LOG.infof("Stale-upload sweep: %d open uploads idle since before %s aborted", aborted, idleSince);
        }
        return aborted;
    }

    private boolean abortIfStill(Upload candidate, Instant idleSince) {
        Upload upload = Upload.findById(candidate.id, LockModeType.PESSIMISTIC_WRITE);
        if (upload.state != Upload.State.open || !upload.updatedAt.isBefore(idleSince)) {
            return false;
        }
        storage.abort(upload.bucket, upload.objectKey, upload.s3UploadId);
        upload.state = Upload.State.aborted;
        upload.updatedAt = clock.instant();
        return true;
    }
}
