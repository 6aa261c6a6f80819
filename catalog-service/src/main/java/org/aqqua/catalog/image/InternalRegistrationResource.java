package org.aqqua.catalog.image;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.aqqua.runtime.problem.FieldError;
import org.aqqua.runtime.problem.ProblemException;
import org.aqqua.runtime.security.Roles;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Bulk registration in parts, for more images than one request may carry: start, send the NDJSON lines in parts
 * (each numbered from its first line in the whole list; several may be sent at once), commit with the total number
 * of lines (the commit waits for parts under way). All-or-nothing over every part, as
 * {@code POST /internal/datasets/{id}/images} is for one request.
 */
@Path("/internal/datasets/{id}/registrations")
@RolesAllowed(Roles.SERVICE)
@Tag(name = "Internal")
@Produces(MediaType.APPLICATION_JSON)
public class InternalRegistrationResource {

    private final StagedRegistrations registrations;

    InternalRegistrationResource(StagedRegistrations registrations) {
        this.registrations = registrations;
    }

    @POST
    public Response start(@PathParam("id") UUID datasetId) {
        return Response.status(Response.Status.CREATED).entity(registrations.start(datasetId)).build();
    }

    @POST
    @Path("/{registration}/lines")
    @Blocking
    @Consumes({InternalImageResource.NDJSON, "application/jsonl", MediaType.TEXT_PLAIN})
    public StagedRegistrations.Staged stage(@PathParam("id") UUID datasetId,
            @PathParam("registration") UUID registrationId, @QueryParam("firstLine") Long firstLine,
            InputStream body) {
        if (firstLine == null) {
            throw ProblemException.badRequest("firstLine is required: the number of the part's first line in the "
                    + "whole list, from 1.", List.of(FieldError.of("firstLine", null, "required")));
        }
        return registrations.stage(datasetId, registrationId, firstLine, body);
    }

    @POST
    @Path("/{registration}/commit")
    public RegistrationResult commit(@PathParam("id") UUID datasetId, @PathParam("registration") UUID registrationId,
            @QueryParam("lines") Long lines) {
        if (lines == null) {
            throw ProblemException.badRequest("lines is required: how many lines the parts held in all.",
                    List.of(FieldError.of("lines", null, "required")));
        }
        return registrations.commit(datasetId, registrationId, lines);
    }

    @DELETE
    @Path("/{registration}")
    public Response abort(@PathParam("id") UUID datasetId, @PathParam("registration") UUID registrationId) {
        registrations.abort(datasetId, registrationId);
        return Response.noContent().build();
    }
}
