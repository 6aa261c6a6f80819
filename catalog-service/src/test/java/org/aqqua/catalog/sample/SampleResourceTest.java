package org.aqqua.catalog.sample;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.aqqua.catalog.dataset.Dataset;
import org.aqqua.catalog.dataset.DatasetStatus;
import org.aqqua.catalog.dataset.TestDatasets;
import org.aqqua.catalog.image.ImageLines;
import org.aqqua.testing.AqquaInfrastructureResource;
import org.aqqua.testing.DemoRealm;
import org.aqqua.testing.MutableClock;
import org.aqqua.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Samples follow the images registered under them: counts and ranges grow with each registration, in the same
 * transaction, and repeats registered again change nothing. Members see them, providers only their own datasets'
 * and the public only a released dataset's, from its release instant.
 */
@QuarkusTest
@WithTestResource(value = AqquaInfrastructureResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "catalog-service"))
class SampleResourceTest {

    @Inject
    MutableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void samplesCountAndSpanTheirImagesAcrossRegistrations() {
        UUID dataset = TestDatasets.create("owner-samples", "Two stations", DatasetStatus.RECEIVING).id;
        register(dataset, image(7101, "station-b", 10.0, -20.0, "2021-06-01T10:00:00Z", 5.0, 10.0)
                + image(7102, "station-a", 43.5, 7.25, "2021-06-02T10:00:00Z", 0.0, 50.0)
                + image(7103, "station-a", 43.7, 7.35, "2021-06-01T08:00:00Z", 100.0, null)
                + ImageLines.line(7104) + "\n"); // no sample id: counted by no sample
        String member = Tokens.forUser(DemoRealm.MEMBER);
        given().auth().oauth2(member).get("/api/datasets/{id}/samples", dataset).then().statusCode(200)
                .body("items.sampleId", contains("station-a", "station-b"))
                .body("items[0].images", equalTo(2))
                .body("items[0].bytes", equalTo(2 * 10_000 + 7102 + 7103))
                .body("items[0].latitude.min", equalTo(43.5f)).body("items[0].latitude.max", equalTo(43.7f))
                .body("items[0].longitude.min", equalTo(7.25f)).body("items[0].longitude.max", equalTo(7.35f))
                .body("items[0].observed.first", equalTo("2021-06-01T08:00:00Z"))
                .body("items[0].observed.last", equalTo("2021-06-02T10:00:00Z"))
                .body("items[0].depth.min", equalTo(0.0f)).body("items[0].depth.max", equalTo(100.0f))
                .body("items[0].altitude", nullValue())
                .body("next", nullValue());

        // A second registration widens station-a; the same images again change nothing.
        register(dataset, image(7105, "station-a", 44.0, 7.0, "2021-06-03T10:00:00Z", 200.0, 210.0));
        register(dataset, image(7105, "station-a", 44.0, 7.0, "2021-06-03T10:00:00Z", 200.0, 210.0)
                + image(7101, "station-b", 10.0, -20.0, "2021-06-01T10:00:00Z", 5.0, 10.0));
        given().auth().oauth2(member).queryParam("limit", 1).get("/api/datasets/{id}/samples", dataset)
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].images", equalTo(3))
                .body("items[0].latitude.max", equalTo(44.0f)).body("items[0].longitude.min", equalTo(7.0f))
                .body("items[0].depth.max", equalTo(210.0f))
                .body("items[0].observed.last", equalTo("2021-06-03T10:00:00Z"))
                .body("next", equalTo("station-a"));
        given().auth().oauth2(member).queryParam("after", "station-a").get("/api/datasets/{id}/samples", dataset)
                .then().statusCode(200).body("items.sampleId", contains("station-b"))
                .body("items[0].images", equalTo(1));
    }

    @Test
    void providersSeeTheirOwnDatasetsSamplesOnly() {
        String provider = Tokens.forUser(DemoRealm.PROVIDER);
        UUID own = TestDatasets.create(Tokens.subjectOf(provider), "Mine", DatasetStatus.RECEIVING).id;
        UUID other = TestDatasets.create("someone-else", "Theirs", DatasetStatus.RECEIVING).id;
        register(own, image(7201, "s1", 1.0, 1.0, "2020-01-01T00:00:00Z", 1.0, 2.0));
        register(other, image(7202, "s1", 1.0, 1.0, "2020-01-01T00:00:00Z", 1.0, 2.0));

        given().auth().oauth2(provider).get("/api/datasets/{id}/samples", own).then().statusCode(200)
                .body("items.sampleId", contains("s1"));
        given().auth().oauth2(provider).get("/api/datasets/{id}/samples", other).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.forUser(DemoRealm.CURATOR)).get("/api/datasets/{id}/samples", other)
                .then().statusCode(200);
        given().get("/api/datasets/{id}/samples", own).then().statusCode(401);
        given().auth().oauth2(Tokens.forUser(DemoRealm.SERVICE_USER)).get("/api/datasets/{id}/samples", own)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forUser(DemoRealm.MEMBER)).queryParam("limit", 1001)
                .get("/api/datasets/{id}/samples", own).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void thePublicSeesSamplesOfAReleasedDatasetFromItsInstantOnly() {
        UUID dataset = TestDatasets.create("owner-public-samples", "Released", DatasetStatus.RECEIVING).id;
        register(dataset, image(7301, "cast-1", 2.0, 3.0, "2019-05-05T05:05:05Z", 10.0, 20.0));
        QuarkusTransaction.requiringNew().run(() ->
                Dataset.<Dataset>findById(dataset).status = DatasetStatus.RELEASED);

        clock.set(TestDatasets.RELEASE_INSTANT.minus(Duration.ofSeconds(1)));
        given().get("/public/datasets/{id}/samples", dataset).then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/public/datasets/{id}/samples", UUID.randomUUID()).then().statusCode(404);

        clock.set(TestDatasets.RELEASE_INSTANT.plus(Duration.ofSeconds(1)));
        given().get("/public/datasets/{id}/samples", dataset).then().statusCode(200)
                .body("items.sampleId", contains("cast-1")).body("items[0].images", equalTo(1));
    }

    private static String image(int n, String sample, double latitude, double longitude, String observedAt,
            Double depthMin, Double depthMax) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("sampleId", sample);
        fields.put("latitude", latitude);
        fields.put("longitude", longitude);
        fields.put("observedAt", observedAt);
        fields.put("depthMin", depthMin);
        fields.put("depthMax", depthMax);
        return ImageLines.line(n, fields) + "\n";
    }

    private static void register(UUID dataset, String lines) {
        given().auth().oauth2(Tokens.forClient(DemoRealm.INGEST_CLIENT, DemoRealm.INGEST_SECRET))
                .contentType("application/x-ndjson").body(lines.getBytes(StandardCharsets.UTF_8))
                .when().post("/internal/datasets/{id}/images", dataset).then().statusCode(200);
    }
}
