package org.aqqua.ingest.upload;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.aqqua.testing.AqquaInfrastructureResource;
import org.aqqua.testing.CatalogFixtures;
import org.aqqua.testing.CatalogServiceResource;
import org.aqqua.testing.DemoRealm;
import org.aqqua.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Resumable uploads against the real catalog-service (asked with ingest-service's own client-credentials token),
 * real Keycloak tokens and real S3 multipart uploads.
 */
@QuarkusTest
@WithTestResource(value = AqquaInfrastructureResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "ingest-service"))
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.GLOBAL)
class UploadResourceTest {

    static String provider;
    static String otherProvider;
    static String member;
    static UUID dataset;

    @BeforeAll
    static void fixtures() {
        provider = Tokens.forUser(DemoRealm.PROVIDER);
        otherProvider = Tokens.forUser(DemoRealm.OTHER_PROVIDER);
        member = Tokens.forUser(DemoRealm.MEMBER);
        dataset = CatalogFixtures.dataset(Tokens.subjectOf(provider), "receiving");
    }

    @Test
    void roleMatrix() {
        given().contentType("application/json").body("{\"fileName\":\"a.zip\",\"size\":10}")
                .when().post("/api/datasets/{id}/uploads", dataset)
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(member).contentType("application/json").body("{\"fileName\":\"a.zip\",\"size\":10}")
                .when().post("/api/datasets/{id}/uploads", dataset)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(otherProvider).contentType("application/json")
                .body("{\"fileName\":\"a.zip\",\"size\":10}")
                .when().post("/api/datasets/{id}/uploads", dataset)
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("No dataset " + dataset + "."));
        given().auth().oauth2(Tokens.forUser(DemoRealm.CURATOR)).contentType("application/json")
                .body("{\"fileName\":\"a.zip\",\"size\":10}")
                .when().post("/api/datasets/{id}/uploads", dataset)
                .then().statusCode(201);
    }

    @Test
    void releasedDatasetTakesNoUpload() {
        UUID released = CatalogFixtures.dataset(Tokens.subjectOf(provider), "released");
        given().auth().oauth2(provider).contentType("application/json").body("{\"fileName\":\"a.zip\",\"size\":10}")
                .when().post("/api/datasets/{id}/uploads", released)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("Dataset " + released + " is released and takes no more data."));
    }

    @Test
    void partsGoStraightToStorageAndAreListedForResumption() throws Exception {
        byte[] part = "first part of an archive".getBytes();
        JsonPath upload = given().auth().oauth2(provider).contentType("application/json")
                .body("{\"fileName\":\"bundle.zip\",\"size\":" + part.length + "}")
                .when().post("/api/datasets/{id}/uploads", dataset)
                .then().statusCode(201)
                .body("partCount", equalTo(1))
                .body("partUrls", hasSize(1))
                .body("state", equalTo("open"))
                .extract().jsonPath();
        String id = upload.getString("id");

        HttpResponse<String> put = put(upload.getString("partUrls[0].url"), part);
        assertThat(put.statusCode()).isEqualTo(200);
        String etag = put.headers().firstValue("ETag").orElseThrow();
        given().auth().oauth2(provider).contentType("application/json").body("{\"etag\":" + etag + "}")
                .when().put("/api/uploads/{id}/parts/1", id).then().statusCode(204);
        given().auth().oauth2(provider).contentType("application/json").body("{\"etag\":\"x\"}")
                .when().put("/api/uploads/{id}/parts/2", id).then().statusCode(400)
                .body("errors[0].field", equalTo("partNumber"));

        given().auth().oauth2(provider).when().get("/api/uploads/{id}", id)
                .then().statusCode(200)
                .body("receivedParts", hasSize(1))
                .body("receivedParts[0].partNumber", equalTo(1))
                .body("receivedParts[0].etag", equalTo(etag.replace("\"", "")));
        given().auth().oauth2(otherProvider).when().get("/api/uploads/{id}", id).then().statusCode(404);

        given().auth().oauth2(provider).when().delete("/api/uploads/{id}", id).then().statusCode(204);
        given().auth().oauth2(provider).when().get("/api/uploads/{id}", id)
                .then().statusCode(200).body("state", equalTo("aborted"));
    }

    @Test
    void aPartUrlOfOneUploadDoesNotWorkForAnother() throws Exception {
        String first = openUpload();
        JsonPath second = given().auth().oauth2(provider).when().get("/api/uploads/{id}", openUpload())
                .then().statusCode(200).extract().jsonPath();
        String firstUrl = given().auth().oauth2(provider).when().get("/api/uploads/{id}", first)
                .then().extract().jsonPath().getString("partUrls[0].url");
        String secondUploadId = queryParam(second.getString("partUrls[0].url"), "uploadId");
        String forged = firstUrl.replace("uploadId=" + queryParam(firstUrl, "uploadId"), "uploadId=" + secondUploadId);
        assertThat(put(forged, new byte[] {1, 2, 3}).statusCode()).isEqualTo(403);
    }

    @Test
    void invalidRequestsAreProblems() {
        given().auth().oauth2(provider).contentType("application/json").body("{\"fileName\":\"../etc/passwd\",\"size\":0}")
                .when().post("/api/datasets/{id}/uploads", dataset)
                .then().statusCode(422).contentType("application/problem+json")
                .body("title", equalTo("Unprocessable Content"))
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("fileName", "size"));
        given().auth().oauth2(provider).contentType("application/json").body("{\"fileName\":")
                .when().post("/api/datasets/{id}/uploads", dataset)
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", org.hamcrest.Matchers.startsWith("The request body is not valid JSON"));
        given().auth().oauth2(provider).when().get("/api/nothing-here")
                .then().statusCode(404).contentType("application/problem+json")
                .body("title", equalTo("Not Found"));
    }

    private static String openUpload() {
        return given().auth().oauth2(provider).contentType("application/json")
                .body("{\"fileName\":\"bundle.zip\",\"size\":100}")
                .when().post("/api/datasets/{id}/uploads", dataset)
                .then().statusCode(201).extract().jsonPath().getString("id");
    }

    private static HttpResponse<String> put(String url, byte[] body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String queryParam(String url, String name) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        throw new IllegalArgumentException(name + " not in " + url);
    }
}
