package org.aqqua.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.aqqua.testing.CatalogFixtures;
import org.aqqua.testing.CatalogServiceResource;
import org.aqqua.testing.DemoRealm;
import org.aqqua.testing.FreePorts;
import org.aqqua.testing.ReleaseFiles;
import org.aqqua.testing.Infrastructure;
import org.aqqua.testing.ServiceConfig;
import org.aqqua.testing.ServiceProcess;
import org.aqqua.testing.Tokens;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Two packaged release-service replicas on one database, their clocks frozen after the release instant and
 * polling every second, race over several due datasets: each is released exactly once (one "release" in the
 * audit log, no failure), both replicas serve the same artefacts, and every file of them can be downloaded. A
 * dataset that became due while no replica ran is released as soon as one starts, by its start-up run alone (that
 * replica polls only once an hour).
 */
class ReleaseReplicasTest {

    static final Instant INSTANT = Instant.parse("2027-07-15T12:00:00Z");
    static final Instant AFTER_THE_INSTANT = INSTANT.plusSeconds(30);
    static final int RACING = 24;
    /**
     * How long the replicas may take, a liveness bound (what is asserted is exactly-once); passing runs take 95-109 s
     * in all. It was missed in two of session 20's runs; the likeliest cause, found by reading the code and shown by
     * ConcurrentBuildsTest in release-service (fixed since): a release attempt that built the artefacts itself failed
     * on the artefact set's key when the other replica recorded the same dataset's first set at the same moment, and
     * under the frozen clock its retry never came. Should it be missed again, the failure says what the audit log
     * holds about the datasets left.
     */
    static final Duration RELEASED_WITHIN = Duration.ofMinutes(1);

    @Test
    void replicasRacingReleaseEachDatasetOnceAndAReplicaStartedLateCatchesUp() throws Exception {
        Infrastructure infrastructure = Infrastructure.shared();
        String catalogUrl = CatalogServiceResource.catalogUrl();
        Map<String, String> config = new HashMap<>(ServiceConfig.withFixedClock(
                ServiceConfig.forService("release-service", infrastructure.endpoints(), catalogUrl),
                AFTER_THE_INSTANT));
        config.put("aqqua.release.poll-interval", "1s");
        // Owners' notices (tested in release-service) would add their own audit entries to the datasets here.
        config.put("aqqua.release.notice-every", "off");
        String owner = Tokens.subjectOf(Tokens.forUser(DemoRealm.PROVIDER));
        String curator = Tokens.forUser(DemoRealm.CURATOR);

        UUID missed = CatalogFixtures.releasable(owner).images(2).create();
        UUID postponed = CatalogFixtures.releasable(owner).embargoUntil(Instant.parse("2027-09-01T12:00:00Z"))
                .create();
        List<UUID> racing = new ArrayList<>();

        ExecutorService starter = Executors.newFixedThreadPool(2);
        Future<ServiceProcess> startingA = starter.submit(() -> start("release-service-a", config, infrastructure));
        Future<ServiceProcess> startingB = starter.submit(() -> start("release-service-b", config, infrastructure));
        starter.shutdown();
        try (ServiceProcess a = startingA.get(); ServiceProcess b = startingB.get()) {
            awaitReleased(catalogUrl, List.of(missed), a.url(), curator);

            for (int i = 0; i < RACING; i++) {
                racing.add(CatalogFixtures.releasable(owner).images(1).create());
            }
            awaitReleased(catalogUrl, racing, a.url(), curator);
            Thread.sleep(3000); // both replicas poll a few more times

            List<UUID> released = new ArrayList<>(racing);
            released.add(missed);
            Map<Object, Long> releasesByReplica = new TreeMap<>();
            for (UUID dataset : released) {
                // One claim, one release, nothing else: no replica even attempted a dataset the other one had.
                List<Map<String, Object>> log = audit(a.url(), curator, dataset);
                assertThat(log).as("audit of %s", dataset)
                        .extracting(e -> e.get("action") + " " + e.get("outcome"))
                        .containsExactly("release succeeded", "claim succeeded");
                assertThat((String) log.get(0).get("detail")).startsWith("released in the catalog");
                assertThat(log.get(0).get("actor")).isEqualTo(log.get(1).get("actor"));
                assertThat(audit(b.url(), curator, dataset)).isEqualTo(log);
                releasesByReplica.merge(log.get(0).get("actor"), 1L, Long::sum);
            }
            System.out.println("Releases per replica: " + releasesByReplica);
            for (UUID dataset : released) {
                // One set of artefacts, published once: both replicas serve the same files and digests.
                List<Map<String, Object>> files = given().baseUri(a.url()).when()
                        .get("/public/releases/datasets/{id}", dataset).then().statusCode(200).extract().jsonPath()
                        .getList("files");
                assertThat(files).extracting(f -> f.get("name")).contains("images.parquet", "datacite.xml");
                assertThat(given().baseUri(b.url()).when().get("/public/releases/datasets/{id}", dataset).then()
                        .statusCode(200).extract().jsonPath().<Map<String, Object>>getList("files")).isEqualTo(files);
                // And every file of that set is there: a replica's rebuild never leaves the release pointing at
                // the files it replaced.
                for (Map<String, Object> file : files) {
                    assertThat(ReleaseFiles.download(given().baseUri(a.url()), dataset, (String) file.get("name"))
                            .statusCode()).as("download of %s of %s", file.get("name"), dataset).isEqualTo(200);
                }
            }
            assertThat(status(catalogUrl, postponed)).isEqualTo("ready");
            assertThat(audit(a.url(), curator, postponed)).isEmpty();
        }

        UUID late = CatalogFixtures.releasable(owner).create();
        Map<String, String> slow = new HashMap<>(config);
        slow.put("aqqua.release.poll-interval", "1h");
        try (ServiceProcess c = start("release-service-c", slow, infrastructure)) {
            awaitReleased(catalogUrl, List.of(late), c.url(), curator);
            assertThat(audit(c.url(), curator, late)).filteredOn(e -> "release".equals(e.get("action")))
                    .singleElement().satisfies(e -> assertThat(e).containsEntry("outcome", "succeeded"));
        }
    }

    /**
     * Waits until every dataset is released; when one is not in time, fails with what the audit log says about
     * those left (a failed attempt names its error there, and under the frozen clock it is never retried).
     */
    static void awaitReleased(String catalogUrl, List<UUID> datasets, String releaseUrl, String curator) {
        try {
            await().atMost(RELEASED_WITHIN).pollInterval(Duration.ofMillis(250))
                    .until(() -> datasets.stream().allMatch(d -> "released".equals(status(catalogUrl, d))));
        } catch (ConditionTimeoutException e) {
            StringBuilder left = new StringBuilder();
            for (UUID dataset : datasets) {
                String status = status(catalogUrl, dataset);
                if (!"released".equals(status)) {
                    left.append("\n").append(dataset).append(" is ").append(status).append("; audit: ")
                            .append(audit(releaseUrl, curator, dataset));
                }
            }
            throw new AssertionError("Not released within " + RELEASED_WITHIN + ":" + left, e);
        }
    }

    static ServiceProcess start(String name, Map<String, String> config, Infrastructure infrastructure) {
        return ServiceProcess.start("release-service", name, FreePorts.next(), config, infrastructure.dataDir(),
                List.of("-Xmx256m"));
    }

    static String status(String catalogUrl, UUID dataset) {
        return given().baseUri(catalogUrl)
                .auth().oauth2(Tokens.forClient(DemoRealm.RELEASE_CLIENT, DemoRealm.RELEASE_SECRET))
                .get("/internal/datasets/{id}", dataset).then().statusCode(200).extract().path("status");
    }

    static List<Map<String, Object>> audit(String releaseUrl, String curator, UUID dataset) {
        return given().baseUri(releaseUrl).auth().oauth2(curator).queryParam("dataset", dataset)
                .get("/api/releases/audit").then().statusCode(200).extract().jsonPath().getList("$");
    }
}
