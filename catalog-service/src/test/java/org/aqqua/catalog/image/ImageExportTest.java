package org.aqqua.catalog.image;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aqqua.catalog.dataset.DatasetStatus;
import org.aqqua.catalog.dataset.TestDatasets;
import org.aqqua.testing.AqquaInfrastructureResource;
import org.aqqua.testing.DemoRealm;
import org.aqqua.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Exports stream exactly what the same query returns, in each format. */
@QuarkusTest
@WithTestResource(value = AqquaInfrastructureResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "catalog-service"))
class ImageExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static UUID dataset;
    static String member;

    @BeforeEach
    void images() {
        if (dataset != null) {
            return;
        }
        member = Tokens.forUser(DemoRealm.MEMBER);
        dataset = TestDatasets.create("exporter", "Export", DatasetStatus.RECEIVING).id;
        StringBuilder body = new StringBuilder();
        for (int n = 1; n <= 30; n++) {
            body.append(ImageLines.line(n, Map.of("sha256", ImageLines.sha(7000 + n), "sampleId", "cast, \"7\"")))
                    .append('\n');
        }
        ImageSearchTest.register(dataset, body.toString());
    }

    @Test
    void jsonLinesEqualTheSearchResult() throws Exception {
        String export = given().auth().oauth2(member).queryParam("dataset", dataset).queryParam("format", "jsonl")
                .queryParam("labelled", true)
                .when().get("/api/exports/images").then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"aqqua_images.jsonl\"")
                .extract().asString();
        List<JsonNode> exported = new ArrayList<>();
        for (String line : export.split("\n")) {
            exported.add(JSON.readTree(line));
        }
        JsonNode searched = JSON.readTree(given().auth().oauth2(member).queryParam("dataset", dataset)
                .queryParam("labelled", true).queryParam("limit", 1000)
                .when().get("/api/images").then().extract().asString()).get("items");
        assertThat(exported).hasSize(20).containsExactlyElementsOf(searched);
    }

    /** COPY takes no parameters: the filter's values are written into the query as literals, and stay values. */
    @Test
    void exportsApplyEveryKindOfFilterValueLikeTheSearch() throws Exception {
        Map<String, Object> filters = Map.of("dataset", dataset, "bbox", "7,43,7.5,44", "from",
                "2021-06-02T00:00:00Z", "to", "2021-06-05T00:00:00.5Z", "depthMin", 4.5, "labelStatus", "validated");
        String export = given().auth().oauth2(member).queryParams(filters).queryParam("format", "jsonl")
                .when().get("/api/exports/images").then().statusCode(200).extract().asString();
        List<JsonNode> exported = new ArrayList<>();
        for (String line : export.split("\n")) {
            exported.add(JSON.readTree(line));
        }
        JsonNode searched = JSON.readTree(given().auth().oauth2(member).queryParams(filters).queryParam("limit", 1000)
                .when().get("/api/images").then().statusCode(200).extract().asString()).get("items");
        assertThat(searched).isNotEmpty();
        assertThat(exported).containsExactlyElementsOf(searched);

        String quoted = given().auth().oauth2(member).queryParam("dataset", dataset).queryParam("format", "csv")
                .queryParam("label", "Copepoda' or '1'='1").queryParam("instrument", "UVP6\\")
                .when().get("/api/exports/images").then().statusCode(200).extract().asString();
        assertThat(quoted.split("\r\n")).hasSize(1); // the header only: no image has such a label
    }

    @Test
    void csvQuotesWhatNeedsQuoting() {
        String csv = given().auth().oauth2(member).queryParam("dataset", dataset).queryParam("format", "csv")
                .when().get("/api/exports/images").then().statusCode(200).extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(31);
        assertThat(lines[0]).startsWith("id,dataset_id,object_id,sha256,storage_key,");
        assertThat(lines[1]).contains(",\"cast, \"\"7\"\"\",").contains(ImageLines.sha(7001));
    }

    @Test
    void ecotaxaTableHasTheTypeRowAndEcoTaxaForms() {
        String tsv = given().auth().oauth2(member).queryParam("dataset", dataset).queryParam("format", "ecotaxa")
                .when().get("/api/exports/images").then().statusCode(200).extract().asString();
        String[] lines = tsv.split("\n");
        assertThat(lines).hasSize(32);
        assertThat(lines[0].split("\t")).startsWith("img_file_name", "object_id", "object_lat", "object_lon",
                "object_date", "object_time");
        assertThat(lines[1].split("\t")).startsWith("[t]", "[t]", "[f]", "[f]", "[t]", "[t]");
        assertThat(lines[2].split("\t", -1)).startsWith("images/" + ImageLines.sha(7001) + ".png", "obj-1", "43.68",
                "7.31", "20210602", "101500");
    }

    @Test
    void formatIsRequiredAndChecked() {
        given().auth().oauth2(member).queryParam("format", "xlsx").when().get("/api/exports/images")
                .then().statusCode(400).body("errors[0].field", equalTo("format"));
        given().auth().oauth2(member).when().get("/api/exports/images")
                .then().statusCode(400).body("errors[0].field", equalTo("format"));
        given().when().get("/api/exports/images").then().statusCode(401);
    }
}
