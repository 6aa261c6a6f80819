package org.aqqua.catalog.sample;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.UUID;
import org.aqqua.catalog.dataset.Dataset;
import org.aqqua.runtime.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The samples of a released dataset, without login; before its release the dataset is not found (404). */
@Path("/public/datasets/{id}/samples")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Public")
public class PublicSampleResource {

    private final SampleCatalog samples;
    private final Clock clock;

    PublicSampleResource(SampleCatalog samples, Clock clock) {
        this.samples = samples;
        this.clock = clock;
    }

    @GET
    public SamplePage list(@PathParam("id") UUID id, @QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(SampleCatalog.MAX_LIMIT) int limit) {
        Dataset dataset = Dataset.<Dataset>findByIdOptional(id).filter(d -> d.isPublicAt(clock.instant()))
                .orElseThrow(() -> ProblemException.notFound("No public dataset " + id + "."));
        return samples.page(dataset.id, after, limit);
    }
}
