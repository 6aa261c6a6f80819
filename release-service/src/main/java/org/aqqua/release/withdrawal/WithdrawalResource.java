package org.aqqua.release.withdrawal;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.aqqua.catalog.client.CatalogDataset;
import org.aqqua.catalog.client.CatalogDatasets;
import org.aqqua.release.artefact.ReleaseArtefacts;
import org.aqqua.release.audit.AuditEntry;
import org.aqqua.release.audit.AuditLog;
import org.aqqua.runtime.problem.ProblemException;
import org.aqqua.runtime.security.Roles;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Withdrawal by a curator: before the release the dataset is left out of it; after it, it stops being served.
 * The catalog records the state (asked with release-service's own token); the audit log records who and why.
 */
@Path("/api/datasets/{id}/withdrawal")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CURATOR)
@Tag(name = "Withdrawal")
@SecurityRequirement(name = "SecurityScheme")
public class WithdrawalResource {

    private final CatalogDatasets catalog;
    private final ReleaseArtefacts artefacts;
    private final AuditLog audit;
    private final SecurityIdentity caller;

    WithdrawalResource(CatalogDatasets catalog, ReleaseArtefacts artefacts, AuditLog audit,
            SecurityIdentity caller) {
        this.catalog = catalog;
        this.artefacts = artefacts;
        this.audit = audit;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public CatalogDataset withdraw(@PathParam("id") UUID id, @NotNull @Valid WithdrawalRequest request) {
        String actor = AuditLog.actorOf(caller);
        try {
            CatalogDataset dataset = catalog.changeStatus(id, "withdrawn", request.reason());
            artefacts.withdraw(id, request.reason());
            audit.record(actor, "withdraw", id, AuditEntry.Outcome.succeeded, request.reason());
            return dataset;
        } catch (ProblemException refused) {
            audit.record(actor, "withdraw", id, refused.problem().status() < 500 ? AuditEntry.Outcome.refused
                    : AuditEntry.Outcome.failed, refused.problem().detail());
            throw refused;
        }
    }
}
