package org.aqqua.catalog.attribution;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.aqqua.catalog.agreement.SharingAgreement;
import org.aqqua.catalog.dataset.Dataset;
import org.aqqua.catalog.dataset.DatasetService;
import org.aqqua.runtime.security.Roles;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A dataset's attribution for release-service's artefacts (DataCite, citation, landing pages). */
@Path("/internal/datasets/{id}/attribution")
@RolesAllowed(Roles.SERVICE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal")
public class InternalAttributionResource {

    private final DatasetService datasets;
    private final ImageExtents extents;

    InternalAttributionResource(DatasetService datasets, ImageExtents extents) {
        this.datasets = datasets;
        this.extents = extents;
    }

    @GET
    @Transactional
    public DatasetAttribution get(@PathParam("id") UUID id) {
        Dataset d = datasets.get(id);
        SharingAgreement a = d.agreement;
        DatasetAttribution.Creator creator = d.owner().map(owner -> new DatasetAttribution.Creator(
                owner.displayName(), owner.givenName, owner.surname, owner.institute, owner.orcid)).orElse(null);
        return new DatasetAttribution(d.id, d.title, d.comment, d.instrument, d.instrumentName, d.sampleUnit,
                d.sampledVolume, d.culture, d.ecotaxaProjectId, d.embargoUntil, creator,
                a == null ? List.of() : List.copyOf(a.contributors), a == null ? null : a.acknowledgements,
                a == null ? null : a.funding, a == null ? List.of() : List.copyOf(a.papersToCite),
                a == null ? null : a.copyright, a == null ? null : interimLicence(a), extents.of(id));
    }

    private static String interimLicence(SharingAgreement a) {
        return a.interimLicenceSpdx != null ? a.interimLicenceSpdx : a.interimLicenceOther;
    }
}
