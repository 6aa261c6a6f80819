package org.aqqua.release.plan;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.aqqua.runtime.problem.FieldError;
import org.aqqua.runtime.problem.ProblemException;
import org.aqqua.runtime.security.Roles;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The release plan for curators: at any instant, which datasets are released, which are not, and exactly why. */
@Path("/api/releases/plan")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CURATOR)
@Tag(name = "Release plan")
@SecurityRequirement(name = "SecurityScheme")
public class ReleasePlanResource {

    private final ReleasePlanner planner;
    private final Clock clock;

    ReleasePlanResource(ReleasePlanner planner, Clock clock) {
        this.planner = planner;
        this.clock = clock;
    }

    @GET
    public ReleasePlan plan(@Parameter(description = "ISO 8601 instant, e.g. 2027-07-15T12:00:00Z; default now")
            @QueryParam("asOf") String asOf, @Context UriInfo uriInfo) {
        // An empty asOf= is a mistake, not "now": only a missing parameter means now.
        boolean given = asOf != null || uriInfo.getQueryParameters().containsKey("asOf");
        return planner.plan(given ? instant(asOf == null ? "" : asOf) : clock.instant());
    }

    public static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("asOf is not an instant.", List.of(FieldError.of("asOf", value,
                    "must be an ISO 8601 instant with offset, e.g. 2027-07-15T12:00:00Z")));
        }
    }
}
