package org.aqqua.catalog.image;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.aqqua.catalog.dataset.DatasetStatus;
import org.aqqua.catalog.dataset.TestDatasets;
import org.aqqua.testing.AqquaInfrastructureResource;
import org.aqqua.testing.DemoRealm;
import org.aqqua.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A Parquet export, read back with Parquet's reader, holds exactly what the search returns for the same filter. */
@QuarkusTest
@WithTestResource(value = AqquaInfrastructureResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "catalog-service"))
class ParquetExportTest {

    static UUID first;
    static UUID second;
    static String member;

    /** The service's own mapper, so that a record read from Parquet is written as the API writes it. */
    @Inject
    ObjectMapper json;

    @BeforeEach
    void images() {
        if (first != null) {
            return;
        }
        member = Tokens.forUser(DemoRealm.MEMBER);
        first = TestDatasets.create("parquet-exporter", "Parquet export: first", DatasetStatus.RECEIVING).id;
        second = TestDatasets.create("parquet-exporter", "Parquet export: second", DatasetStatus.RECEIVING).id;
        ImageSearchTest.register(first, lines(1, 12));
        ImageSearchTest.register(second, lines(13, 20));
    }

    /**
     * Images with every nullable column both set and absent: depth ranges, depth without a maximum, lakes (altitude,
     * no depth), labels with non-ASCII text, traits and raw columns present or not, microsecond instants (one before
     * 1970), positions around the globe, two instruments.
     */
    private static String lines(int from, int to) {
        StringBuilder body = new StringBuilder();
        for (int n = from; n <= to; n++) {
            Map<String, Object> image = new HashMap<>();
            image.put("objectId", "pq-" + n);
            String sha = ImageLines.sha(8100 + n);
            image.put("sha256", sha);
            image.put("storageKey", "sha256/" + sha.substring(0, 2) + "/" + sha);
            image.put("instrument", n % 4 == 3 ? "Zooscan" : "UVP6");
            image.put("format", n % 2 == 0 ? "png" : "jpg");
            image.put("pixelSizeUm", n % 2 == 0 ? 73.0 : 10.6);
            image.put("latitude", -60 + n * 6.25);
            image.put("longitude", -170 + n * 17.5);
            image.put("depthMin", n % 5 == 2 ? null : n * 1.5);
            image.put("depthMax", n % 5 == 2 || n % 5 == 1 ? null : n * 1.5 + 10);
            image.put("altitude", n % 5 == 2 ? 412.5 : null);
            image.put("observedAt", n == 7 ? "1968-03-04T05:06:07.000001Z"
                    : String.format("2021-%02d-%02dT%02d:15:%02d.%06dZ", 1 + n % 12, 1 + n, n, n * 2, n * 12_345));
            image.put("sampleId", n % 2 == 0 ? null : "cast, \"" + n + "\"");
            image.put("label", n % 3 == 0 ? null : n % 3 == 1 ? "Copepoda" : "Copépode ✓");
            image.put("labelStatus", n % 3 == 0 ? null : n % 2 == 0 ? "predicted" : "validated");
            image.put("traits", n % 4 == 0 ? null : Map.of("eggs", n % 2 == 0, "length_mm", n * 0.1));
            if (n % 6 == 5) {
                image.put("raw", null); // else ImageLines' raw columns, with a tab and a line end
            }
            body.append(ImageLines.line(n, image)).append('\n');
        }
        return body.toString();
    }

    @Test
    void rowsEqualTheSearchResultForTheSameFilter() throws Exception {
        List<UnaryOperator<RequestSpecification>> filters = List.of(
                request -> request.queryParam("instrument", "UVP6"),
                request -> request.queryParam("bbox", "-100,-40,60,40").queryParam("labelled", true));
        for (UnaryOperator<RequestSpecification> filter : filters) {
            byte[] file = filter.apply(given().auth().oauth2(member).queryParam("dataset", first, second))
                    .queryParam("format", "parquet")
                    .when().get("/api/exports/images").then().statusCode(200)
                    .contentType("application/vnd.apache.parquet")
                    .header("Content-Disposition", "attachment; filename=\"aqqua_images.parquet\"")
                    .extract().asByteArray();
            JsonNode searched = json.readTree(filter.apply(given().auth().oauth2(member)
                    .queryParam("dataset", first, second)).queryParam("limit", 1000)
                    .when().get("/api/images").then().statusCode(200).extract().asString()).get("items");

            List<JsonNode> exported = new ArrayList<>();
            for (ImageView image : ParquetFiles.read(file).images()) {
                exported.add(json.readTree(json.writeValueAsString(image)));
            }
            assertThat(searched.size()).isBetween(3, 19);
            assertThat(exported).containsExactlyElementsOf(searched);
        }
    }

    @Test
    void valuesKeepTheirTypesAndPrecision() throws Exception {
        byte[] file = given().auth().oauth2(member).queryParam("dataset", first).queryParam("format", "parquet")
                .when().get("/api/exports/images").then().statusCode(200).extract().asByteArray();
        List<ImageView> images = ParquetFiles.read(file).images();
        assertThat(images).hasSize(12);
        ImageView seventh = images.stream().filter(i -> i.objectId().equals("pq-7")).findFirst().orElseThrow();
        assertThat(seventh.observedAt()).isEqualTo(Instant.parse("1968-03-04T05:06:07.000001Z"));
        assertThat(seventh.depthMin()).isNull();
        assertThat(seventh.altitude()).isEqualTo(412.5);
        assertThat(seventh.label()).isEqualTo("Copepoda");
        assertThat(seventh.sampleId()).isEqualTo("cast, \"7\"");
        ImageView fifth = images.stream().filter(i -> i.objectId().equals("pq-5")).findFirst().orElseThrow();
        assertThat(fifth.observedAt()).isEqualTo(Instant.parse("2021-06-06T05:15:10.061725Z"));
        assertThat(fifth.label()).isEqualTo("Copépode ✓");
        assertThat(json.readTree(fifth.traits())).isEqualTo(json.readTree("{\"eggs\": false, \"length_mm\": 0.5}"));
    }

    @Test
    void anEmptySelectionIsAValidFileWithNoRows() throws Exception {
        byte[] file = given().auth().oauth2(member).queryParam("dataset", first).queryParam("instrument", "none")
                .queryParam("format", "parquet")
                .when().get("/api/exports/images").then().statusCode(200).extract().asByteArray();
        ParquetFiles.Contents contents = ParquetFiles.read(file);
        assertThat(contents.rows()).isEmpty();
        assertThat(contents.schema().getFields()).hasSize(22);
    }

    @Test
    void anUnknownFormatNamesTheParameterAndTheChoices() {
        given().auth().oauth2(member).queryParam("format", "parquet2").when().get("/api/exports/images")
                .then().statusCode(400).body("errors[0].field", equalTo("format"))
                .body("errors[0].message", containsString("parquet"));
    }
}
