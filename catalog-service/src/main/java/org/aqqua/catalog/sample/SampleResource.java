package org.aqqua.catalog.sample;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.aqqua.catalog.dataset.DatasetService;
import org.aqqua.runtime.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The samples of a dataset the caller may read (members and curators: any; providers: their own). */
@Path("/api/datasets/{id}/samples")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Datasets")
@SecurityRequirement(name = "SecurityScheme")
public class SampleResource {

    private final DatasetService datasets;
    private final SampleCatalog samples;
    private final SecurityIdentity caller;

    SampleResource(DatasetService datasets, SampleCatalog samples, SecurityIdentity caller) {
        this.datasets = datasets;
        this.samples = samples;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.PROVIDER, Roles.MEMBER, Roles.CURATOR})
    @Operation(summary = "A page of the dataset's samples in sample id order",
            description = "Counts and ranges (position, time, depth or altitude) of the images registered under each "
                    + "sample id. The next page starts after the page's 'next'.")
    public SamplePage list(@PathParam("id") UUID id, @QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(SampleCatalog.MAX_LIMIT) int limit) {
        return samples.page(datasets.readableBy(caller, id).id, after, limit);
    }
}
