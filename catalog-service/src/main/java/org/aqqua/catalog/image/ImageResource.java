package org.aqqua.catalog.image;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.aqqua.runtime.security.Roles;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The member catalog of images: search with filters and keyset paging, single records, image content and
 * statistics. Members and curators see everything; a provider sees the images of their own datasets.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PROVIDER, Roles.MEMBER, Roles.CURATOR})
@Tag(name = "Images")
@SecurityRequirement(name = "SecurityScheme")
public class ImageResource {

    private final ImageCatalog catalog;
    private final ImageExport exports;
    private final SecurityIdentity caller;

    ImageResource(ImageCatalog catalog, ImageExport exports, SecurityIdentity caller) {
        this.catalog = catalog;
        this.exports = exports;
        this.caller = caller;
    }

    /**
     * Filters: dataset, bbox=minLon,minLat,maxLon,maxLat (may cross the antimeridian), from, to (ISO 8601;
     * from inclusive, to exclusive), depthMin, depthMax (metres, overlapping the image's depth range), instrument,
     * label, labelStatus, labelled; paging: limit (1..1000), cursor (from the previous page).
     */
    @GET
    @Path("/images")
    public ImagePage search(UriInfo uriInfo) {
        return catalog.page(uriInfo.getQueryParameters(), scope());
    }

    @GET
    @Path("/images/{id}")
    public ImageView get(@PathParam("id") long id) {
        return catalog.one(id, () -> scope().apply(ImageQuery.all()));
    }

    /** 302 to a short-lived presigned URL of the image, after the same access check as the record. */
    @GET
    @Path("/images/{id}/content")
    public Response content(@PathParam("id") long id) {
        return Response.status(Response.Status.FOUND).location(catalog.contentUrl(get(id))).build();
    }

    /** Image counts and bytes under the same filters, grouped by instrument, label, dataset, month or year. */
    @GET
    @Path("/stats")
    public List<ImageSearch.Count> stats(UriInfo uriInfo) {
        return catalog.counts(uriInfo.getQueryParameters(), scope());
    }

    /**
     * Every image of a selection (the same filters as the search), streamed: format=csv, jsonl or parquet
     * (training manifests with id, SHA-256, storage key and all normalised metadata) or ecotaxa (EcoTaxa's import
     * table).
     */
    @GET
    @Path("/exports/images")
    @Produces({"text/csv", "application/x-ndjson", "text/tab-separated-values", "application/vnd.apache.parquet"})
    public Response export(UriInfo uriInfo) {
        var parameters = uriInfo.getQueryParameters();
        ExportFormat format = exports.format(parameters);
        ImageQuery query = scope().apply(ImageQuery.of(ImageFilter.parse(parameters, Set.of("format"))));
        return Response.ok(exports.stream(query, format), format.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + format.fileName() + "\"").build();
    }

    private UnaryOperator<ImageQuery> scope() {
        if (Roles.seesWholeCatalog(caller)) {
            return UnaryOperator.identity();
        }
        String subject = Roles.subject(caller);
        return query -> query.add("d.owner_subject = ?", subject);
    }
}
