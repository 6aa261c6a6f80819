package org.aqqua.catalog.dataset;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.aqqua.runtime.security.Roles;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What ingest-service and release-service need of datasets: access data, the release plan's facts and state changes.
 * Service accounts only.
 */
@Path("/internal/datasets")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SERVICE)
@Tag(name = "Internal")
public class InternalDatasetResource {

    private final DatasetService datasets;

    InternalDatasetResource(DatasetService datasets) {
        this.datasets = datasets;
    }

    @GET
    public List<InternalDatasetView> list(@QueryParam("status") String status,
            @QueryParam("limit") @DefaultValue("1000") @Min(1) @Max(10000) int limit) {
        return Dataset.listAll(DatasetStatus.parameter(status), limit).stream().map(InternalDatasetView::of).toList();
    }

    /**
     * Every dataset, keyset-paged in id order: pass the page's {@code next} as {@code after} for the following page.
     * What release-service plans with (status, embargo, agreement permissions, counts); never contact data.
     */
    @GET
    @Path("/page")
    public InternalDatasetPage page(@QueryParam("status") String status, @QueryParam("after") Optional<UUID> after,
            @QueryParam("limit") @DefaultValue("1000") @Min(1) @Max(10000) int limit) {
        return datasets.page(DatasetStatus.parameter(status), after, limit);
    }

    @GET
    @Path("/{id}")
    public InternalDatasetView get(@PathParam("id") UUID id) {
        return InternalDatasetView.of(datasets.get(id));
    }

    @PUT
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    public InternalDatasetView changeStatus(@PathParam("id") UUID id, @NotNull @Valid StatusChange change) {
        return InternalDatasetView.of(datasets.changeStatus(id, change));
    }
}
