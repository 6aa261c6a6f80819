package org.aqqua.catalog.dataset;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.aqqua.catalog.agreement.SharingAgreement;

/**
 * A dataset as members and its owner see it: never contact data of the owner. {@code licence} is the owner's
 * interim terms until the dataset is released and CC-BY-NC-4.0 from then on.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetView(UUID id, UUID agreementId, String title, String comment, String instrument,
        String instrumentName, Double defaultPixelSizeUm, String sampleUnit, String sampledVolume, boolean culture,
        Integer ecotaxaProjectId, DatasetStatus status, Instant embargoUntil, String licence, long imageCount,
        long imageBytes, Instant createdAt, Instant updatedAt) {

    public static final String RELEASE_LICENCE = "CC-BY-NC-4.0";

    public static DatasetView of(Dataset d) {
        return new DatasetView(d.id, d.agreement == null ? null : d.agreement.id, d.title, d.comment, d.instrument,
                d.instrumentName, d.defaultPixelSizeUm, d.sampleUnit, d.sampledVolume, d.culture, d.ecotaxaProjectId,
                d.status, d.embargoUntil, licenceOf(d), d.imageCount, d.imageBytes, d.createdAt, d.updatedAt);
    }

    static String licenceOf(Dataset d) {
        if (d.status == DatasetStatus.RELEASED) {
            return RELEASE_LICENCE;
        }
        SharingAgreement agreement = d.agreement;
        if (agreement == null) {
            return null;
        }
        return agreement.interimLicenceSpdx != null ? agreement.interimLicenceSpdx : agreement.interimLicenceOther;
    }
}
