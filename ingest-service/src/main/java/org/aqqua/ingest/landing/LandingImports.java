package org.aqqua.ingest.landing;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.aqqua.ingest.access.DatasetAccess;
import org.aqqua.ingest.job.Job;
import org.aqqua.ingest.job.JobPolicy;
import org.aqqua.ingest.job.JobService;
import org.aqqua.ingest.job.JobSource;
import org.aqqua.runtime.problem.FieldError;
import org.aqqua.runtime.problem.ProblemException;
import org.aqqua.storage.S3Config;
import org.jboss.logging.Logger;

/**
 * Starts the import of a landing prefix into a dataset: checks that the bucket exists and the prefix holds data
 * (each a 422 naming the field), then queues a job that reads the prefix in place when it runs.
 */
@ApplicationScoped
public class LandingImports {

    private static final Logger LOG = Logger.getLogger(LandingImports.class);

    private final DatasetAccess access;
    private final LandingBucket landing;
    private final JobService jobs;
    private final List<String> ownBuckets;

    LandingImports(DatasetAccess access, LandingBucket landing, JobService jobs, S3Config s3) {
        this.access = access;
        this.landing = landing;
        this.jobs = jobs;
        this.ownBuckets = s3.buckets();
    }

    public Job submit(SecurityIdentity caller, UUID datasetId, ImportRequest request) {
        access.writableBy(caller, datasetId);
        String bucket = request.bucket().strip();
        String prefix = LandingPaths.folder(request.prefix()).orElseThrow(() -> invalid("prefix", request.prefix(),
                "must name a folder of the bucket, e.g. globus/2025-05-cruise/"));
        // Our own buckets are written by AqQua: importing from them would take in data nobody delivered.
        if (ownBuckets.contains(bucket)) {
            throw invalid("bucket", bucket, "is one of AqQua's own buckets, not a landing bucket");
        }
        if (!storage(bucket, "look up the bucket", () -> landing.exists(bucket))) {
            throw invalid("bucket", bucket, "no such bucket on AqQua's S3 storage");
        }
        if (!storage(bucket, "list the prefix", () -> landing.holdsAnything(bucket, prefix))) {
            throw invalid("prefix", request.prefix(), "nothing under s3://" + bucket + "/" + prefix
                    + ": the data has not arrived, or the prefix is misspelt");
        }
        return jobs.queue(caller, datasetId, JobPolicy.orDefault(request.policy()), JobSource.landing(bucket, prefix));
    }

    private static ProblemException invalid(String field, String value, String reason) {
        return ProblemException.unprocessable("The landing " + field + " '" + value + "' cannot be imported: "
                + reason + ".", List.of(FieldError.of(field, value, reason)));
    }

    private interface StorageCall {
        boolean call() throws Exception;
    }

    private static boolean storage(String bucket, String what, StorageCall call) {
        try {
            return call.call();
        } catch (IllegalArgumentException e) {
            // The MinIO SDK checks bucket names before asking the server.
            throw invalid("bucket", bucket, "not a valid S3 bucket name");
        } catch (Exception e) {
            LOG.warnf(e, "Could not %s of landing bucket %s", what, bucket);
            throw ProblemException.of(Response.Status.SERVICE_UNAVAILABLE, "storage-unavailable",
                    "The storage could not " + what + "; try again later.");
        }
    }
}
