package org.aqqua.release.artefact;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.UUID;

/** Where the public finds released data, and the DOI prefix datasets are registered under. */
@ConfigMapping(prefix = "aqqua.publication")
public interface PublicationSettings {

    /** Base URL of release-service's public pages and downloads (landing pages, artefacts). */
    @WithDefault("http://localhost:8083/")
    URI releaseUrl();

    /** Base URL of the catalog's public API (image records and content). */
    @WithDefault("http://localhost:8081/")
    URI catalogUrl();

    /** DataCite DOI prefix; 10.5072 is DataCite's test prefix, to be replaced by AqQua's own. */
    @WithDefault("10.5072")
    String doiPrefix();

    default URI landingPage(UUID datasetId) {
        return releaseUrl().resolve("datasets/" + datasetId);
    }

    default URI filesBase(UUID datasetId) {
        return releaseUrl().resolve("public/releases/datasets/" + datasetId + "/files/");
    }
}
