package org.aqqua.release.rehearsal;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import java.util.UUID;
import org.aqqua.release.audit.AuditLog;
import org.aqqua.release.plan.ReleasePlanResource;
import org.aqqua.runtime.problem.FieldError;
import org.aqqua.runtime.problem.ProblemException;
import org.aqqua.runtime.security.Roles;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Release rehearsals for curators: {@code POST ?asOf=} builds every artefact of the release at that instant
 * privately and validates it (202, then poll {@code GET /{id}} for the report); nothing becomes public.
 */
@Path("/api/releases/rehearsals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CURATOR)
@Tag(name = "Release rehearsals")
@SecurityRequirement(name = "SecurityScheme")
public class RehearsalResource {

    private final Rehearsals rehearsals;
    private final SecurityIdentity caller;

    RehearsalResource(Rehearsals rehearsals, SecurityIdentity caller) {
        this.rehearsals = rehearsals;
        this.caller = caller;
    }

    @POST
    public Response start(@QueryParam("asOf") String asOf, @Context UriInfo uriInfo) {
        if (asOf == null) {
            throw ProblemException.badRequest("asOf is required: the instant to rehearse the release at.",
                    List.of(FieldError.of("asOf", null, "must be an ISO 8601 instant, e.g. 2027-07-15T12:00:00Z")));
        }
        Rehearsal rehearsal = rehearsals.start(ReleasePlanResource.instant(asOf), AuditLog.actorOf(caller));
        return Response.accepted(RehearsalView.of(rehearsal))
                .location(uriInfo.getAbsolutePathBuilder().path(rehearsal.id.toString()).build()).build();
    }

    @GET
    @Path("/{id}")
    public RehearsalView get(@PathParam("id") UUID id) {
        return RehearsalView.of(rehearsals.get(id));
    }
}
