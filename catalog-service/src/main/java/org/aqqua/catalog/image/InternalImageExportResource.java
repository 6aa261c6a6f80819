package org.aqqua.catalog.image;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.aqqua.catalog.dataset.DatasetService;
import org.aqqua.runtime.security.Roles;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Every image of one dataset, in any state, streamed: its records in the export formats, and its contents as tar
 * packs. release-service builds a release's manifests and packs from them ahead of the instant (and for
 * rehearsals), which the member API could not give it.
 */
@Path("/internal/datasets/{id}/images")
@RolesAllowed(Roles.SERVICE)
@Tag(name = "Internal")
public class InternalImageExportResource {

    private final ImageExport exports;
    private final ImagePacks packs;
    private final DatasetService datasets;

    InternalImageExportResource(ImageExport exports, ImagePacks packs, DatasetService datasets) {
        this.exports = exports;
        this.packs = packs;
        this.datasets = datasets;
    }

    /** The images after {@code afterId} as one tar of at most {@code maxBytes} (at least one image); empty at the end. */
    @GET
    @Path("/pack")
    @Produces("application/x-tar")
    public Response pack(@PathParam("id") UUID id, @QueryParam("afterId") @DefaultValue("0") @Min(0) long afterId,
            @QueryParam("maxBytes") @DefaultValue("1073741824") @Min(1) long maxBytes) {
        datasets.get(id);
        return Response.ok(packs.pack(id, afterId, maxBytes), "application/x-tar").build();
    }

    @GET
    @Path("/export")
    @Produces({"text/csv", "application/x-ndjson", "text/tab-separated-values", "application/vnd.apache.parquet"})
    public Response export(@PathParam("id") UUID id, UriInfo uriInfo) {
        ExportFormat format = exports.format(uriInfo.getQueryParameters());
        datasets.get(id);
        return Response.ok(exports.stream(ImageQuery.all().add("i.dataset_id = ?", id), format), format.mediaType())
                .build();
    }
}
