package org.aqqua.ingest.upload;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.aqqua.ingest.job.Job;
import org.aqqua.ingest.job.JobPolicy;
import org.aqqua.ingest.job.JobView;
import org.aqqua.runtime.security.Roles;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Resumable uploads: the client announces the archive, PUTs its parts straight to S3 with presigned URLs and
 * reports each part's ETag; after a broken connection it asks which parts were recorded and resumes from there.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PROVIDER, Roles.CURATOR})
@Tag(name = "Uploads")
@SecurityRequirement(name = "SecurityScheme")
public class UploadResource {

    private final UploadService uploads;
    private final SecurityIdentity caller;

    UploadResource(UploadService uploads, SecurityIdentity caller) {
        this.uploads = uploads;
        this.caller = caller;
    }

    @POST
    @Path("/datasets/{datasetId}/uploads")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response open(@PathParam("datasetId") UUID datasetId, @NotNull @Valid UploadRequest request,
            UriInfo uriInfo) {
        UploadView upload = uploads.open(caller, datasetId, request);
        return Response.created(uriInfo.getBaseUriBuilder().path("api/uploads/{id}").build(upload.id()))
                .entity(upload).build();
    }

    /** The caller's own uploads, newest first (a curator's own, too). */
    @GET
    @Path("/uploads")
    public List<UploadView> mine(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return uploads.ownedBy(caller, limit);
    }

    @GET
    @Path("/uploads/{id}")
    public UploadView get(@PathParam("id") UUID id, @QueryParam("fromPart") @DefaultValue("1") int fromPart) {
        return uploads.get(caller, id, fromPart);
    }

    /** Tells the service that part {@code n} arrived in S3, with the ETag S3 answered. */
    @PUT
    @Path("/uploads/{id}/parts/{n}")
    @Consumes(MediaType.APPLICATION_JSON)
    public void recordPart(@PathParam("id") UUID id, @PathParam("n") int partNumber,
            @NotNull @Valid PartReport report) {
        uploads.recordPart(caller, id, partNumber, report);
    }

    /** Assembles the received parts into the archive and starts its job (202, like a direct archive upload). */
    @POST
    @Path("/uploads/{id}/complete")
    public Response complete(@PathParam("id") UUID id,
            @QueryParam("policy") @DefaultValue("all-or-nothing") String policy, UriInfo uriInfo) {
        Job job = uploads.complete(caller, id, JobPolicy.parameter(policy));
        return JobView.accepted(job, uriInfo);
    }

    @DELETE
    @Path("/uploads/{id}")
    public void abort(@PathParam("id") UUID id) {
        uploads.abort(caller, id);
    }
}
