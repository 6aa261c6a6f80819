package org.aqqua.release.artefact;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.aqqua.catalog.client.CatalogAttribution;

/** A dataset's attribution and release context as the catalog would give them, for unit tests of the writers. */
final class Attributions {

    static final Instant INSTANT = Instant.parse("2027-07-15T12:00:00Z");

    private Attributions() {
    }

    static CatalogAttribution dataset(long images) {
        return dataset(images, "UVP6 profiles of the Ligurian Sea {2021}");
    }

    static CatalogAttribution dataset(long images, String title) {
        return new CatalogAttribution(UUID.fromString("0d6f3a52-8c1e-4a53-9e1e-3c2b8f1d7a10"),
                title, "Night casts & day casts", "UVP6", null, "profile",
                "1 L per image", false, 1234, INSTANT,
                new CatalogAttribution.Creator("Marie Dupont", "Marie", "Dupont", "Sorbonne Université",
                        "0000-0002-1825-0097"),
                List.of(new CatalogAttribution.Contributor("Jean-Luc Martin", null, "IMEV", "DataCollector")),
                "Thanks to the crew of RV Tethys II.", "ANR-20-XXXX", List.of("Picheral et al. 2022, L&O Methods"),
                "© Sorbonne Université", "CC-BY-4.0",
                new CatalogAttribution.Extent(images, images * 1000, 43.1, 43.7, 7.1, 7.9, 0.0, 500.0,
                        Instant.parse("2021-06-01T10:15:00Z"), Instant.parse("2021-06-03T02:00:00Z"),
                        List.of("UVP6")));
    }

    static ReleaseContext context(long images) {
        return context(dataset(images));
    }

    static ReleaseContext context(CatalogAttribution d) {
        return new ReleaseContext(d, INSTANT, URI.create("https://data.aqqua.org/datasets/" + d.id()),
                URI.create("https://data.aqqua.org/public/releases/datasets/" + d.id() + "/files/"),
                URI.create("https://catalog.aqqua.org/"));
    }
}
