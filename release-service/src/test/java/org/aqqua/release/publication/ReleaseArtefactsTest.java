package org.aqqua.release.publication;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.aqqua.release.ReleaseClockTest;
import org.aqqua.release.artefact.DataCiteSchema;
import org.aqqua.release.artefact.ManifestColumns;
import org.aqqua.testing.AqquaInfrastructureResource;
import org.aqqua.testing.CatalogFixtures;
import org.aqqua.testing.CatalogFixtures.DatasetFixture;
import org.aqqua.testing.CatalogServiceResource;
import org.aqqua.testing.DemoRealm;
import org.aqqua.testing.ParquetContents;
import org.aqqua.testing.ReleaseFiles;
import org.aqqua.testing.Tokens;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Release artefacts against the real catalog, Keycloak and S3: built from the catalog's records, published by
 * the release at its instant and not a second before, equal to the catalog, free of contact e-mails; rehearsals
 * build the same privately for the datasets the plan names; a withdrawal after the release leaves a tombstone.
 */
@QuarkusTest
@WithTestResource(value = AqquaInfrastructureResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "release-service"))
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.GLOBAL)
class ReleaseArtefactsTest extends ReleaseClockTest {

    static final List<String> FILES = List.of("images.parquet", "dwca.zip", "images-0001.tar", "images-index.csv",
            "citation.txt", "citation.bib", "citation.csl.json", "datacite.xml", "schema-org.jsonld", "croissant.json",
            "datapackage.json");

    static String curator;
    static String owner;

    @BeforeAll
    static void tokens() {
        curator = Tokens.forUser(DemoRealm.CURATOR);
        owner = Tokens.subjectOf(Tokens.forUser(DemoRealm.PROVIDER));
    }

    @Test
    void theFilesArePublicFromTheReleaseOnEqualToTheCatalogAndWithoutContactEmails() throws Exception {
        UUID dataset = CatalogFixtures.releasable(owner).images(5).create();

        clock.set(INSTANT.minusSeconds(1));
        scheduler.runOnce();
        given().when().get("/public/releases/datasets/{id}", dataset).then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/public/releases/aqqua/citation.txt").then().statusCode(404);
        given().redirects().follow(false).when().get("/public/releases/datasets/{id}/files/datacite.xml", dataset)
                .then().statusCode(404);

        clock.set(INSTANT.plusSeconds(1));
        assertThat(scheduler.runOnce().released()).contains(dataset);
        JsonPath listing = given().when().get("/public/releases/datasets/{id}", dataset).then().statusCode(200)
                .body("licence", equalTo("CC-BY-NC-4.0")).body("images", equalTo(5)).extract().jsonPath();
        assertThat(listing.getList("files.name", String.class)).containsExactlyInAnyOrderElementsOf(FILES);

        for (Map<String, Object> file : listing.<Map<String, Object>>getList("files")) {
            byte[] content = download(dataset, (String) file.get("name"));
            assertThat(content).hasSize(((Number) file.get("bytes")).intValue());
            assertThat(sha256(content)).as((String) file.get("name")).isEqualTo(file.get("sha256"));
            if (!file.get("name").equals("images.parquet")) {
                assertThat(text(file.get("name").toString(), content)).as(file.get("name").toString())
                        .doesNotContain(DatasetFixture.OWNER_EMAIL);
            }
        }

        ParquetContents manifest = ParquetContents.read(download(dataset, "images.parquet"));
        assertThat(manifest.schema().getFields()).extracting(Type::getName)
                .containsExactlyElementsOf(ManifestColumns.ALL.stream().map(ManifestColumns.Column::name).toList());
        Set<Long> catalogIds = new HashSet<>(given().baseUri(CatalogServiceResource.catalogUrl())
                .queryParam("dataset", dataset).when().get("/public/images").then().statusCode(200).extract()
                .jsonPath().getList("items.id", Long.class));
        assertThat(manifest.rows()).extracting(row -> row.getLong("id", 0)).containsExactlyInAnyOrderElementsOf(catalogIds);
        Group first = manifest.rows().get(0);
        assertThat(first.getString("dataset_id", 0)).isEqualTo(dataset.toString());
        assertThat(first.getDouble("latitude", 0)).isEqualTo(43.68);

        byte[] dataCiteXml = download(dataset, "datacite.xml");
        assertThat(DataCiteSchema.violations(dataCiteXml)).isEmpty();
        String dataCite = new String(dataCiteXml, StandardCharsets.UTF_8);
        assertThat(dataCite).contains("<creatorName nameType=\"Personal\">Owner, Fixture</creatorName>",
                "<affiliation>AqQua test institute</affiliation>", "<date dateType=\"Available\">2027-07-15</date>",
                "rightsIdentifier=\"CC-BY-NC-4.0\"", "<identifier identifierType=\"DOI\">10.5072/aqqua." + dataset);
        JsonPath croissant = new JsonPath(new String(download(dataset, "croissant.json"), StandardCharsets.UTF_8));
        assertThat(croissant.getString("conformsTo")).isEqualTo("http://mlcommons.org/croissant/1.0");
        assertThat(croissant.getString("distribution[0].sha256"))
                .isEqualTo(listing.getString("files.find { it.name == 'images.parquet' }.sha256"));
        assertThat(occurrences(download(dataset, "dwca.zip"))).isEqualTo(5);

        // Every image is addressable in the packs by its id: offset and length into a pack give its content.
        List<String> index = new String(download(dataset, "images-index.csv"), StandardCharsets.UTF_8).lines()
                .skip(1).toList();
        assertThat(index).hasSize(5);
        byte[] pack = download(dataset, "images-0001.tar");
        List<Long> ids = catalogIds.stream().sorted().toList();
        for (String row : index) {
            String[] cells = row.split(",");
            int fixture = ids.indexOf(Long.parseLong(cells[0]));
            int offset = Integer.parseInt(cells[2]);
            assertThat(cells[1]).isEqualTo("images-0001.tar");
            assertThat(java.util.Arrays.copyOfRange(pack, offset, offset + Integer.parseInt(cells[3])))
                    .as("image %s", cells[0]).isEqualTo(CatalogFixtures.content(fixture));
        }

        // AqQua as a whole: every owner a co-author, every released dataset a part.
        given().when().get("/public/releases/aqqua/citation.txt").then().statusCode(200)
                .body(containsString("Owner, Fixture")).body(containsString("AqQua: plankton and particle images"));
        byte[] collectionXml = given().when().get("/public/releases/aqqua/datacite.xml").then().statusCode(200)
                .body(containsString("relationType=\"HasPart\">10.5072/aqqua." + dataset + "<"))
                .body(org.hamcrest.Matchers.not(containsString(DatasetFixture.OWNER_EMAIL))).extract().asByteArray();
        assertThat(DataCiteSchema.violations(collectionXml)).isEmpty();
    }

    @Test
    void aRehearsalBuildsPrivatelyExactlyTheDatasetsThePlanReleasesAndValidatesThem() {
        UUID ready = CatalogFixtures.releasable(owner).images(2).create();
        UUID receiving = CatalogFixtures.releasable(owner).status("receiving").images(1).create();
        String asOf = INSTANT.plusSeconds(1).toString();

        given().auth().oauth2(Tokens.forUser(DemoRealm.MEMBER)).queryParam("asOf", asOf)
                .when().post("/api/releases/rehearsals").then().statusCode(403);
        given().auth().oauth2(curator).when().post("/api/releases/rehearsals").then().statusCode(400)
                .body("errors[0].field", equalTo("asOf"));

        Set<String> planned = new HashSet<>(given().auth().oauth2(curator).queryParam("asOf", asOf)
                .when().get("/api/releases/plan").then().statusCode(200).extract().jsonPath()
                .getList("toRelease.items.id", String.class));
        String id = given().auth().oauth2(curator).queryParam("asOf", asOf).when().post("/api/releases/rehearsals")
                .then().statusCode(202).body("state", equalTo("running")).extract().path("id");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> !"running".equals(
                given().auth().oauth2(curator).get("/api/releases/rehearsals/{id}", id).path("state")));
        JsonPath report = given().auth().oauth2(curator).get("/api/releases/rehearsals/{id}", id).then()
                .statusCode(200).body("state", equalTo("succeeded")).extract().jsonPath();

        assertThat(report.getBoolean("report.valid")).as(report.prettify()).isTrue();
        assertThat(new HashSet<>(report.getList("report.items.id", String.class))).isEqualTo(planned)
                .contains(ready.toString()).doesNotContain(receiving.toString());
        assertThat(report.getList("report.items.find { it.id == '" + ready + "' }.files.name", String.class))
                .containsExactlyInAnyOrderElementsOf(FILES);
        // Nothing of it is public: the dataset is not released, and the rehearsal's files are not its release.
        given().when().get("/public/releases/datasets/{id}", ready).then().statusCode(404);
    }

    @Test
    void aWithdrawalAfterTheReleaseLeavesATombstoneAndServesNoFile() {
        UUID dataset = CatalogFixtures.releasable(owner).images(1).create();
        clock.set(INSTANT.plusSeconds(2));
        assertThat(scheduler.runOnce().released()).contains(dataset);
        given().when().get("/public/releases/datasets/{id}", dataset).then().statusCode(200);

        given().auth().oauth2(curator).contentType("application/json")
                .body("{\"reason\":\"the owner found mislabelled images\"}")
                .when().post("/api/datasets/{id}/withdrawal", dataset).then().statusCode(200);
        given().when().get("/public/releases/datasets/{id}", dataset).then().statusCode(410)
                .contentType("application/problem+json")
                .body("detail", containsString("withdrawn")).body("detail", containsString("mislabelled images"));
        given().redirects().follow(false).when().get("/public/releases/datasets/{id}/files/citation.txt", dataset)
                .then().statusCode(410);
    }

    private static byte[] download(UUID dataset, String name) throws Exception {
        HttpResponse<byte[]> response = ReleaseFiles.download(given(), dataset, name);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** A file's text; a zip's entries' texts one after the other. */
    private static String text(String name, byte[] content) throws Exception {
        if (!name.endsWith(".zip")) {
            return new String(content, StandardCharsets.UTF_8);
        }
        StringBuilder text = new StringBuilder();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                text.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }

    private static long occurrences(byte[] archive) throws Exception {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("occurrence.txt")) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8).lines().count() - 1;
                }
            }
        }
        return -1;
    }

    private static String sha256(byte[] content) throws Exception {
        return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
