package org.aqqua.ingest.ecotaxa;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.aqqua.ingest.access.DatasetAccess;
import org.aqqua.ingest.job.Job;
import org.aqqua.ingest.job.JobPolicy;
import org.aqqua.ingest.job.JobService;
import org.aqqua.ingest.job.JobSource;
import org.aqqua.runtime.problem.ProblemException;

/**
 * Starts the pull of an EcoTaxa project into a dataset. EcoTaxa is contacted only when the job runs, so that a
 * slow or absent EcoTaxa never holds up the request; what goes wrong there becomes the job's failure.
 */
@ApplicationScoped
public class EcotaxaPulls {

    private final DatasetAccess access;
    private final JobService jobs;
    private final EcotaxaSettings settings;

    EcotaxaPulls(DatasetAccess access, JobService jobs, EcotaxaSettings settings) {
        this.access = access;
        this.jobs = jobs;
        this.settings = settings;
    }

    public Job submit(SecurityIdentity caller, UUID datasetId, PullRequest request) {
        access.writableBy(caller, datasetId);
        if (!settings.configured()) {
            throw ProblemException.of(Response.Status.SERVICE_UNAVAILABLE, "ecotaxa-not-configured",
                    "EcoTaxa pulls are not set up on this service (aqqua.ecotaxa.username, aqqua.ecotaxa.password).");
        }
        return jobs.queue(caller, datasetId, JobPolicy.orDefault(request.policy()),
                JobSource.ecotaxa(request.projectId()));
    }
}
