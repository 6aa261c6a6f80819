package org.aqqua.catalog.owner;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.aqqua.catalog.agreement.DataOwner;
import org.aqqua.runtime.csv.CsvCells;
import org.aqqua.runtime.problem.ProblemException;
import org.aqqua.runtime.security.Roles;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Data owners' contact details are personal data: curators alone read them, export the mailing list of those who
 * opted in, and erase them on request. Erasure keeps name, institute and ORCID iD, which credit the owner as
 * co-author of the data paper.
 */
@Path("/api/owners")
@RolesAllowed(Roles.CURATOR)
@Tag(name = "Owners")
@SecurityRequirement(name = "SecurityScheme")
public class OwnerResource {

    private final Clock clock;

    OwnerResource(Clock clock) {
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<OwnerView> list() {
        return DataOwner.<DataOwner>list("order by surname, givenName, id").stream().map(OwnerView::of).toList();
    }

    /** The data-provider mailing list: owners who opted in and were not erased, as CSV (name, e-mail, institute). */
    @GET
    @Path("/mailing-list")
    @Produces("text/csv")
    public Response mailingList() {
        StringBuilder csv = new StringBuilder("name,email,institute\r\n");
        DataOwner.<DataOwner>list("mailingList = true and erasedAt is null and email is not null "
                + "order by surname, givenName").forEach(owner -> csv.append(CsvCells.quote(owner.displayName())).append(',')
                .append(CsvCells.quote(owner.email)).append(',').append(CsvCells.quote(owner.institute)).append("\r\n"));
        return Response.ok(csv.toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"aqqua-data-providers.csv\"").build();
    }

    /** Erases the owner's contact details (e-mail, mailing-list subscription) on request; attribution stays. */
    @DELETE
    @Path("/{id}/contact")
    @Transactional
    public void erase(@PathParam("id") UUID id) {
        DataOwner owner = DataOwner.<DataOwner>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("No data owner " + id + "."));
        owner.email = null;
        owner.mailingList = false;
        if (owner.erasedAt == null) {
            owner.erasedAt = clock.instant();
        }
        owner.updatedAt = clock.instant();
    }
}
