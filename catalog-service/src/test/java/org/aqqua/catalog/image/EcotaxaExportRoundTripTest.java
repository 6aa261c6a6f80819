package org.aqqua.catalog.image;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aqqua.catalog.dataset.DatasetStatus;
import org.aqqua.catalog.dataset.TestDatasets;
import org.aqqua.metadata.LabelStatus;
import org.aqqua.metadata.RowProblem;
import org.aqqua.metadata.RowSink;
import org.aqqua.metadata.SourceRow;
import org.aqqua.metadata.ecotaxa.EcotaxaTableReader;
import org.aqqua.metadata.ecotaxa.TableSummary;
import org.aqqua.testing.AqquaInfrastructureResource;
import org.aqqua.testing.DemoRealm;
import org.aqqua.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The EcoTaxa export reads back, through the same reader the ingest uses for EcoTaxa uploads, without a single
 * problem and into the values that were registered: what AqQua exports, EcoTaxa (and AqQua) can import.
 */
@QuarkusTest
@WithTestResource(value = AqquaInfrastructureResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "catalog-service"))
class EcotaxaExportRoundTripTest {

    /** What each image is registered with, by object id (also the export's order: registration order). */
    private static final Map<String, Map<String, Object>> REGISTERED = new LinkedHashMap<>();
    static UUID dataset;
    static String member;

    static {
        REGISTERED.put("rt-1", image(8001, Map.of("latitude", 43.68, "longitude", 7.31, "depthMin", 5.0,
                "depthMax", 10.0, "observedAt", "2021-06-02T10:15:00Z", "pixelSizeUm", 73.0, "instrument", "UVP6",
                "sampleId", "station-1", "label", "Copepoda", "labelStatus", "validated")));
        REGISTERED.put("rt-2", image(8002, Map.of("latitude", -17.25, "longitude", 179.5, "depthMin", 200.0,
                "depthMax", 250.5, "observedAt", "2022-01-01T00:00:05Z", "pixelSizeUm", 10.6, "instrument",
                "Zooscan", "sampleId", "station-2", "label", "Ostracoda", "labelStatus", "predicted")));
        // Same sample as rt-1, another device and scale: in EcoTaxa another acquisition of that sample.
        REGISTERED.put("rt-3", image(8003, Map.of("latitude", 0.0, "longitude", -0.5, "depthMin", 0.0,
                "depthMax", 1.25, "observedAt", "1999-12-31T23:59:59Z", "pixelSizeUm", 0.35, "instrument", "IFCB",
                "sampleId", "station-1", "label", "Chaetognatha", "labelStatus", "dubious")));
        // No sample, no label, no depth range (depthMax missing), a name with a space and accents.
        Map<String, Object> unlabelled = new HashMap<>(Map.of("latitude", 89.999, "longitude", -179.75,
                "depthMin", 12.5, "observedAt", "2023-03-04T05:06:07Z", "pixelSizeUm", 1.5, "instrument", "FlowCam"));
        unlabelled.put("objectId", "rt 4 éàü");
        unlabelled.put("depthMax", null);
        unlabelled.put("sampleId", null);
        unlabelled.put("label", null);
        unlabelled.put("labelStatus", null);
        REGISTERED.put("rt 4 éàü", image(8004, unlabelled));
    }

    @BeforeEach
    void images() {
        if (dataset != null) {
            return;
        }
        member = Tokens.forUser(DemoRealm.MEMBER);
        dataset = TestDatasets.create("ecotaxa-round-trip", "EcoTaxa round trip", DatasetStatus.RECEIVING).id;
        StringBuilder body = new StringBuilder();
        int n = 0;
        for (Map.Entry<String, Map<String, Object>> image : REGISTERED.entrySet()) {
            Map<String, Object> fields = new HashMap<>(image.getValue());
            fields.putIfAbsent("objectId", image.getKey());
            body.append(ImageLines.line(8000 + ++n, fields)).append('\n');
        }
        ImageSearchTest.register(dataset, body.toString());
    }

    @Test
    void exportReadsBackWithoutProblemsIntoTheRegisteredValues() throws IOException {
        byte[] tsv = given().auth().oauth2(member).queryParam("dataset", dataset).queryParam("format", "ecotaxa")
                .when().get("/api/exports/images").then().statusCode(200).extract().asByteArray();

        List<SourceRow> rows = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        TableSummary summary = new EcotaxaTableReader(1 << 20).read("ecotaxa_aqqua_export.tsv",
                new ByteArrayInputStream(tsv), path -> true, new RowSink() {
                    @Override
                    public void row(SourceRow row) {
                        rows.add(row);
                    }

                    @Override
                    public void problem(RowProblem problem) {
                        problems.add(problem);
                    }
                });

        assertThat(problems).isEmpty();
        assertThat(summary).isEqualTo(new TableSummary(REGISTERED.size(), 0, true));
        assertThat(rows).extracting(SourceRow::objectId).containsExactlyElementsOf(REGISTERED.keySet());
        assertThat(rows).extracting(SourceRow::line).containsExactly(3, 4, 5, 6); // header, type row, data
        for (SourceRow row : rows) {
            Map<String, Object> registered = REGISTERED.get(row.objectId());
            Object depthMax = registered.get("depthMax") != null ? registered.get("depthMax")
                    : registered.get("depthMin"); // a single depth is exported as a range of one depth
            assertThat(row.imagePath()).as(row.objectId())
                    .isEqualTo("images/" + registered.get("sha256") + ".png");
            assertThat(row.latitude()).as(row.objectId()).isEqualTo(registered.get("latitude"));
            assertThat(row.longitude()).as(row.objectId()).isEqualTo(registered.get("longitude"));
            assertThat(row.depthMin()).as(row.objectId()).isEqualTo(registered.get("depthMin"));
            assertThat(row.depthMax()).as(row.objectId()).isEqualTo(depthMax);
            assertThat(row.observedAt()).as(row.objectId())
                    .isEqualTo(Instant.parse((String) registered.get("observedAt")));
            assertThat(row.pixelSizeUm()).as(row.objectId()).isEqualTo(registered.get("pixelSizeUm"));
            assertThat(row.instrument()).as(row.objectId()).isEqualTo(registered.get("instrument"));
            assertThat(row.sampleId()).as(row.objectId()).isEqualTo(registered.get("sampleId"));
            assertThat(row.label()).as(row.objectId()).isEqualTo(registered.get("label"));
            assertThat(row.labelStatus()).as(row.objectId()).isEqualTo(registered.get("labelStatus") == null ? null
                    : LabelStatus.fromWireName((String) registered.get("labelStatus")));
        }
    }

    /** The registration fields of image {@code n}: ImageLines' valid image with these values, and traits. */
    private static Map<String, Object> image(int n, Map<String, Object> values) {
        Map<String, Object> fields = new HashMap<>(values);
        fields.put("sha256", ImageLines.sha(n));
        fields.put("traits", Map.of("object_area", 100.0 + n, "eggs", n % 2 == 0));
        return fields;
    }
}
