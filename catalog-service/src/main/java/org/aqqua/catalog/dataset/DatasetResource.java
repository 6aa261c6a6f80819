package org.aqqua.catalog.dataset;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.aqqua.runtime.security.Roles;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/datasets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Datasets")
@SecurityRequirement(name = "SecurityScheme")
public class DatasetResource {

    private final DatasetService datasets;
    private final SecurityIdentity caller;

    DatasetResource(DatasetService datasets, SecurityIdentity caller) {
        this.datasets = datasets;
        this.caller = caller;
    }

    /** Datasets the caller may see: all of them for members and curators, their own for providers. */
    @GET
    @RolesAllowed({Roles.PROVIDER, Roles.MEMBER, Roles.CURATOR})
    public List<DatasetView> list(@QueryParam("status") String status,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return datasets.visibleTo(caller, DatasetStatus.parameter(status), limit).stream().map(DatasetView::of)
                .toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PROVIDER, Roles.MEMBER, Roles.CURATOR})
    public DatasetView get(@PathParam("id") UUID id) {
        return DatasetView.of(datasets.readableBy(caller, id));
    }

    /** Postpones the dataset's release (curators; never earlier than it is). */
    @PUT
    @Path("/{id}/embargo")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CURATOR)
    public DatasetView postpone(@PathParam("id") UUID id, @NotNull @Valid EmbargoPostponement postponement) {
        return DatasetView.of(datasets.postpone(id, postponement));
    }

    /** Replaces what the form says about a dataset, by its owner or a curator, until it is released. */
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROVIDER, Roles.CURATOR})
    public DatasetView update(@PathParam("id") UUID id, @NotNull @Valid DatasetRequest request) {
        return DatasetView.of(datasets.update(caller, id, request));
    }
}
