package org.aqqua.catalog.image;

import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MinioClient;
import io.minio.http.Method;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.aqqua.runtime.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Paged search, single records, counts and content links over a scope of images: the member catalog, a
 * provider's own datasets, or the released data the public sees. The scope is applied by the caller as an
 * extra condition of the {@link ImageQuery}; everything outside it is simply not found.
 */
@ApplicationScoped
public class ImageCatalog {

    private final ImageSearch search;
    private final Cursors cursors;
    private final MinioClient minio;
    private final String bucket;
    private final Duration contentUrlValidity;

    ImageCatalog(ImageSearch search, Cursors cursors, MinioClient minio,
            @ConfigProperty(name = "aqqua.catalog.images-bucket", defaultValue = "aqqua-images") String bucket,
            @ConfigProperty(name = "aqqua.catalog.content-url-validity", defaultValue = "PT5M")
            Duration contentUrlValidity) {
        this.search = search;
        this.cursors = cursors;
        this.minio = minio;
        this.bucket = bucket;
        this.contentUrlValidity = contentUrlValidity;
    }

    /** A page of the images matching the request's filters within {@code scope}. */
    public ImagePage page(Map<String, List<String>> parameters, UnaryOperator<ImageQuery> scope) {
        ImageFilter filter = ImageFilter.parse(parameters, PageRequest.PARAMETERS);
        PageRequest page = PageRequest.parse(parameters);
        long after = page.cursor() == null ? 0 : cursors.decode(page.cursor(), filter.fingerprint());
        List<ImageView> images = search.page(scope.apply(ImageQuery.of(filter)), after, page.limit() + 1);
        boolean more = images.size() > page.limit();
        List<ImageView> items = more ? images.subList(0, page.limit()) : images;
        return new ImagePage(List.copyOf(items),
                more ? cursors.encode(items.get(items.size() - 1).id(), filter.fingerprint()) : null);
    }

    public ImageView one(long id, Supplier<ImageQuery> scope) {
        return search.one(scope.get(), id).orElseThrow(() -> ProblemException.notFound("No image " + id + "."));
    }

    public List<ImageSearch.Count> counts(Map<String, List<String>> parameters,
            UnaryOperator<ImageQuery> scope) {
        ImageFilter filter = ImageFilter.parse(parameters, Set.of("groupBy"));
        String groupBy = ChoiceParameter.read(parameters, "groupBy", ImageSearch.GROUPINGS.keySet(), false)
                .orElse(null);
        return search.count(scope.apply(ImageQuery.of(filter)), groupBy);
    }

    /** A short-lived URL to the image itself, for a record the caller was allowed to read. */
    public URI contentUrl(ImageView image) {
        try {
            return URI.create(minio.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(Method.GET)
                    .bucket(bucket).object(image.storageKey()).expiry((int) contentUrlValidity.toSeconds()).build()));
        } catch (Exception e) {
            throw ProblemException.of(jakarta.ws.rs.core.Response.Status.SERVICE_UNAVAILABLE, "storage-unavailable",
                    "The image store cannot be reached; try again later.");
        }
    }
}
