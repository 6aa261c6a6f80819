package org.aqqua.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aqqua.testing.CatalogFixtures;
import org.aqqua.testing.CatalogServiceResource;
import org.aqqua.testing.DemoRealm;
import org.aqqua.testing.EcotaxaBundleGenerator;
import org.aqqua.testing.FreePorts;
import org.aqqua.testing.Infrastructure;
import org.aqqua.testing.ServiceConfig;
import org.aqqua.testing.ServiceProcess;
import org.aqqua.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of ingest-service in the middle of a job: the archive acknowledged with 202 is not lost, and after a
 * restart the job is taken over and ends registered exactly once — no image twice, none missing.
 */
class IngestCrashRecoveryTest {

    static final int IMAGES = 2500;

    @Test
    void jobKilledMidwayIsTakenOverAfterRestartAndRegistersEveryImageOnce() throws Exception {
        Infrastructure infrastructure = Infrastructure.shared();
        String catalogUrl = CatalogServiceResource.catalogUrl();
        Map<String, String> config = new HashMap<>(ServiceConfig.forService("ingest-service",
                infrastructure.endpoints(), catalogUrl));
        config.put("aqqua.ingest.lease", "PT4S");
        config.put("aqqua.ingest.poll-interval", "1s");
        config.put("aqqua.ingest.decode-threads", "1");
        // The job is to be killed while it stores images: stored on receipt, they would all be in place before
        // the job starts, and it would be past storing before the test could look.
        config.put("aqqua.ingest.store-on-receipt", "false");
        int port = FreePorts.next();

        String provider = Tokens.forUser(DemoRealm.PROVIDER);
        UUID dataset = CatalogFixtures.dataset(Tokens.subjectOf(provider), "draft");
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        new EcotaxaBundleGenerator(42, 500).writeZip(IMAGES, archive);

        UUID job;
        try (ServiceProcess ingest = start(port, config, infrastructure)) {
            job = UUID.fromString(given().baseUri(ingest.url()).auth().oauth2(provider)
                    .contentType("application/zip").body(archive.toByteArray())
                    .post("/api/datasets/{id}/archives", dataset).then().statusCode(202).extract().path("id"));
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() ->
                    view(ingest.url(), provider, job).getLong("progress.imagesStored"), stored -> stored > 100);
            JsonPath midway = view(ingest.url(), provider, job);
            assertThat(midway.getString("state")).isIn("validating", "storing");
            ingest.kill();
        }

        try (ServiceProcess restarted = start(port, config, infrastructure)) {
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() ->
                    view(restarted.url(), provider, job).getString("state"),
                    state -> List.of("succeeded", "failed", "cancelled").contains(state));
            JsonPath done = view(restarted.url(), provider, job);
            assertThat(done.getString("state")).as(done.prettify()).isEqualTo("succeeded");
            assertThat(done.getLong("counts.registered")).isEqualTo(IMAGES);
        }
        List<Map<String, Object>> counts = given().baseUri(catalogUrl)
                .auth().oauth2(Tokens.forUser(DemoRealm.MEMBER)).queryParam("dataset", dataset)
                .get("/api/stats").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(((Number) counts.get(0).get("images")).longValue()).isEqualTo(IMAGES);
    }

    /**
     * Killed right after the 202, while the upload's images stored on receipt wait for their job: the restarted
     * service does not have them (they were in the dead process's memory), so its job stores and registers every
     * image itself, once; the spool the dead process left on disk is removed at startup.
     */
    @Test
    void killedRightAfterTheUploadTheJobStillRegistersEveryImageOnce(@TempDir Path workDir) throws Exception {
        Infrastructure infrastructure = Infrastructure.shared();
        Map<String, String> config = new HashMap<>(ServiceConfig.forService("ingest-service",
                infrastructure.endpoints(), CatalogServiceResource.catalogUrl()));
        config.put("aqqua.ingest.lease", "PT4S");
        config.put("aqqua.ingest.poll-interval", "1s");
        config.put("aqqua.ingest.work-dir", workDir.toString());
        int port = FreePorts.next();

        String provider = Tokens.forUser(DemoRealm.PROVIDER);
        UUID dataset = CatalogFixtures.dataset(Tokens.subjectOf(provider), "draft");
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        new EcotaxaBundleGenerator(43, 500).writeZip(IMAGES, archive);

        UUID job;
        try (ServiceProcess ingest = start(port, config, infrastructure)) {
            job = UUID.fromString(given().baseUri(ingest.url()).auth().oauth2(provider)
                    .contentType("application/zip").body(archive.toByteArray())
                    .post("/api/datasets/{id}/archives", dataset).then().statusCode(202).extract().path("id"));
            ingest.kill();
        }
        assertThat(workDir.resolve("receiving")).as("the dead process's spool").isNotEmptyDirectory();

        try (ServiceProcess restarted = start(port, config, infrastructure)) {
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() ->
                    view(restarted.url(), provider, job).getString("state"),
                    state -> List.of("succeeded", "failed", "cancelled").contains(state));
            JsonPath done = view(restarted.url(), provider, job);
            assertThat(done.getString("state")).as(done.prettify()).isEqualTo("succeeded");
            assertThat(done.getLong("counts.registered")).isEqualTo(IMAGES);
            assertThat(workDir.resolve("receiving")).doesNotExist();
        }
        List<Map<String, Object>> counts = given().baseUri(CatalogServiceResource.catalogUrl())
                .auth().oauth2(Tokens.forUser(DemoRealm.MEMBER)).queryParam("dataset", dataset)
                .get("/api/stats").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(((Number) counts.get(0).get("images")).longValue()).isEqualTo(IMAGES);
    }

    static ServiceProcess start(int port, Map<String, String> config, Infrastructure infrastructure) {
        return ServiceProcess.start("ingest-service", port, config, infrastructure.dataDir(), List.of("-Xmx256m"));
    }

    static JsonPath view(String url, String token, UUID job) {
        return given().baseUri(url).auth().oauth2(token).get("/api/jobs/{id}", job).then().statusCode(200)
                .extract().jsonPath();
    }
}
