package org.aqqua.catalog.image;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.UUID;
import org.aqqua.runtime.security.Roles;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Bulk registration of images by ingest-service: one NDJSON line per image, streamed, all-or-nothing. */
@Path("/internal/datasets/{id}/images")
@RolesAllowed(Roles.SERVICE)
@Tag(name = "Internal")
public class InternalImageResource {

    public static final String NDJSON = "application/x-ndjson";

    private final ImageRegistration registration;

    InternalImageResource(ImageRegistration registration) {
        this.registration = registration;
    }

    @POST
    @Blocking
    @Consumes({NDJSON, "application/jsonl", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public RegistrationResult register(@PathParam("id") UUID datasetId, InputStream body) {
        return registration.register(datasetId, body);
    }
}
