package org.aqqua.catalog.attribution;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.aqqua.catalog.agreement.AgreementRequest;

/**
 * What a release says about one dataset: its description, who made it (the owner, who co-authors AqQua's data
 * paper, and the contributors to credit), what to acknowledge and cite, the owner's interim terms, and where and
 * when its images were taken. Never an e-mail address: this is what release-service publishes.
 */
public record DatasetAttribution(UUID id, String title, String comment, String instrument, String instrumentName,
        String sampleUnit, String sampledVolume, boolean culture, Integer ecotaxaProjectId, Instant embargoUntil,
        Creator owner, List<AgreementRequest.Contributor> contributors, String acknowledgements, String funding,
        List<String> papersToCite, String copyright, String interimLicence, Extent extent) {

    /** The owner as a creator: name parts, affiliation and ORCID (contact details erased on request stay out). */
    public record Creator(String name, String givenName, String familyName, String affiliation, String orcid) {
    }

    /** The images' extent; all null but the counts when the dataset holds no image. */
    public record Extent(long images, long bytes, Double minLatitude, Double maxLatitude, Double minLongitude,
            Double maxLongitude, Double minDepth, Double maxDepth, Instant firstObservedAt, Instant lastObservedAt,
            List<String> instruments) {
    }
}
