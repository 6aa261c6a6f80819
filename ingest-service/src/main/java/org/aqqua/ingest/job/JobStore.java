package org.aqqua.ingest.job;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.aqqua.runtime.text.PublishableText;

/**
 * Job rows as workers see them: claimed under a lease with {@code FOR UPDATE SKIP LOCKED}, so two instances never
 * run one job at once, and a job whose worker died is taken over once its lease runs out.
 */
@ApplicationScoped
public class JobStore {

    static final java.util.List<JobState> FINAL_STATES = java.util.List.of(JobState.SUCCEEDED, JobState.FAILED,
            JobState.CANCELLED);

    private final DataSource dataSource;

    JobStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A job this worker now holds, and how many times it has been started (this run included). */
    record Claim(UUID jobId, int attempt) {
    }

    Optional<Claim> claimNext(String worker, Duration lease) throws SQLException {
        String sql = """
                update job set lease_owner = ?, lease_until = now() + make_interval(secs => ?),
                       attempts = attempts + 1, started_at = coalesce(started_at, now())
                where id = (select id from job
                            where state not in ('succeeded', 'failed', 'cancelled')
                              and (lease_until is null or lease_until < now())
                            order by created_at limit 1 for update skip locked)
                returning id, attempts""";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement claim = connection.prepareStatement(sql)) {
            claim.setString(1, worker);
            claim.setDouble(2, lease.toMillis() / 1000.0);
            try (ResultSet row = claim.executeQuery()) {
                return row.next() ? Optional.of(new Claim(row.getObject(1, UUID.class), row.getInt(2)))
                        : Optional.empty();
            }
        }
    }

    /** What a heartbeat learnt about the job. */
    enum Beat { CONTINUE, CANCELLED, LEASE_LOST }

    /** Extends the lease and saves progress; answers whether the job was cancelled or the lease lost meanwhile. */
    Beat heartbeat(UUID jobId, String worker, Duration lease, JobCounters counters) throws SQLException {
        String sql = """
                update job set lease_until = now() + make_interval(secs => ?), bytes_read = ?, rows_checked = ?,
                       rows_valid = ?, rows_invalid = ?, images_stored = ?
                where id = ? and lease_owner = ?
                returning cancel_requested""";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement beat = connection.prepareStatement(sql)) {
            beat.setDouble(1, lease.toMillis() / 1000.0);
            beat.setLong(2, counters.bytesRead.get());
            beat.setLong(3, counters.rowsChecked.get());
            beat.setLong(4, counters.rowsValid.get());
            beat.setLong(5, counters.rowsInvalid.get());
            beat.setLong(6, counters.imagesStored.get());
            beat.setObject(7, jobId);
            beat.setString(8, worker);
            try (ResultSet row = beat.executeQuery()) {
                if (!row.next()) {
                    return Beat.LEASE_LOST;
                }
                return row.getBoolean(1) ? Beat.CANCELLED : Beat.CONTINUE;
            }
        }
    }

    Job load(UUID jobId) {
        return QuarkusTransaction.requiringNew().call(() -> Job.findById(jobId));
    }

    void state(UUID jobId, JobState state) {
        QuarkusTransaction.requiringNew().run(() -> {
            Job job = Job.findById(jobId);
            if (!job.state.isFinal()) {
                job.state = state;
            }
        });
    }

    /** What the run read from the job's source: its size and, for a single archive, its SHA-256. */
    void recordFetched(UUID jobId, long bytes, String sha256) {
        QuarkusTransaction.requiringNew().run(() -> {
            Job job = Job.findById(jobId);
            job.archiveBytes = bytes;
            job.archiveSha256 = sha256;
        });
    }

    /** Ends the job: final state, counters, outcome; the lease is released. */
    void finish(UUID jobId, JobState state, JobCounters counters, long problems, String failure,
            long registered, long alreadyHeld, boolean cleanedUp) {
        QuarkusTransaction.requiringNew().run(() -> {
            Job job = Job.findById(jobId);
            job.state = state;
            counters.copyTo(job);
            job.problemCount = problems;
            // A refused entry's name may hold a NUL, which PostgreSQL's text refuses: the job would never end.
            job.failure = PublishableText.replaceUnpublishable(failure);
            job.rowsRegistered = registered;
            job.rowsAlreadyHeld = alreadyHeld;
            job.cleanedUp = cleanedUp;
            job.finishedAt = Instant.now();
            job.leaseOwner = null;
            job.leaseUntil = null;
        });
    }

    /** When the oldest job still running started (or was queued), if any: objects younger may be in use. */
    Optional<Instant> oldestActiveSince() {
        return QuarkusTransaction.requiringNew().call(() -> Job.<Job>find(
                "state not in ?1 order by createdAt", FINAL_STATES).firstResultOptional()
                .map(job -> job.createdAt));
    }
}
