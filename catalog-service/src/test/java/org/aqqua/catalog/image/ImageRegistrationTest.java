package org.aqqua.catalog.image;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.aqqua.catalog.dataset.Dataset;
import org.aqqua.catalog.dataset.DatasetStatus;
import org.aqqua.catalog.dataset.TestDatasets;
import org.aqqua.testing.AqquaInfrastructureResource;
import org.aqqua.testing.DemoRealm;
import org.aqqua.testing.Tokens;
import org.junit.jupiter.api.Test;

/** Bulk registration by the ingest service: streamed NDJSON, idempotent, all-or-nothing, errors by line. */
@QuarkusTest
@WithTestResource(value = AqquaInfrastructureResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "catalog-service"))
class ImageRegistrationTest {

    private static final String NDJSON = "application/x-ndjson";

    @Test
    void registersOnceAndSkipsWhatTheDatasetAlreadyHolds() {
        UUID dataset = receiving();
        post(dataset, ImageLines.lines(1, 5)).then().statusCode(200)
                .body("received", equalTo(5)).body("registered", equalTo(5)).body("duplicates", equalTo(0));
        // The same request again changes nothing; a new object id with a known image is a duplicate too.
        post(dataset, ImageLines.lines(1, 5)).then().statusCode(200)
                .body("registered", equalTo(0)).body("duplicates", equalTo(5));
        post(dataset, ImageLines.line(6) + "\n" + ImageLines.line(1, Map.of("objectId", "renamed")) + "\r\n\n")
                .then().statusCode(200).body("received", equalTo(2)).body("registered", equalTo(1));
        // Repeats inside one request keep their first line.
        post(dataset, ImageLines.line(7) + "\n" + ImageLines.line(7) + "\n"
                + ImageLines.line(8, Map.of("sha256", ImageLines.sha(7))) + "\n")
                .then().statusCode(200).body("received", equalTo(3)).body("registered", equalTo(1))
                .body("duplicates", equalTo(2));

        Dataset stored = QuarkusTransaction.requiringNew().call(() -> Dataset.findById(dataset));
        assertThat(stored.imageCount).isEqualTo(7);
        assertThat(stored.imageBytes).isEqualTo(7 * 10_000 + (1 + 2 + 3 + 4 + 5 + 6 + 7));
        String raw = QuarkusTransaction.requiringNew().call(() -> (String) Dataset.getEntityManager()
                .createNativeQuery("select raw->>'comment' from image where dataset_id = ?1 and object_id = 'obj-2'")
                .setParameter(1, dataset).getSingleResult());
        assertThat(raw).isEqualTo("tab\there\nnewline \\ backslash");
    }

    @Test
    void anInvalidLineRegistersNothingAndIsNamed() {
        UUID dataset = receiving();
        Map<String, Object> badLatitude = new HashMap<>(Map.of("latitude", 91.5));
        Map<String, Object> noDepth = new HashMap<>();
        noDepth.put("depthMin", null);
        noDepth.put("depthMax", null);
        String body = ImageLines.line(1) + "\n" + "{\"objectId\": \"broken\", " + "\n"
                + ImageLines.line(3, badLatitude) + "\n" + ImageLines.line(4, noDepth) + "\n"
                + ImageLines.line(5, Map.of("labelStatus", "maybe")) + "\n";
        post(dataset, body).then().statusCode(422).contentType("application/problem+json")
                .body("detail", equalTo("4 invalid line(s); nothing was registered."))
                .body("errors[0].row", equalTo(2))
                .body("errors[1].row", equalTo(3))
                .body("errors[1].field", equalTo("latitude"))
                .body("errors[1].value", equalTo("91.5"))
                .body("errors[2].row", equalTo(4))
                .body("errors[2].field", equalTo("depthOrAltitude"))
                .body("errors[3].row", equalTo(5))
                .body("errors[3].field", equalTo("labelStatus"));
        Dataset stored = QuarkusTransaction.requiringNew().call(() -> Dataset.findById(dataset));
        assertThat(stored.imageCount).isZero();
        post(dataset, ImageLines.lines(1, 1)).then().statusCode(200).body("registered", equalTo(1));
    }

    /** Values PostgreSQL cannot store are refused by line and field (422), not found out by the insert (500). */
    @Test
    void valuesTheDatabaseCannotHoldAreNamed() {
        UUID dataset = receiving();
        String body = ImageLines.line(1) + "\n" + ImageLines.line(2, Map.of("objectId", "obj\u00002")) + "\n"
                + ImageLines.line(3, Map.of("raw", Map.of("comment", "broken \u0000 cell"))) + "\n"
                + ImageLines.line(4, Map.of("traits", Map.of("eggs\u0000", true))) + "\n"
                + ImageLines.line(5, Map.of("observedAt", "0000-12-31T23:00:00Z")) + "\n"
                + ImageLines.line(6, Map.of("observedAt", "+10000-01-01T00:00:00Z")) + "\n"
                + ImageLines.line(7, Map.of("raw", Map.of("note", "a backslash and u0000, written: \\u0000"))) + "\n";
        post(dataset, body).then().statusCode(422).contentType("application/problem+json")
                .body("detail", equalTo("5 invalid line(s); nothing was registered."))
                .body("errors[0].row", equalTo(2))
                .body("errors[0].field", equalTo("objectId"))
                .body("errors[0].value", equalTo("obj\\u00002"))
                .body("errors[1].row", equalTo(3))
                .body("errors[1].field", equalTo("raw.comment"))
                .body("errors[1].value", equalTo("broken \\u0000 cell"))
                .body("errors[2].row", equalTo(4))
                .body("errors[2].field", equalTo("traits"))
                .body("errors[2].value", equalTo("eggs\\u0000"))
                .body("errors[3].row", equalTo(5))
                .body("errors[3].field", equalTo("observedAt"))
                .body("errors[3].value", equalTo("0000-12-31T23:00:00Z"))
                .body("errors[4].row", equalTo(6))
                .body("errors[4].field", equalTo("observedAt"));
        Dataset stored = QuarkusTransaction.requiringNew().call(() -> Dataset.findById(dataset));
        assertThat(stored.imageCount).isZero();
        // Its six letters written as text (a backslash, then u0000) are not the character: line 7 alone registers.
        post(dataset, ImageLines.line(7, Map.of("raw", Map.of("note", "written: \\u0000")))).then().statusCode(200)
                .body("registered", equalTo(1));
    }

    @Test
    void onlyServiceAccountsRegisterAndOnlyIntoOpenDatasets() {
        UUID dataset = receiving();
        given().auth().oauth2(Tokens.forUser(DemoRealm.CURATOR)).contentType(NDJSON).body(ImageLines.lines(1, 1).getBytes(StandardCharsets.UTF_8))
                .when().post("/internal/datasets/{id}/images", dataset).then().statusCode(403);
        given().contentType(NDJSON).body(ImageLines.lines(1, 1).getBytes(StandardCharsets.UTF_8))
                .when().post("/internal/datasets/{id}/images", dataset).then().statusCode(401);
        post(UUID.randomUUID(), ImageLines.lines(1, 1)).then().statusCode(404);
        UUID released = TestDatasets.create("someone", "Released", DatasetStatus.RELEASED).id;
        post(released, ImageLines.lines(1, 1)).then().statusCode(409).contentType("application/problem+json");
    }

    private static UUID receiving() {
        return TestDatasets.create("owner-" + UUID.randomUUID(), "Registration", DatasetStatus.RECEIVING).id;
    }

    private static io.restassured.response.Response post(UUID dataset, String body) {
        return given().auth().oauth2(Tokens.forClient(DemoRealm.INGEST_CLIENT, DemoRealm.INGEST_SECRET))
                .contentType(NDJSON).body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/internal/datasets/{id}/images", dataset);
    }
}
