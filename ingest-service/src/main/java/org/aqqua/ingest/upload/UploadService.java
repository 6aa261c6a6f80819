package org.aqqua.ingest.upload;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.aqqua.catalog.client.CatalogDataset;
import org.aqqua.ingest.access.DatasetAccess;
import org.aqqua.ingest.job.Job;
import org.aqqua.ingest.job.JobPolicy;
import org.aqqua.ingest.job.JobService;
import org.aqqua.runtime.problem.FieldError;
import org.aqqua.runtime.problem.ProblemException;
import org.aqqua.runtime.security.Roles;

/** Opens, inspects, completes and aborts resumable uploads of archives into a dataset. */
@ApplicationScoped
public class UploadService {

    static final String BUCKET = "aqqua-uploads";

    private final DatasetAccess access;
    private final UploadStorage storage;
    private final UploadPolicy policy;
    private final Clock clock;
    private final JobService jobs;

    UploadService(DatasetAccess access, UploadStorage storage, UploadPolicy policy, Clock clock, JobService jobs) {
        this.access = access;
        this.storage = storage;
        this.policy = policy;
        this.clock = clock;
        this.jobs = jobs;
    }

    @Transactional
    public UploadView open(SecurityIdentity caller, UUID datasetId, UploadRequest request) {
        if (request.size() > policy.maxArchiveSize().asLongValue()) {
            throw ProblemException.unprocessable("The archive is larger than AqQua takes in one upload.",
                    List.of(FieldError.of("size", request.size(), "must be at most "
                            + policy.maxArchiveSize().asLongValue() + " bytes; split the dataset into several archives")));
        }
        CatalogDataset dataset = access.writableBy(caller, datasetId);
        Upload upload = new Upload();
        upload.id = UUID.randomUUID();
        upload.datasetId = dataset.id();
        upload.ownerSubject = Roles.subject(caller);
        upload.fileName = request.fileName();
        upload.sizeBytes = request.size();
        upload.partSize = policy.partSizeFor(request.size());
        upload.partCount = UploadPolicy.partCount(request.size(), upload.partSize);
        upload.bucket = BUCKET;
        upload.objectKey = "datasets/" + dataset.id() + "/uploads/" + upload.id + "/" + request.fileName();
        upload.s3UploadId = storage.start(upload.bucket, upload.objectKey);
        upload.state = Upload.State.open;
        upload.createdAt = clock.instant();
        upload.updatedAt = upload.createdAt;
        upload.persist();
        return UploadView.of(upload, List.of(), partUrls(upload, 1));
    }

    public List<UploadView> ownedBy(SecurityIdentity caller, int limit) {
        return Upload.<Upload>find("ownerSubject = ?1 order by createdAt desc", Roles.subject(caller)).page(0, limit)
                .list().stream().map(upload -> UploadView.of(upload, null, null)).toList();
    }

    /** The upload with the parts S3 holds and URLs for the next parts, starting at {@code fromPart}. */
    public UploadView get(SecurityIdentity caller, UUID uploadId, int fromPart) {
        Upload upload = visibleTo(caller, uploadId);
        if (upload.state != Upload.State.open) {
            return UploadView.of(upload, List.of(), List.of());
        }
        return UploadView.of(upload, UploadPart.of(upload.id).stream().map(UploadView.ReceivedPart::of).toList(),
                partUrls(upload, fromPart));
    }

    /** Records that a part arrived in S3; reporting a part again (after a retry) replaces its ETag. */
    @Transactional
    public void recordPart(SecurityIdentity caller, UUID uploadId, int partNumber, PartReport report) {
        Upload upload = visibleTo(caller, uploadId);
        if (upload.state != Upload.State.open) {
            throw ProblemException.conflict("Upload " + uploadId + " is " + upload.state + " and takes no parts.");
        }
        if (partNumber < 1 || partNumber > upload.partCount) {
            throw ProblemException.badRequest("Part numbers of this upload run from 1 to " + upload.partCount + ".",
                    List.of(FieldError.of("partNumber", partNumber, "must be between 1 and " + upload.partCount)));
        }
        UploadPart.Key key = new UploadPart.Key(uploadId, partNumber);
        UploadPart part = UploadPart.<UploadPart>findByIdOptional(key).orElseGet(() -> {
            UploadPart created = new UploadPart();
            created.key = key;
            return created;
        });
        part.etag = report.normalisedEtag();
        part.recordedAt = clock.instant();
        part.persist();
        upload.updatedAt = part.recordedAt;
    }

    /**
     * Assembles a fully received upload into its archive and queues the job that ingests it, as a direct archive
     * upload would. The upload's completion and its job commit together; a part not yet recorded is a 409 naming
     * it, and completing again after a lost answer gives the same job.
     */
    public Job complete(SecurityIdentity caller, UUID uploadId, JobPolicy jobPolicy) {
        Job job = QuarkusTransaction.requiringNew().call(() -> {
            Upload upload = Upload.findById(visibleTo(caller, uploadId).id, LockModeType.PESSIMISTIC_WRITE);
            if (upload.state == Upload.State.completed && upload.jobId != null) {
                return Job.<Job>findById(upload.jobId);
            }
            if (upload.state != Upload.State.open) {
                throw ProblemException.conflict("Upload " + uploadId + " is " + upload.state
                        + " and cannot be completed.");
            }
            List<UploadPart> parts = UploadPart.of(uploadId);
            List<Integer> missing = IntStream.rangeClosed(1, upload.partCount).boxed()
                    .filter(n -> parts.stream().noneMatch(part -> part.key.partNumber() == n)).toList();
            if (!missing.isEmpty()) {
                throw ProblemException.conflict("Upload " + uploadId + " misses part(s) " + missing
                        + "; PUT them and report their ETags, then complete again.");
            }
            access.writableBy(caller, upload.datasetId);
            storage.complete(upload.bucket, upload.objectKey, upload.s3UploadId, parts, upload.sizeBytes);
            Job queued = jobs.queueStaged(caller, upload.datasetId, jobPolicy, upload.fileName, upload.objectKey,
                    upload.sizeBytes);
            upload.state = Upload.State.completed;
            upload.jobId = queued.id;
            upload.updatedAt = clock.instant();
            return queued;
        });
        jobs.startQueued();
        return job;
    }

    @Transactional
    public void abort(SecurityIdentity caller, UUID uploadId) {
        Upload upload = visibleTo(caller, uploadId);
        if (upload.state == Upload.State.completed) {
            throw ProblemException.conflict("Upload " + uploadId + " is completed and cannot be aborted.");
        }
        if (upload.state == Upload.State.open) {
            storage.abort(upload.bucket, upload.objectKey, upload.s3UploadId);
            upload.state = Upload.State.aborted;
            upload.updatedAt = clock.instant();
        }
    }

    private Upload visibleTo(SecurityIdentity caller, UUID uploadId) {
        Upload upload = Upload.findById(uploadId);
        if (upload == null || !(caller.hasRole(Roles.CURATOR) || upload.ownerSubject.equals(Roles.subject(caller)))) {
            throw ProblemException.notFound("No upload " + uploadId + ".");
        }
        return upload;
    }

    private List<UploadView.PartUrl> partUrls(Upload upload, int fromPart) {
        if (fromPart < 1 || fromPart > upload.partCount) {
            throw ProblemException.badRequest("Part numbers of this upload run from 1 to " + upload.partCount + ".",
                    List.of(FieldError.of("fromPart", fromPart, "must be between 1 and " + upload.partCount)));
        }
        Instant expiresAt = clock.instant().plus(policy.partUrlValidity());
        int last = Math.min(upload.partCount, fromPart + policy.partUrlBatch() - 1);
        return IntStream.rangeClosed(fromPart, last)
                .mapToObj(n -> new UploadView.PartUrl(n, storage.partUrl(upload.bucket, upload.objectKey,
                        upload.s3UploadId, n, policy.partUrlValidity()), expiresAt))
                .toList();
    }
}
