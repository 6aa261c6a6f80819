package org.aqqua.catalog.agreement;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.aqqua.runtime.security.Roles;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sharing agreements (filled AqQua Data Sharing Forms): providers sign and read their own; curators read all. */
@Path("/api/agreements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agreements")
@SecurityRequirement(name = "SecurityScheme")
public class AgreementResource {

    private final AgreementService agreements;
    private final SecurityIdentity caller;

    AgreementResource(AgreementService agreements, SecurityIdentity caller) {
        this.agreements = agreements;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PROVIDER)
    public Response sign(@NotNull @Valid AgreementRequest form, UriInfo uriInfo) {
        SharingAgreement agreement = agreements.sign(caller, form);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(agreement.id.toString()).build())
                .entity(AgreementView.of(agreement)).build();
    }

    @GET
    @RolesAllowed({Roles.PROVIDER, Roles.CURATOR})
    public List<AgreementView> list() {
        return agreements.visibleTo(caller).stream().map(AgreementView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PROVIDER, Roles.CURATOR})
    public AgreementView get(@PathParam("id") UUID id) {
        return AgreementView.of(agreements.readableBy(caller, id));
    }
}
