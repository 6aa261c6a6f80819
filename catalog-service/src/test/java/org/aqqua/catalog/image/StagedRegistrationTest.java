package org.aqqua.catalog.image;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.aqqua.catalog.dataset.Dataset;
import org.aqqua.catalog.dataset.DatasetStatus;
import org.aqqua.catalog.dataset.TestDatasets;
import org.aqqua.testing.AqquaInfrastructureResource;
import org.aqqua.testing.DemoRealm;
import org.aqqua.testing.MutableClock;
import org.aqqua.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Registration in parts: staged part by part, registered all together on commit, or not at all. */
@QuarkusTest
@WithTestResource(value = AqquaInfrastructureResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "catalog-service"))
class StagedRegistrationTest {

    private static final String NDJSON = "application/x-ndjson";

    @Inject
    MutableClock clock;

    @Inject
    StagedRegistrations registrations;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void partsAreRegisteredTogetherOnCommitAsOneRequestWouldBe() {
        UUID dataset = receiving();
        service().contentType(NDJSON).body(bytes(ImageLines.line(1))).post("/internal/datasets/{id}/images", dataset)
                .then().statusCode(200).body("registered", equalTo(1));
        String registration = start(dataset);
        stage(dataset, registration, 1, ImageLines.lines(1, 3)).then().statusCode(200)
                .body("stagedLines", equalTo(3));
        // Line 5 repeats line 2's image across parts; line 1 is held already: both are duplicates.
        stage(dataset, registration, 4, ImageLines.line(4) + "\n" + ImageLines.line(5, Map.of("sha256",
                ImageLines.sha(2))) + "\n" + ImageLines.line(6) + "\n").then().statusCode(200)
                .body("stagedLines", equalTo(6));
        assertThat(imageCount(dataset)).isEqualTo(1); // nothing of the parts before the commit
        commit(dataset, registration, 6).then().statusCode(200)
                .body("received", equalTo(6)).body("registered", equalTo(4)).body("duplicates", equalTo(2));

        assertThat(imageCount(dataset)).isEqualTo(5);
        assertThat(stagingTables(registration)).isZero();
        commit(dataset, registration, 6).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void partsStagedAtOnceDoNotWaitForEachOtherAndTheCommitWaitsForEveryPartUnderWay() throws Exception {
        UUID dataset = receiving();
        String registration = start(dataset);
        CountDownLatch firstPartOpen = new CountDownLatch(1);
        CountDownLatch firstPartMayEnd = new CountDownLatch(1);
        // Part one sends its line, then holds its request (and transaction) open until released.
        InputStream heldOpen = new SequenceInputStream(new ByteArrayInputStream(bytes(ImageLines.line(1) + "\n")),
                new InputStream() {
                    @Override
                    public int read() throws IOException {
                        firstPartOpen.countDown();
                        try {
                            firstPartMayEnd.await();
                        } catch (InterruptedException e) {
                            throw new IOException(e);
                        }
                        return -1;
                    }
                });
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            Future<StagedRegistrations.Staged> first = clients.submit(() -> registrations.stage(dataset,
                    UUID.fromString(registration), 1, heldOpen));
            assertThat(firstPartOpen.await(30, TimeUnit.SECONDS)).isTrue();
            // Part two is staged while part one is under way (parts were staged one at a time before).
            stage(dataset, registration, 2, ImageLines.lines(2, 3)).then().statusCode(200)
                    .body("stagedLines", equalTo(2));
            Future<io.restassured.response.Response> commit = clients.submit(() -> commit(dataset, registration, 3));
            Thread.sleep(300); // lets the commit reach the registration's row, which part one still holds
            assertThat(commit.isDone()).isFalse();
            firstPartMayEnd.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS).stagedLines()).isEqualTo(3);
            // The commit waited for part one: all three lines, not the two staged when it was sent.
            commit.get(30, TimeUnit.SECONDS).then().statusCode(200).body("received", equalTo(3))
                    .body("registered", equalTo(3));
        } finally {
            firstPartMayEnd.countDown();
            clients.shutdownNow();
        }
        assertThat(imageCount(dataset)).isEqualTo(3);
    }

    @Test
    void anInvalidLineIsNamedByItsNumberInTheWholeListAndAWrongCountCommitsNothing() {
        UUID dataset = receiving();
        String registration = start(dataset);
        stage(dataset, registration, 1, ImageLines.lines(1, 100)).then().statusCode(200);
        stage(dataset, registration, 101, ImageLines.line(101) + "\n" + ImageLines.line(102, Map.of("latitude", 91.5))
                + "\n").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].row", equalTo(102)).body("errors[0].field", equalTo("latitude"))
                .body("errors[0].value", equalTo("91.5"));
        // The refused part staged nothing, so the registration holds 100 lines, not the 102 the client sent.
        commit(dataset, registration, 102).then().statusCode(409)
                .body("detail", equalTo("Registration " + registration + " has 100 line(s) staged, not the 102 the "
                        + "commit names; nothing was registered."));
        assertThat(imageCount(dataset)).isZero();

        service().delete("/internal/datasets/{id}/registrations/{r}", dataset, registration).then().statusCode(204);
        assertThat(stagingTables(registration)).isZero();
        stage(dataset, registration, 101, ImageLines.line(101)).then().statusCode(404);
        assertThat(imageCount(dataset)).isZero();
    }

    @Test
    void registrationsUntouchedForADayAreDroppedWhenTheNextStarts() {
        UUID dataset = receiving();
        clock.set(Instant.now().minus(Duration.ofHours(25)));
        String abandoned = start(dataset);
        stage(dataset, abandoned, 1, ImageLines.lines(1, 2)).then().statusCode(200);
        clock.set(Instant.now().minus(Duration.ofHours(23)));
        String recent = start(dataset);
        clock.reset();

        start(dataset);
        assertThat(stagingTables(abandoned)).isZero();
        assertThat(stagingTables(recent)).isOne();
        // A load table lives minutes and is read once: autovacuum is kept off it (it analysed whole tables of
        // 50,000 lines while their registration's insert ran).
        assertThat(storageOptions(recent)).isEqualTo("autovacuum_enabled=false");
        stage(dataset, abandoned, 3, ImageLines.line(3)).then().statusCode(404);
    }

    @Test
    void onlyServiceAccountsStageAndOnlyIntoOpenDatasets() {
        UUID dataset = receiving();
        String registration = start(dataset);
        given().auth().oauth2(Tokens.forUser(DemoRealm.CURATOR)).post("/internal/datasets/{id}/registrations", dataset)
                .then().statusCode(403);
        given().contentType(NDJSON).body(bytes(ImageLines.line(1))).queryParam("firstLine", 1)
                .post("/internal/datasets/{id}/registrations/{r}/lines", dataset, registration).then().statusCode(401);
        service().post("/internal/datasets/{id}/registrations", UUID.randomUUID()).then().statusCode(404);
        UUID released = TestDatasets.create("someone", "Released", DatasetStatus.RELEASED).id;
        service().post("/internal/datasets/{id}/registrations", released).then().statusCode(409);
        // A registration belongs to its dataset, and the part's numbering is required.
        stage(receiving(), registration, 1, ImageLines.line(1)).then().statusCode(404);
        service().contentType(NDJSON).body(bytes(ImageLines.line(1)))
                .post("/internal/datasets/{id}/registrations/{r}/lines", dataset, registration).then().statusCode(400)
                .body("errors[0].field", equalTo("firstLine"));
        stage(dataset, registration, 0, ImageLines.line(1)).then().statusCode(400)
                .body("errors[0].field", equalTo("firstLine"));
        // Once the dataset is released, a commit registers nothing.
        stage(dataset, registration, 1, ImageLines.line(1)).then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> Dataset.<Dataset>findById(dataset).status = DatasetStatus.RELEASED);
        commit(dataset, registration, 1).then().statusCode(409);
        assertThat(imageCount(dataset)).isZero();
    }

    private static UUID receiving() {
        return TestDatasets.create("owner-" + UUID.randomUUID(), "Staged registration", DatasetStatus.RECEIVING).id;
    }

    private static RequestSpecification service() {
        return given().auth().oauth2(Tokens.forClient(DemoRealm.INGEST_CLIENT, DemoRealm.INGEST_SECRET));
    }

    private static String start(UUID dataset) {
        return service().post("/internal/datasets/{id}/registrations", dataset).then().statusCode(201)
                .body("stagedLines", equalTo(0)).extract().path("id");
    }

    private static io.restassured.response.Response stage(UUID dataset, String registration, long firstLine,
            String lines) {
        return service().contentType(NDJSON).body(bytes(lines)).queryParam("firstLine", firstLine)
                .post("/internal/datasets/{id}/registrations/{r}/lines", dataset, registration);
    }

    private static io.restassured.response.Response commit(UUID dataset, String registration, long lines) {
        return service().queryParam("lines", lines)
                .post("/internal/datasets/{id}/registrations/{r}/commit", dataset, registration);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static long imageCount(UUID dataset) {
        return QuarkusTransaction.requiringNew().call(() -> Dataset.<Dataset>findById(dataset).imageCount);
    }

    private static String storageOptions(String registration) {
        return QuarkusTransaction.requiringNew().call(() -> (String) Dataset.getEntityManager()
                .createNativeQuery("select array_to_string(reloptions, ',') from pg_class where relname = ?1")
                .setParameter(1, StagedRegistrations.table(UUID.fromString(registration))).getSingleResult());
    }

    private static long stagingTables(String registration) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Dataset.getEntityManager()
                .createNativeQuery("select count(*) from pg_tables where tablename = ?1")
                .setParameter(1, StagedRegistrations.table(UUID.fromString(registration))).getSingleResult())
                .longValue());
    }
}
