package org.aqqua.catalog.image;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.aqqua.catalog.dataset.DatasetService;
import org.aqqua.runtime.security.Roles;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Every image of one dataset, in any state, streamed in the export formats: release-service builds a release's
 * manifests from it ahead of the instant (and for rehearsals), which the member API could not give it.
 */
@Path("/internal/datasets/{id}/images/export")
@RolesAllowed(Roles.SERVICE)
@Tag(name = "Internal")
public class InternalImageExportResource {

    private final ImageExport exports;
    private final DatasetService datasets;

    InternalImageExportResource(ImageExport exports, DatasetService datasets) {
        this.exports = exports;
        this.datasets = datasets;
    }

    @GET
    @Produces({"text/csv", "application/x-ndjson", "text/tab-separated-values", "application/vnd.apache.parquet"})
    public Response export(@PathParam("id") UUID id, UriInfo uriInfo) {
        ExportFormat format = exports.format(uriInfo.getQueryParameters());
        datasets.get(id);
        return Response.ok(exports.stream(ImageQuery.all().add("i.dataset_id = ?", id), format), format.mediaType())
                .build();
    }
}
