package org.aqqua.release.artefact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.aqqua.catalog.client.CatalogAttribution;
import org.junit.jupiter.api.Test;

/** AqQua's whole dataset: every owner a creator once, contributors credited once, every part named. */
class AqquaCollectionTest {

    static final PublicationSettings PUBLICATION = new PublicationSettings() {
        @Override
        public URI releaseUrl() {
            return URI.create("https://data.aqqua.org/");
        }

        @Override
        public URI catalogUrl() {
            return URI.create("https://api.aqqua.org/");
        }

        @Override
        public String doiPrefix() {
            return "10.5072";
        }
    };

    @Test
    void ownersAreCreatorsOnceByFamilyNameAndEveryReleasedDatasetIsAPart() throws Exception {
        CatalogAttribution first = Attributions.dataset(3);
        CatalogAttribution second = new CatalogAttribution(UUID.randomUUID(), "FlowCam of the Baltic", null,
                "FlowCam", null, null, null, false, null, Attributions.INSTANT,
                new CatalogAttribution.Creator("Anna Berg", "Anna", "Berg", "IOW", null),
                List.of(new CatalogAttribution.Contributor("Jean-Luc Martin", null, "IMEV", null),
                        new CatalogAttribution.Contributor("Marie Dupont", "0000-0002-1825-0097", null, null)),
                null, "BMBF", List.of(), null, "CC-BY-4.0",
                new CatalogAttribution.Extent(5, 5000, 54.0, 55.5, 10.0, 20.0, 0.0, 50.0,
                        Instant.parse("2019-05-01T00:00:00Z"), Instant.parse("2019-05-09T00:00:00Z"),
                        List.of("FlowCam")));
        AqquaCollection collection = new AqquaCollection(List.of(set(first, "10.5072/aqqua.a"),
                set(second, "10.5072/aqqua.b")), Attributions.INSTANT, PUBLICATION);

        assertThat(collection.owners()).extracting(Creator::inverted).containsExactly("Berg, Anna", "Dupont, Marie");
        assertThat(collection.contributors()).extracting(Creator::inverted).containsExactly("Martin, Jean-Luc");
        assertThat(collection.citation().text()).startsWith("Berg, Anna; Dupont, Marie; Martin, Jean-Luc (2027). "
                + AqquaCollection.TITLE).contains("Funding: BMBF; ANR-20-XXXX");

        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        DataCiteXml.write(collection.dataCite(), xml);
        String dataCite = xml.toString(StandardCharsets.UTF_8);
        assertThat(dataCite).contains("<identifier identifierType=\"DOI\">10.5072/aqqua</identifier>",
                "<relatedIdentifier relatedIdentifierType=\"DOI\" relationType=\"HasPart\">10.5072/aqqua.a<",
                "relationType=\"HasPart\">10.5072/aqqua.b<", "<size>8 images</size>",
                "<westBoundLongitude>7.1</westBoundLongitude>", "<eastBoundLongitude>20.0</eastBoundLongitude>",
                "<date dateType=\"Collected\">2019-05-01T00:00:00Z/2021-06-03T02:00:00Z</date>");
        assertThat(dataCite.indexOf("Berg, Anna")).isLessThan(dataCite.indexOf("Dupont, Marie"));
        assertThat(DataCiteSchema.violations(xml.toByteArray())).isEmpty();
    }

    private static ArtefactSet set(CatalogAttribution attribution, String doi) {
        ArtefactSet set = new ArtefactSet();
        set.datasetId = attribution.id();
        set.attribution = attribution;
        set.doi = doi;
        return set;
    }
}
