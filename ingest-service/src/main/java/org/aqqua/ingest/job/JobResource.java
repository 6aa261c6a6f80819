package org.aqqua.ingest.job;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.aqqua.runtime.security.Roles;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Ingest jobs: state and progress, the validation report (JSON or CSV), cancellation. */
@Path("/api/jobs")
@RolesAllowed({Roles.PROVIDER, Roles.CURATOR})
@Tag(name = "Jobs")
@SecurityRequirement(name = "SecurityScheme")
public class JobResource {

    private final JobService jobs;
    private final JobReport reports;
    private final SecurityIdentity caller;

    JobResource(JobService jobs, JobReport reports, SecurityIdentity caller) {
        this.jobs = jobs;
        this.reports = reports;
        this.caller = caller;
    }

    /** The caller's jobs, newest first (all jobs for curators), optionally of one dataset. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<JobView> list(@QueryParam("datasetId") UUID datasetId,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return jobs.list(caller, datasetId, limit);
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public JobView get(@PathParam("id") UUID id,
            @QueryParam("problemOffset") @DefaultValue("0") @Min(0) int problemOffset,
            @QueryParam("problemLimit") @DefaultValue("100") @Min(0) @Max(1000) int problemLimit) {
        return jobs.view(caller, id, problemOffset, problemLimit);
    }

    /** Every problem, as CSV (file, line, field, value, reason) for spreadsheets or JSON for programs. */
    @GET
    @Path("/{id}/report")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response report(@PathParam("id") UUID id, @QueryParam("format") String format,
            @jakarta.ws.rs.HeaderParam("Accept") String accept) {
        Job job = jobs.visible(caller, id);
        boolean csv = "csv".equals(format) || format == null && accept != null && accept.contains("text/csv")
                && !accept.contains(MediaType.APPLICATION_JSON);
        if (format != null && !format.equals("csv") && !format.equals("json")) {
            throw org.aqqua.runtime.problem.ProblemException.badRequest("Unknown report format '" + format + "'.",
                    List.of(org.aqqua.runtime.problem.FieldError.of("format", format, "must be csv or json")));
        }
        return csv ? reports.csv(job) : reports.json(job);
    }

    @DELETE
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response cancel(@PathParam("id") UUID id) {
        Job job = jobs.cancel(caller, id);
        return Response.accepted(JobView.of(job, new JobView.Problems(job.problemCount, 0, 0, List.of()))).build();
    }
}
