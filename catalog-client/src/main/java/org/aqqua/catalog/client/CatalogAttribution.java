package org.aqqua.catalog.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A dataset's attribution as the catalog gives it ({@code GET /internal/datasets/{id}/attribution}): description,
 * owner as creator, contributors, acknowledgements, funding, papers to cite, copyright, the owner's interim terms
 * and the images' extent. Never an e-mail address.
 */
public record CatalogAttribution(UUID id, String title, String comment, String instrument, String instrumentName,
        String sampleUnit, String sampledVolume, boolean culture, Integer ecotaxaProjectId, Instant embargoUntil,
        Creator owner, List<Contributor> contributors, String acknowledgements, String funding,
        List<String> papersToCite, String copyright, String interimLicence, Extent extent) {

    public record Creator(String name, String givenName, String familyName, String affiliation, String orcid) {
    }

    public record Contributor(String name, String orcid, String affiliation, String role) {
    }

    public record Extent(long images, long bytes, Double minLatitude, Double maxLatitude, Double minLongitude,
            Double maxLongitude, Double minDepth, Double maxDepth, Instant firstObservedAt, Instant lastObservedAt,
            List<String> instruments) {
    }

    /** The instrument as people name it: EcoTaxa's vocabulary, or the provider's name for "other". */
    public String instrumentLabel() {
        return instrumentName != null && !instrumentName.isBlank() ? instrumentName : instrument;
    }
}
