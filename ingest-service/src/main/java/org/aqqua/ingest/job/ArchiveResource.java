package org.aqqua.ingest.job;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.aqqua.runtime.security.Roles;
import org.aqqua.runtime.text.Publishable;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Direct archive upload: the archive is the request body, streamed into storage as it arrives (several GB are
 * fine), and answered 202 with the job that will ingest it. The format is told from the content.
 */
@Path("/api/datasets/{datasetId}/archives")
@RolesAllowed({Roles.PROVIDER, Roles.CURATOR})
@Tag(name = "Jobs")
@SecurityRequirement(name = "SecurityScheme")
public class ArchiveResource {

    private final JobService jobs;
    private final SecurityIdentity caller;

    ArchiveResource(JobService jobs, SecurityIdentity caller) {
        this.jobs = jobs;
        this.caller = caller;
    }

    @POST
    @Blocking
    @Consumes({"application/zip", "application/x-tar", "application/gzip", "application/x-gzip",
            "application/x-zip-compressed", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload an archive (EcoTaxa bundle, AqQua CSV bundle or IFCB bins) into a dataset",
            description = "policy=all-or-nothing (default) registers nothing unless every row is valid; "
                    + "policy=accept-valid registers the valid rows and reports the rest. name= is the file name "
                    + "shown in the job.")
    public Response upload(@PathParam("datasetId") UUID datasetId,
            @QueryParam("policy") @DefaultValue("all-or-nothing") String policy,
            @QueryParam("name") @Publishable String name,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
            InputStream body, UriInfo uriInfo) {
        Job job = jobs.submit(caller, datasetId, JobPolicy.parameter(policy), name, contentType,
                contentLength == null ? -1 : contentLength, body);
        return JobView.accepted(job, uriInfo);
    }
}
