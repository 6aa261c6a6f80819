package org.aqqua.ingest.ecotaxa;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.aqqua.ingest.job.JobView;
import org.aqqua.runtime.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Pulls from EcoTaxa: much AqQua data sits there, shared with the "AqQua" EcoTaxa user. */
@Path("/api/datasets/{datasetId}/ecotaxa-pulls")
@RolesAllowed({Roles.PROVIDER, Roles.CURATOR})
@Tag(name = "Jobs")
@SecurityRequirement(name = "SecurityScheme")
public class EcotaxaPullResource {

    private final EcotaxaPulls pulls;
    private final SecurityIdentity caller;

    EcotaxaPullResource(EcotaxaPulls pulls, SecurityIdentity caller) {
        this.pulls = pulls;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pull an EcoTaxa project (shared with the AqQua EcoTaxa user) into a dataset",
            description = "The job exports the project from EcoTaxa (backup export, with images), downloads it and "
                    + "ingests it as an uploaded archive. 202 with the job; EcoTaxa's refusals, export errors and "
                    + "time-outs become the job's failure.")
    public Response start(@PathParam("datasetId") UUID datasetId, @NotNull @Valid PullRequest request,
            UriInfo uriInfo) {
        return JobView.accepted(pulls.submit(caller, datasetId, request), uriInfo);
    }
}
