package org.aqqua.release.landing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.aqqua.release.artefact.ArtefactSet;
import org.aqqua.release.artefact.PublicationSettings;
import org.aqqua.release.plan.ReleasePlanner;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Public landing pages, server-rendered: AqQua's page with every released dataset, and one page per released
 * dataset with its citation, licence, counts, instruments, map, downloads and schema.org JSON-LD. Before a
 * dataset's release its page is a 404 like any unknown page; after a withdrawal, a tombstone (410) with the reason.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Landing pages")
public class LandingPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance aqqua(String releaseDate, boolean released, List<DatasetPage> datasets,
                long images, String size, List<String> authors);

        static native TemplateInstance dataset(DatasetPage page);

        static native TemplateInstance tombstone(String title, String withdrawnOn, String reason, String doi);

        static native TemplateInstance notFound();
    }

    private final Clock clock;
    private final PublicationSettings publication;
    private final Instant releaseInstant;

    LandingPageResource(Clock clock, PublicationSettings publication, ReleasePlanner planner) {
        this.clock = clock;
        this.publication = publication;
        this.releaseInstant = planner.policy().releaseInstant();
    }

    @GET
    @Operation(summary = "AqQua's landing page: the released datasets, their counts and authors")
    public TemplateInstance aqqua() {
        Instant now = clock.instant();
        List<ArtefactSet> published = QuarkusTransaction.requiringNew().call(() -> ArtefactSet.allPublicAt(now));
        List<DatasetPage> datasets = published.stream().map(set -> DatasetPage.of(set, publication))
                .sorted(java.util.Comparator.comparing(DatasetPage::title)).toList();
        List<String> authors = datasets.stream().flatMap(page -> page.authors().stream()).distinct().toList();
        long images = datasets.stream().mapToLong(DatasetPage::images).sum();
        long bytes = published.stream().mapToLong(set -> set.attribution.extent().bytes()).sum();
        return Templates.aqqua(releaseInstant.atOffset(ZoneOffset.UTC).toLocalDate().toString(),
                !datasets.isEmpty(), datasets, images, DatasetPage.bytes(bytes), authors);
    }

    @GET
    @Path("/datasets/{id}")
    public Response dataset(@PathParam("id") String id) {
        UUID datasetId;
        try {
            datasetId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return notFound();
        }
        Instant now = clock.instant();
        ArtefactSet set = QuarkusTransaction.requiringNew().call(() -> ArtefactSet.<ArtefactSet>findById(datasetId));
        if (set == null || !set.publishedBy(now)) {
            return notFound();
        }
        if (set.withdrawnAt != null) {
            return Response.status(Response.Status.GONE).entity(Templates.tombstone(set.attribution.title(),
                    set.withdrawnAt.atOffset(ZoneOffset.UTC).toLocalDate().toString(), set.withdrawalReason, set.doi))
                    .build();
        }
        return Response.ok(Templates.dataset(DatasetPage.of(set, publication))).build();
    }

    private static Response notFound() {
        return Response.status(Response.Status.NOT_FOUND).entity(Templates.notFound()).build();
    }
}
