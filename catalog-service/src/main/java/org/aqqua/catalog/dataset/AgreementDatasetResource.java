package org.aqqua.catalog.dataset;

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
import org.aqqua.runtime.security.Roles;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Datasets are added under the agreement that covers them: one row of the sharing form each. */
@Path("/api/agreements/{agreementId}/datasets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Datasets")
@SecurityRequirement(name = "SecurityScheme")
public class AgreementDatasetResource {

    private final DatasetService datasets;
    private final SecurityIdentity caller;

    AgreementDatasetResource(DatasetService datasets, SecurityIdentity caller) {
        this.datasets = datasets;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PROVIDER)
    public Response create(@PathParam("agreementId") UUID agreementId, @NotNull @Valid DatasetRequest request,
            UriInfo uriInfo) {
        Dataset dataset = datasets.create(caller, agreementId, request);
        return Response.created(uriInfo.getBaseUriBuilder().path("api/datasets/{id}").build(dataset.id))
                .entity(DatasetView.of(dataset)).build();
    }
}
