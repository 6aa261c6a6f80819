package org.aqqua.catalog.publication;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.aqqua.catalog.dataset.Dataset;
import org.aqqua.catalog.dataset.DatasetStatus;
import org.aqqua.catalog.dataset.DatasetView;
import org.aqqua.catalog.image.ImageCatalog;
import org.aqqua.catalog.image.ImagePage;
import org.aqqua.catalog.image.ImageQuery;
import org.aqqua.catalog.image.ImageView;
import org.aqqua.catalog.sample.SampleCatalog;
import org.aqqua.catalog.sample.SamplePage;
import org.aqqua.runtime.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public view of released data, without login. A dataset is public only once it is released and its
 * embargo has passed (by the injected clock); everything else — records, images, content, counts — is answered
 * 404 exactly like something that does not exist, so that nothing about embargoed data leaks.
 */
@Path("/public")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Public")
public class PublicResource {

    private final ImageCatalog images;
    private final SampleCatalog samples;
    private final Clock clock;

    PublicResource(ImageCatalog images, SampleCatalog samples, Clock clock) {
        this.images = images;
        this.samples = samples;
        this.clock = clock;
    }

    @GET
    @Path("/datasets")
    public List<DatasetView> datasets() {
        return Dataset.<Dataset>find("status = ?1 and embargoUntil <= ?2 order by createdAt, id",
                DatasetStatus.RELEASED, clock.instant()).list().stream().map(DatasetView::of).toList();
    }

    @GET
    @Path("/datasets/{id}")
    public DatasetView dataset(@PathParam("id") UUID id) {
        return Dataset.<Dataset>findByIdOptional(id)
                .filter(d -> d.isPublicAt(clock.instant()))
                .map(DatasetView::of)
                .orElseThrow(() -> ProblemException.notFound("No public dataset " + id + "."));
    }

    /** The samples of a public dataset, paged as for members. */
    @GET
    @Path("/datasets/{id}/samples")
    public SamplePage samples(@PathParam("id") UUID id, @QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(SampleCatalog.MAX_LIMIT) int limit) {
        dataset(id); // 404 unless the dataset is public now
        return samples.page(id, after, limit);
    }

    /** The same filters and paging as the member search, over released data only. */
    @GET
    @Path("/images")
    public ImagePage search(UriInfo uriInfo) {
        return images.page(uriInfo.getQueryParameters(), query -> query.releasedAt(clock.instant()));
    }

    @GET
    @Path("/images/{id}")
    public ImageView image(@PathParam("id") long id) {
        return images.one(id, () -> ImageQuery.all().releasedAt(clock.instant()));
    }

    @GET
    @Path("/images/{id}/content")
    public Response content(@PathParam("id") long id) {
        return Response.status(Response.Status.FOUND).location(images.contentUrl(image(id))).build();
    }
}
