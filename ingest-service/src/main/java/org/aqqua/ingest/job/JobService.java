package org.aqqua.ingest.job;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.aqqua.ingest.access.DatasetAccess;
import org.aqqua.ingest.archive.ArchiveStaging;
import org.aqqua.ingest.archive.ArchiveStaging.StagedArchive;
import org.aqqua.ingest.config.IngestSettings;
import org.aqqua.ingest.early.EarlyStoring;
import org.aqqua.ingest.early.ReceivingUpload;
import org.aqqua.runtime.problem.ProblemException;
import org.aqqua.runtime.security.Roles;
import org.jboss.logging.Logger;

/** Starting, reading and cancelling jobs on behalf of a caller. A job is seen by its submitter and by curators. */
@ApplicationScoped
public class JobService {

    private static final Logger LOG = Logger.getLogger(JobService.class);

    private final DatasetAccess access;
    private final ArchiveStaging staging;
    private final JobProblems problems;
    private final JobWorker worker;
    private final JobSources sources;
    private final EarlyStoring earlyStoring;
    private final DirectUploadLimit limit;

    JobService(DatasetAccess access, ArchiveStaging staging, JobProblems problems, JobWorker worker,
            JobSources sources, EarlyStoring earlyStoring, IngestSettings settings) {
        this.access = access;
        this.staging = staging;
        this.problems = problems;
        this.worker = worker;
        this.sources = sources;
        this.earlyStoring = earlyStoring;
        this.limit = new DirectUploadLimit(settings.maxArchiveSize().asLongValue());
    }

    /**
     * Stores the archive in aqqua-uploads, then queues its job: once this returns, the upload survives any crash.
     * {@code contentLength} is the length the client declared, or negative for a body of unknown length.
     */
    public Job submit(SecurityIdentity caller, UUID datasetId, JobPolicy policy, String sourceName,
            String contentType, long contentLength, InputStream body) {
        access.writableBy(caller, datasetId);
        limit.checkDeclared(contentLength);
        UUID id = UUID.randomUUID();
        String key = "archives/" + datasetId + "/" + id;
        ReceivingUpload receiving = earlyStoring.receive(key, body);
        boolean accepted = false;
        try {
            StagedArchive staged;
            try {
                staged = staging.store(key, limit.bound(receiving.body()), contentType, contentLength);
            } catch (Exception e) {
                if (DirectUploadLimit.passedBy(e)) {
                    throw limit.tooLargeBody();
                }
                LOG.warnf(e, "Could not stage an archive for dataset %s", datasetId);
                throw ProblemException.of(jakarta.ws.rs.core.Response.Status.SERVICE_UNAVAILABLE,
                        "storage-unavailable", "The archive could not be stored; nothing was accepted. Try again later.");
            }
            if (staged.bytes() == 0) {
                deleteQuietly(key);
                throw ProblemException.badRequest("The request body is empty: send the archive as the body.",
                        List.of());
            }
            // Kept for the job before it is queued: the job may start at once and claims it by the key.
            receiving.received();
            Job job = queue(id, caller, datasetId, policy, JobSource.stagedArchive(sourceName, key, staged.bytes(),
                    staged.sha256()));
            accepted = true;
            return job;
        } finally {
            if (!accepted) {
                receiving.abandon();
            }
        }
    }

    /**
     * Queues a job whose source is read only when it runs (a landing prefix, an EcoTaxa project) and starts it.
     * The caller has checked access to the dataset and that the source exists.
     */
    public Job queue(SecurityIdentity caller, UUID datasetId, JobPolicy policy, JobSource source) {
        return queue(UUID.randomUUID(), caller, datasetId, policy, source);
    }

    private Job queue(UUID id, SecurityIdentity caller, UUID datasetId, JobPolicy policy, JobSource source) {
        Job job = QuarkusTransaction.requiringNew().call(() -> persist(id, caller, datasetId, policy, source));
        startQueued();
        return job;
    }

    /**
     * Queues the job of an archive already in aqqua-uploads (an assembled resumable upload), inside the caller's
     * transaction so that the upload's completion and its job commit together; its SHA-256 is taken when the job
     * first reads the archive. Call {@link #startQueued()} after the commit.
     */
    public Job queueStaged(SecurityIdentity caller, UUID datasetId, JobPolicy policy, String sourceName,
            String key, long bytes) {
        return persist(UUID.randomUUID(), caller, datasetId, policy,
                JobSource.stagedArchive(sourceName, key, bytes, null));
    }

    /** Lets a worker of this instance take a job just committed instead of waiting for its next poll. */
    public void startQueued() {
        worker.wakeUp();
    }

    private Job persist(UUID id, SecurityIdentity caller, UUID datasetId, JobPolicy policy, JobSource source) {
        Job job = new Job();
        job.id = id;
        job.datasetId = datasetId;
        job.submitterSubject = Roles.subject(caller);
        job.policy = policy;
        job.state = JobState.QUEUED;
        job.sourceKind = source.kind();
        job.sourceName = source.name();
        job.sourceBucket = source.bucket();
        job.sourceKey = source.key();
        job.ecotaxaProjectId = source.ecotaxaProjectId();
        job.archiveBytes = source.bytes();
        job.archiveSha256 = source.sha256();
        job.createdAt = Instant.now();
        job.persist();
        return job;
    }

    public JobView view(SecurityIdentity caller, UUID id, int problemOffset, int problemLimit) {
        Job job = visible(caller, id);
        return JobView.of(job, new JobView.Problems(job.problemCount, problemOffset, problemLimit,
                problems.page(id, problemOffset, problemLimit)));
    }

    public List<JobView> list(SecurityIdentity caller, UUID datasetId, int limit) {
        boolean curator = caller.hasRole(Roles.CURATOR);
        StringBuilder query = new StringBuilder(curator ? "1 = 1" : "submitterSubject = :subject");
        io.quarkus.panache.common.Parameters parameters = new io.quarkus.panache.common.Parameters();
        if (!curator) {
            parameters.and("subject", Roles.subject(caller));
        }
        if (datasetId != null) {
            query.append(" and datasetId = :dataset");
            parameters.and("dataset", datasetId);
        }
        List<Job> jobs = QuarkusTransaction.requiringNew().call(() -> Job.<Job>find(query + " order by createdAt desc",
                parameters).page(0, limit).list());
        return jobs.stream().map(job -> JobView.of(job, new JobView.Problems(job.problemCount, 0, 0, List.of())))
                .toList();
    }

    /** Cancels a job that is not final yet; a final job is left as it is (409). */
    public Job cancel(SecurityIdentity caller, UUID id) {
        visible(caller, id);
        Job job = QuarkusTransaction.requiringNew().call(() -> {
            Job current = Job.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (current.state.isFinal()) {
                throw ProblemException.conflict("Job " + id + " is already " + current.state.wireName() + ".");
            }
            current.cancelRequested = true;
            if (current.state == JobState.QUEUED && current.leaseOwner == null) {
                current.state = JobState.CANCELLED;
                current.failure = "cancelled on request before it started; nothing was registered";
                current.finishedAt = Instant.now();
            }
            return current;
        });
        if (job.state == JobState.CANCELLED) {
            sources.releaseQuietly(job);
        } else {
            worker.cancelLocally(id);
        }
        return job;
    }

    Job visible(SecurityIdentity caller, UUID id) {
        Job job = QuarkusTransaction.requiringNew().call(() -> Job.<Job>findById(id));
        if (job == null || !(caller.hasRole(Roles.CURATOR) || job.submitterSubject.equals(Roles.subject(caller)))) {
            throw ProblemException.notFound("No job " + id + ".");
        }
        return job;
    }

    private void deleteQuietly(String key) {
        try {
            staging.delete(key);
        } catch (Exception e) {
            LOG.warnf("Could not delete staged archive %s: %s", key, e.getMessage());
        }
    }
}
