package org.aqqua.ingest.landing;

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

/**
 * Imports from a landing bucket, where large datasets arrive by Globus, FTP or rclone. Curators only: they set up
 * the transfers and know which prefix holds which dataset.
 */
@Path("/api/datasets/{datasetId}/imports")
@RolesAllowed(Roles.CURATOR)
@Tag(name = "Jobs")
@SecurityRequirement(name = "SecurityScheme")
public class ImportResource {

    private final LandingImports imports;
    private final SecurityIdentity caller;

    ImportResource(LandingImports imports, SecurityIdentity caller) {
        this.imports = imports;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import what arrived under a prefix of a landing bucket into a dataset",
            description = "The prefix holds archives (zip, tar, tar.gz) or a folder tree (EcoTaxa tables and "
                    + "images, AqQua CSV, IFCB bins); it is read in place, never changed, with the same rules, "
                    + "report and registration as an archive upload. 202 with the job.")
    public Response start(@PathParam("datasetId") UUID datasetId, @NotNull @Valid ImportRequest request,
            UriInfo uriInfo) {
        return JobView.accepted(imports.submit(caller, datasetId, request), uriInfo);
    }
}
