package org.aqqua.catalog.owner;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.aqqua.catalog.agreement.DataOwner;
import org.aqqua.catalog.dataset.DatasetService;
import org.aqqua.runtime.problem.ProblemException;
import org.aqqua.runtime.security.Roles;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where to write to a dataset's owner about its release (release-service's notices): name and e-mail, for the
 * service role only. 404 when the owner has none, e.g. after erasure on request.
 */
@Path("/internal/datasets/{id}/owner-contact")
@RolesAllowed(Roles.SERVICE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal")
public class InternalOwnerContactResource {

    public record OwnerContact(UUID datasetId, String name, String email) {
    }

    private final DatasetService datasets;

    InternalOwnerContactResource(DatasetService datasets) {
        this.datasets = datasets;
    }

    @GET
    @Transactional
    public OwnerContact get(@PathParam("id") UUID id) {
        DataOwner owner = datasets.get(id).owner().filter(o -> o.email != null && o.erasedAt == null)
                .orElseThrow(() -> ProblemException.notFound("Dataset " + id + " has no owner contact."));
        return new OwnerContact(id, owner.displayName(), owner.email);
    }
}
