package org.aqqua.ingest.upload;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.aqqua.testing.AqquaInfrastructureResource;
import org.aqqua.testing.CatalogFixtures;
import org.aqqua.testing.CatalogServiceResource;
import org.aqqua.testing.DemoRealm;
import org.aqqua.testing.EcotaxaBundleGenerator;
import org.aqqua.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A resumable upload as a client on a bad line lives it: the connection drops in the middle of a part, the
 * client asks what arrived, resumes from there, completes, and the job ingests exactly the archive it meant to
 * send. Real S3 multipart upload (5 MiB parts in the test profile), real Keycloak, real catalog.
 */
@QuarkusTest
@WithTestResource(value = AqquaInfrastructureResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "ingest-service"))
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.GLOBAL)
class ResumableUploadTest {

    static final int IMAGES = 2_400;

    static String provider;
    static byte[] archive;

    @Inject
    StaleUploadSweep staleUploads;

    @Inject
    UploadStorage storage;

    @BeforeAll
    static void fixtures() throws Exception {
        provider = Tokens.forUser(DemoRealm.PROVIDER);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        new EcotaxaBundleGenerator(5, 400).writeZip(IMAGES, zip);
        archive = zip.toByteArray();
    }

    @Test
    void aDroppedConnectionIsResumedAndTheAssembledArchiveIsTheOriginal() throws Exception {
        UUID dataset = CatalogFixtures.dataset(Tokens.subjectOf(provider), "draft");
        JsonPath opened = open(dataset, archive.length);
        String upload = opened.getString("id");
        int partSize = opened.getInt("partSize");
        int parts = opened.getInt("partCount");
        assertThat(parts).as("the archive spans several 5 MiB parts").isGreaterThanOrEqualTo(3);

        reportPart(upload, 1, put(opened.getString("partUrls[0].url"), part(1, partSize)));
        dropMidway(opened.getString("partUrls[1].url"), part(2, partSize));

        JsonPath status = given().auth().oauth2(provider).queryParam("fromPart", 2)
                .get("/api/uploads/{id}", upload).then().statusCode(200)
                .body("receivedParts", hasSize(1)).body("receivedParts[0].partNumber", equalTo(1))
                .extract().jsonPath();
        given().auth().oauth2(provider).post("/api/uploads/{id}/complete", upload)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("misses part(s) [2"));
        for (int n = 2; n <= parts; n++) {
            String url = status.getString("partUrls.find { it.partNumber == " + n + " }.url");
            reportPart(upload, n, put(url, part(n, partSize)));
        }

        JsonPath job = given().auth().oauth2(provider).post("/api/uploads/{id}/complete", upload)
                .then().statusCode(202).body("state", equalTo("queued")).extract().jsonPath();
        String jobId = job.getString("id");
        given().auth().oauth2(provider).post("/api/uploads/{id}/complete", upload)
                .then().statusCode(202).body("id", equalTo(jobId));
        given().auth().oauth2(provider).get("/api/uploads/{id}", upload)
                .then().body("state", equalTo("completed")).body("jobId", equalTo(jobId));

        JsonPath done = finished(jobId);
        assertThat(done.getString("state")).as(done.prettify()).isEqualTo("succeeded");
        assertThat(done.getString("archive.sha256")).isEqualTo(sha256(archive));
        assertThat(done.getLong("archive.bytes")).isEqualTo(archive.length);
        assertThat(done.getLong("counts.registered")).isEqualTo(IMAGES);
    }

    @Test
    void anUploadNobodyFeedsIsAbortedByTheSweep() throws Exception {
        UUID dataset = CatalogFixtures.dataset(Tokens.subjectOf(provider), "draft");
        JsonPath idle = open(dataset, 6L * 1024 * 1024);
        JsonPath fed = open(dataset, 6L * 1024 * 1024);
        Thread.sleep(20);
        Instant cutoff = Instant.now();
        reportPart(fed.getString("id"), 1, put(fed.getString("partUrls[0].url"), new byte[5 * 1024 * 1024]));

        assertThat(staleUploads.sweep(cutoff)).isGreaterThanOrEqualTo(1);

        given().auth().oauth2(provider).get("/api/uploads/{id}", idle.getString("id"))
                .then().body("state", equalTo("aborted"));
        given().auth().oauth2(provider).get("/api/uploads/{id}", fed.getString("id"))
                .then().body("state", equalTo("open"));
        given().auth().oauth2(provider).post("/api/uploads/{id}/complete", idle.getString("id"))
                .then().statusCode(409).body("detail", org.hamcrest.Matchers.endsWith("is aborted and cannot be completed."));
    }

    @Test
    void aPartUrlStopsWorkingWhenItExpires() throws Exception {
        UUID dataset = CatalogFixtures.dataset(Tokens.subjectOf(provider), "draft");
        String upload = open(dataset, 100).getString("id");
        Upload held = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Upload.findById(
                UUID.fromString(upload)));
        String url = storage.partUrl(held.bucket, held.objectKey, held.s3UploadId, 1, Duration.ofSeconds(1));
        Thread.sleep(2_500);
        HttpResponse<String> late = put(url, new byte[100]);
        assertThat(late.statusCode()).isEqualTo(403);
        assertThat(late.body()).contains("expired");
    }

    private static JsonPath open(UUID dataset, long size) {
        return given().auth().oauth2(provider).contentType("application/json")
                .body("{\"fileName\":\"bundle.zip\",\"size\":" + size + "}")
                .when().post("/api/datasets/{id}/uploads", dataset)
                .then().statusCode(201).extract().jsonPath();
    }

    private static byte[] part(int n, int partSize) {
        int from = (n - 1) * partSize;
        return Arrays.copyOfRange(archive, from, Math.min(archive.length, from + partSize));
    }

    private static void reportPart(String upload, int n, HttpResponse<String> put) {
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        String etag = put.headers().firstValue("ETag").orElseThrow();
        given().auth().oauth2(provider).contentType("application/json").body("{\"etag\":" + etag + "}")
                .when().put("/api/uploads/{id}/parts/{n}", upload, n).then().statusCode(204);
    }

    /** Sends the headers and half the body of a part PUT, then closes the socket: a connection lost mid-part. */
    private static void dropMidway(String url, byte[] body) throws Exception {
        URI uri = URI.create(url);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\nHost: " + uri.getHost()
                    + ":" + uri.getPort() + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();
        }
    }

    private static HttpResponse<String> put(String url, byte[] body) throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonPath finished(String job) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() ->
                given().auth().oauth2(provider).get("/api/jobs/{id}", job).jsonPath().getString("state"),
                state -> List.of("succeeded", "failed", "cancelled").contains(state));
        return given().auth().oauth2(provider).get("/api/jobs/{id}", job).then().statusCode(200).extract().jsonPath();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
