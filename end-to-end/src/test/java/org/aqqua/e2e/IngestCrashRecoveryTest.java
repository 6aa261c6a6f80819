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
        Map<String, String> config = config(infrastructure);
        config.put("aqqua.ingest.decode-threads", "1");
        // The job is to be killed while it stores images: stored on receipt, they would all be in place before
        // the job starts, and it would be past storing before the test could look.
        config.put("aqqua.ingest.store-on-receipt", "false");
        int port = FreePorts.next();
        String provider = Tokens.forUser(DemoRealm.PROVIDER);
        UUID dataset = CatalogFixtures.dataset(Tokens.subjectOf(provider), "draft");

        UUID job;
        try (ServiceProcess ingest = start(port, config, infrastructure)) {
            job = upload(ingest, provider, dataset, bundle(42));
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() ->
                    view(ingest.url(), provider, job).getLong("progress.imagesStored"), stored -> stored > 100);
            JsonPath midway = view(ingest.url(), provider, job);
            assertThat(midway.getString("state")).isIn("validating", "storing");
            ingest.kill();
        }

        try (ServiceProcess restarted = start(port, config, infrastructure)) {
            assertSucceededWithEveryImage(restarted, provider, job);
        }
        assertThat(catalogImageCount(dataset)).isEqualTo(IMAGES);
    }

    /**
     * Killed right after the 202, while the upload's images stored on receipt wait for their job: the restarted
     * service does not have them (they were in the dead process's memory), so its job stores and registers every
     * image itself, once; the spool the dead process left on disk is removed at startup.
     */
    @Test
    void killedRightAfterTheUploadTheJobStillRegistersEveryImageOnce(@TempDir Path workDir) throws Exception {
        Infrastructure infrastructure = Infrastructure.shared();
        Map<String, String> config = config(infrastructure);
        config.put("aqqua.ingest.work-dir", workDir.toString());
        int port = FreePorts.next();
        String provider = Tokens.forUser(DemoRealm.PROVIDER);
        UUID dataset = CatalogFixtures.dataset(Tokens.subjectOf(provider), "draft");

        UUID job;
        try (ServiceProcess ingest = start(port, config, infrastructure)) {
            job = upload(ingest, provider, dataset, bundle(43));
            ingest.kill();
        }
        assertThat(workDir.resolve("receiving")).as("the dead process's spool").isNotEmptyDirectory();

        try (ServiceProcess restarted = start(port, config, infrastructure)) {
            assertSucceededWithEveryImage(restarted, provider, job);
            assertThat(workDir.resolve("receiving")).doesNotExist();
        }
        assertThat(catalogImageCount(dataset)).isEqualTo(IMAGES);
    }

    /** ingest-service's configuration with a short lease, so that a restarted service takes the job over soon. */
    static Map<String, String> config(Infrastructure infrastructure) {
        Map<String, String> config = new HashMap<>(ServiceConfig.forService("ingest-service",
                infrastructure.endpoints(), CatalogServiceResource.catalogUrl()));
        config.put("aqqua.ingest.lease", "PT4S");
        config.put("aqqua.ingest.poll-interval", "1s");
        return config;
    }

    static byte[] bundle(long seed) throws Exception {
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        new EcotaxaBundleGenerator(seed, 500).writeZip(IMAGES, archive);
        return archive.toByteArray();
    }

    static UUID upload(ServiceProcess ingest, String provider, UUID dataset, byte[] archive) {
        return UUID.fromString(given().baseUri(ingest.url()).auth().oauth2(provider).contentType("application/zip")
                .body(archive).post("/api/datasets/{id}/archives", dataset).then().statusCode(202).extract()
                .path("id"));
    }

    /** Waits for the job to end on {@code ingest}: it succeeded, every image registered by this run. */
    static void assertSucceededWithEveryImage(ServiceProcess ingest, String provider, UUID job) {
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() ->
                view(ingest.url(), provider, job).getString("state"),
                state -> List.of("succeeded", "failed", "cancelled").contains(state));
        JsonPath done = view(ingest.url(), provider, job);
        assertThat(done.getString("state")).as(done.prettify()).isEqualTo("succeeded");
        assertThat(done.getLong("counts.registered")).isEqualTo(IMAGES);
    }

    static long catalogImageCount(UUID dataset) {
        List<Map<String, Object>> counts = given().baseUri(CatalogServiceResource.catalogUrl())
                .auth().oauth2(Tokens.forUser(DemoRealm.MEMBER)).queryParam("dataset", dataset)
                .get("/api/stats").then().statusCode(200).extract().jsonPath().getList("$");
        return ((Number) counts.get(0).get("images")).longValue();
    }

    static ServiceProcess start(int port, Map<String, String> config, Infrastructure infrastructure) {
        return ServiceProcess.start("ingest-service", port, config, infrastructure.dataDir(), List.of("-Xmx256m"));
    }

    static JsonPath view(String url, String token, UUID job) {
        return given().baseUri(url).auth().oauth2(token).get("/api/jobs/{id}", job).then().statusCode(200)
                .extract().jsonPath();
    }
}
