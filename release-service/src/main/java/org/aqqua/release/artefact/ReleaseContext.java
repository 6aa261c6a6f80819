package org.aqqua.release.artefact;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import org.aqqua.catalog.client.CatalogAttribution;

/**
 * Everything an artefact of one released dataset is written from: the dataset's attribution, the instant it is
 * (or, in a rehearsal, would be) released, and where the public finds it. Licence and publisher are AqQua's.
 */
public record ReleaseContext(CatalogAttribution dataset, Instant releasedAt, URI landingPage, URI filesBase,
        URI publicApi) {

    public static final String LICENCE_SPDX = "CC-BY-NC-4.0";
    public static final String LICENCE_NAME = "Creative Commons Attribution-NonCommercial 4.0 International";
    public static final URI LICENCE_URL = URI.create("https://creativecommons.org/licenses/by-nc/4.0/");
    public static final String PUBLISHER = "AqQua (GEOMAR Helmholtz Centre for Ocean Research Kiel and partners)";

    public int publicationYear() {
        return releasedAt.atOffset(ZoneOffset.UTC).getYear();
    }

    /** The release date as DataCite and schema.org write it (UTC). */
    public String releaseDate() {
        return releasedAt.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    /** The public URL of one of this dataset's files. */
    public URI file(String name) {
        return filesBase.resolve(name);
    }

    /** The public URL of an image once released: the catalog's public content redirect. */
    public URI imageUrl(long imageId) {
        return publicApi.resolve("public/images/" + imageId + "/content");
    }

    public String description() {
        CatalogAttribution d = dataset;
        StringBuilder text = new StringBuilder();
        text.append(d.extent().images()).append(" plankton and particle images taken with ").append(d.instrumentLabel());
        if (d.comment() != null && !d.comment().isBlank()) {
            text.append(". ").append(d.comment().strip());
        }
        text.append(". Part of the AqQua dataset for an open plankton foundation model.");
        return text.toString();
    }
}
