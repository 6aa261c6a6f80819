package org.aqqua.catalog.publication;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Nothing of a dataset is public before its release instant — not the record, an image, its content or a count —
 * and all of it is from that instant on. The catalog's clock is set one second either side of the instant.
 */
@QuarkusTest
@WithTestResource(value = AqquaInfrastructureResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "catalog-service"))
class PublicEmbargoTest {

    private static final Instant INSTANT = TestDatasets.RELEASE_INSTANT;
    static UUID released;
    static UUID ready;
    static long releasedImage;
    static long readyImage;

    @Inject
    MutableClock clock;

    /** Once per class, but in @BeforeEach: RestAssured knows the test port only from then on. */
    @BeforeEach
    void datasets() {
        if (released != null) {
            return;
        }
        // "released" already carries the status, so only the embargo instant keeps it private before it.
        released = TestDatasets.create("owner-a", "Public after the instant", DatasetStatus.RECEIVING).id;
        ready = TestDatasets.create("owner-b", "Never released", DatasetStatus.RECEIVING).id;
        register(released, ImageLines.line(1, Map.of("sha256", ImageLines.sha(5001))));
        register(ready, ImageLines.line(2, Map.of("sha256", ImageLines.sha(5002))));
        QuarkusTransaction.requiringNew().run(() -> {
            Dataset.<Dataset>findById(released).status = DatasetStatus.RELEASED;
            Dataset.<Dataset>findById(ready).status = DatasetStatus.READY;
        });
        String member = Tokens.forUser(DemoRealm.MEMBER);
        releasedImage = given().auth().oauth2(member).queryParam("dataset", released).get("/api/images")
                .then().extract().jsonPath().getLong("items[0].id");
        readyImage = given().auth().oauth2(member).queryParam("dataset", ready).get("/api/images")
                .then().extract().jsonPath().getLong("items[0].id");
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void oneSecondBeforeTheInstantNothingIsPublic() {
        clock.set(INSTANT.minus(Duration.ofSeconds(1)));
        for (UUID dataset : new UUID[] {released, ready}) {
            given().when().get("/public/datasets").then().statusCode(200)
                    .body("id", not(hasItem(dataset.toString())));
            given().when().get("/public/datasets/{id}", dataset).then().statusCode(404)
                    .contentType("application/problem+json");
            given().queryParam("dataset", dataset).when().get("/public/images").then().statusCode(200)
                    .body("items.size()", equalTo(0));
        }
        for (long image : new long[] {releasedImage, readyImage}) {
            given().when().get("/public/images/{id}", image).then().statusCode(404);
            given().redirects().follow(false).when().get("/public/images/{id}/content", image).then().statusCode(404);
        }
    }

    @Test
    void oneSecondAfterTheInstantTheReleasedDatasetIsPublicAndOnlyIt() {
        clock.set(INSTANT.plus(Duration.ofSeconds(1)));
        given().when().get("/public/datasets").then().statusCode(200)
                .body("id", hasItem(released.toString()))
                .body("id", not(hasItem(ready.toString())));
        given().when().get("/public/datasets/{id}", released).then().statusCode(200)
                .body("imageCount", equalTo(1))
                .body("licence", equalTo("CC-BY-NC-4.0"));
        given().when().get("/public/datasets/{id}", ready).then().statusCode(404);
        given().queryParam("dataset", released, ready).when().get("/public/images").then().statusCode(200)
                .body("items.id", contains((int) releasedImage));
        given().when().get("/public/images/{id}", releasedImage).then().statusCode(200);
        given().when().get("/public/images/{id}", readyImage).then().statusCode(404);
        given().redirects().follow(false).when().get("/public/images/{id}/content", releasedImage)
                .then().statusCode(302);
    }

    @Test
    void publicResponsesCarryNoContactData() {
        clock.set(INSTANT.plus(Duration.ofSeconds(1)));
        String body = given().when().get("/public/datasets").then().statusCode(200).extract().asString()
                + given().queryParam("dataset", released).when().get("/public/images").then().extract().asString();
        org.assertj.core.api.Assertions.assertThat(body).doesNotContain("@", "ownerSubject", "owner-a");
    }

    private static void register(UUID dataset, String line) {
        given().auth().oauth2(Tokens.forClient(DemoRealm.INGEST_CLIENT, DemoRealm.INGEST_SECRET))
                .contentType("application/x-ndjson").body((line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/internal/datasets/{id}/images", dataset).then().statusCode(200);
    }
}
