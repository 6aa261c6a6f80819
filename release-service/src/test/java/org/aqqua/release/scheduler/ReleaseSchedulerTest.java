package org.aqqua.release.scheduler;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.aqqua.release.ReleaseClockTest;
import org.aqqua.testing.AqquaInfrastructureResource;
import org.aqqua.testing.CatalogFixtures;
import org.aqqua.testing.CatalogServiceResource;
import org.aqqua.testing.DemoRealm;
import org.aqqua.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scheduler against the real catalog, run by the test at instants it sets on release-service's clock. The
 * catalog's own clock stands one second after the release instant (see the module's surefire configuration), so
 * a dataset is public exactly when release-service has released it.
 */
@QuarkusTest
@WithTestResource(value = AqquaInfrastructureResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "release-service"))
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.GLOBAL)
class ReleaseSchedulerTest extends ReleaseClockTest {

    static String curator;
    static String owner;

    @Inject
    FlakyCatalogReleaser catalogCalls;

    @BeforeAll
    static void tokens() {
        curator = Tokens.forUser(DemoRealm.CURATOR);
        owner = Tokens.subjectOf(Tokens.forUser(DemoRealm.PROVIDER));
    }

    @AfterEach
    void catalogAnswersAgain() {
        catalogCalls.reset();
    }

    @Test
    void oneSecondBeforeTheInstantNothingIsReleasedAndOneRunAfterItTheDatasetIsPublicOnce() {
        UUID dataset = CatalogFixtures.releasable(owner).images(2).create();

        clock.set(INSTANT.minusSeconds(1));
        RunReport before = scheduler.runOnce();
        assertThat(before.due()).doesNotContain(dataset);
        assertThat(before.released()).doesNotContain(dataset);
        assertThat(catalogStatus(dataset)).isEqualTo("ready");
        given().baseUri(catalog()).when().get("/public/datasets/{id}", dataset).then().statusCode(404)
                .contentType("application/problem+json");
        given().baseUri(catalog()).queryParam("dataset", dataset).when().get("/public/images").then()
                .statusCode(200).body("items.size()", equalTo(0));
        assertThat(audit(dataset)).isEmpty();

        clock.set(INSTANT.plusSeconds(1));
        Set<UUID> planned = toRelease(null);
        RunReport after = scheduler.runOnce();
        // Acceptance 4: the plan for the instant names exactly what the scheduler releases at it.
        assertThat(new HashSet<>(after.released())).isEqualTo(planned).contains(dataset);
        assertThat(after.failed()).isEmpty();
        assertThat(catalogStatus(dataset)).isEqualTo("released");
        given().baseUri(catalog()).when().get("/public/datasets/{id}", dataset).then().statusCode(200)
                .body("status", equalTo("released"))
                .body("licence", equalTo("CC-BY-NC-4.0"))
                .body("imageCount", equalTo(2));
        given().baseUri(catalog()).queryParam("dataset", dataset).when().get("/public/images").then()
                .statusCode(200).body("items.size()", equalTo(2));

        List<Map<String, Object>> log = audit(dataset);
        assertThat(releases(log, "succeeded")).hasSize(1);
        assertThat(log).extracting(e -> e.get("action")).containsExactly("release", "claim");
        assertThat(log).allSatisfy(e -> assertThat((String) e.get("actor")).isEqualTo(scheduler.actor()));
        assertThat(scheduler.actor()).startsWith("scheduler:");

        // A later run finds nothing more to do with it; the plan now lists it as released.
        clock.set(INSTANT.plusSeconds(60));
        assertThat(scheduler.runOnce().released()).doesNotContain(dataset);
        assertThat(audit(dataset)).hasSize(2);
        assertThat(given().auth().oauth2(curator).when().get("/api/releases/plan").then().statusCode(200)
                .extract().jsonPath().getList("released.items.id", String.class)).contains(dataset.toString());
    }

    @Test
    void aFailedReleaseIsRetriedWithExponentialBackoff() {
        UUID dataset = CatalogFixtures.releasable(owner).create();
        Instant t = INSTANT.plusSeconds(10);
        catalogCalls.failNext(dataset, 2);

        clock.set(t);
        assertThat(scheduler.runOnce().failed()).containsExactly(dataset);
        assertThat((String) audit(dataset).get(0).get("detail"))
                .contains("catalog answered 503", "attempt 1; next attempt at " + t.plusSeconds(15));
        assertThat(attempted(scheduler.runOnce(), dataset)).as("not before its backoff").isFalse();

        clock.set(t.plusSeconds(15));
        assertThat(scheduler.runOnce().failed()).containsExactly(dataset);
        assertThat((String) audit(dataset).get(0).get("detail"))
                .contains("attempt 2; next attempt at " + t.plusSeconds(45));
        clock.set(t.plusSeconds(44));
        assertThat(attempted(scheduler.runOnce(), dataset)).isFalse();

        clock.set(t.plusSeconds(45));
        assertThat(scheduler.runOnce().released()).contains(dataset);
        assertThat(catalogStatus(dataset)).isEqualTo("released");
        List<Map<String, Object>> log = audit(dataset);
        assertThat(log).extracting(e -> e.get("action") + " " + e.get("outcome")).containsExactly(
                "release succeeded", "retry succeeded", "release failed", "retry succeeded", "release failed",
                "claim succeeded");
        assertThat((String) log.get(1).get("detail")).contains("attempt 3", "previous attempt failed");
    }

    @Test
    void aReleaseInterruptedAfterTheCatalogChangedIsCompletedNotRepeated() {
        UUID dataset = CatalogFixtures.releasable(owner).create();
        // A replica claimed the dataset, the catalog released it, and the replica died before recording it.
        pendingClaim(dataset, INSTANT, 1);
        given().baseUri(catalog()).auth().oauth2(Tokens.forClient(DemoRealm.RELEASE_CLIENT, DemoRealm.RELEASE_SECRET))
                .contentType("application/json")
                .body("{\"status\":\"released\",\"reason\":\"released by release-service (scheduler:dead) at "
                        + INSTANT + "\"}")
                .when().put("/internal/datasets/{id}/status", dataset).then().statusCode(200);

        clock.set(INSTANT.plusSeconds(30));
        RunReport run = scheduler.runOnce();
        assertThat(run.released()).contains(dataset);
        assertThat(run.due()).doesNotContain(dataset);
        List<Map<String, Object>> log = audit(dataset);
        assertThat(releases(log, "succeeded")).hasSize(1);
        assertThat((String) log.get(0).get("detail")).startsWith("already released in the catalog");
        assertThat(log.get(1).get("action")).isEqualTo("retry");
        assertThat(scheduler.runOnce().released()).doesNotContain(dataset);
    }

    @Test
    void aPostponementRacingWithTheReleaseWins() {
        UUID dataset = CatalogFixtures.releasable(owner).create();
        // The scheduler decided on the release instant; a curator postpones before its attempt reaches the catalog.
        pendingClaim(dataset, INSTANT, 0);
        given().baseUri(catalog()).auth().oauth2(curator).contentType("application/json")
                .body("{\"embargoUntil\":\"2027-08-01T12:00:00Z\",\"reason\":\"owner's data paper\"}")
                .when().put("/api/datasets/{id}/embargo", dataset).then().statusCode(200);

        clock.set(INSTANT.plusSeconds(30));
        RunReport run = scheduler.runOnce();
        assertThat(run.refused()).containsExactly(dataset);
        assertThat(catalogStatus(dataset)).isEqualTo("ready");
        DatasetRelease claim = QuarkusTransaction.requiringNew().call(() -> DatasetRelease.findById(dataset));
        assertThat(claim).as("the claim is deleted").isNull();
        Map<String, Object> refusal = audit(dataset).get(0);
        assertThat(refusal).containsEntry("action", "release").containsEntry("outcome", "refused");
        assertThat((String) refusal.get("detail")).contains("409", "embargoed until 2027-08-01T12:00:00Z");

        // Due again at its new embargo, and then released.
        clock.set(Instant.parse("2027-08-01T12:00:00Z"));
        assertThat(scheduler.runOnce().released()).contains(dataset);
    }

    @Test
    void runsRacingOverTheSameDatasetsReleaseEachOnce() throws Exception {
        List<UUID> datasets = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            datasets.add(CatalogFixtures.releasable(owner).create());
        }
        clock.set(INSTANT.plusSeconds(5));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        List<CompletableFuture<RunReport>> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return scheduler.runOnce();
            }, threads));
        }
        start.countDown();
        threads.shutdown();
        List<UUID> released = new ArrayList<>();
        for (CompletableFuture<RunReport> run : runs) {
            RunReport report = run.get(2, TimeUnit.MINUTES);
            assertThat(report.failed()).isEmpty();
            released.addAll(report.released());
        }
        assertThat(released).containsAll(datasets).doesNotHaveDuplicates();
        for (UUID dataset : datasets) {
            assertThat(releases(audit(dataset), "succeeded")).hasSize(1);
            assertThat(catalogStatus(dataset)).isEqualTo("released");
        }
    }

    static boolean attempted(RunReport run, UUID dataset) {
        return run.released().contains(dataset) || run.failed().contains(dataset) || run.refused().contains(dataset);
    }

    static void pendingClaim(UUID dataset, Instant embargo, int attempts) {
        QuarkusTransaction.requiringNew().run(() -> {
            DatasetRelease claim = new DatasetRelease();
            claim.datasetId = dataset;
            claim.state = DatasetRelease.PENDING;
            claim.embargoUntil = embargo;
            claim.attempts = attempts;
            claim.nextAttemptAt = embargo;
            claim.claimedBy = attempts > 0 ? "scheduler:dead" : null;
            claim.createdAt = embargo;
            claim.persist();
        });
    }

    static Set<UUID> toRelease(String asOf) {
        var request = given().auth().oauth2(curator);
        if (asOf != null) {
            request.queryParam("asOf", asOf);
        }
        Set<UUID> ids = new HashSet<>();
        request.when().get("/api/releases/plan").then().statusCode(200).extract().jsonPath()
                .getList("toRelease.items.id", String.class).forEach(id -> ids.add(UUID.fromString(id)));
        return ids;
    }

    static List<Map<String, Object>> releases(List<Map<String, Object>> log, String outcome) {
        return log.stream().filter(e -> "release".equals(e.get("action")) && outcome.equals(e.get("outcome")))
                .toList();
    }

    static List<Map<String, Object>> audit(UUID dataset) {
        return given().auth().oauth2(curator).queryParam("dataset", dataset).when().get("/api/releases/audit")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    static String catalogStatus(UUID dataset) {
        return given().baseUri(catalog())
                .auth().oauth2(Tokens.forClient(DemoRealm.RELEASE_CLIENT, DemoRealm.RELEASE_SECRET))
                .when().get("/internal/datasets/{id}", dataset).then().statusCode(200).extract().path("status");
    }

    static String catalog() {
        return CatalogServiceResource.catalogUrl();
    }
}
