package org.aqqua.ingest.job;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.StatObjectArgs;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.apache.commons.io.input.NullInputStream;
import org.aqqua.ingest.archive.ArchiveStaging;
import org.aqqua.ingest.image.ImageStore;
import org.aqqua.testing.AqquaInfrastructureResource;
import org.aqqua.testing.CatalogFixtures;
import org.aqqua.testing.CatalogServiceResource;
import org.aqqua.testing.DemoRealm;
import org.aqqua.testing.Infrastructure;
import org.aqqua.testing.PostgresServer;
import org.aqqua.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Archives uploaded into datasets end to end: real Keycloak tokens, the archive staged in S3, the job run by the
 * worker, images stored content-addressed and registered in the real catalog-service, reports read back.
 */
@QuarkusTest
@WithTestResource(value = AqquaInfrastructureResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "ingest-service"))
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.GLOBAL)
class ArchiveIngestTest {

    static String provider;
    static String member;

    @Inject
    MinioClient s3;

    @BeforeAll
    static void tokens() {
        provider = Tokens.forUser(DemoRealm.PROVIDER);
        member = Tokens.forUser(DemoRealm.MEMBER);
    }

    static UUID newDataset() {
        return CatalogFixtures.dataset(Tokens.subjectOf(provider), "draft");
    }

    static Response upload(UUID dataset, byte[] archive, String policy) {
        return given().auth().oauth2(provider).contentType("application/zip").body(archive)
                .queryParam("policy", policy).queryParam("name", "bundle.zip")
                .when().post("/api/datasets/{id}/archives", dataset);
    }

    /** An upload of unknown length: the body is sent chunked, without Content-Length. */
    static HttpResponse<String> uploadChunked(UUID dataset, byte[] archive) throws Exception {
        return uploadStream(dataset, () -> new ByteArrayInputStream(archive), -1);
    }

    /** The provider's upload of {@code body} as a stream, with its length declared or, if negative, chunked. */
    static HttpResponse<String> uploadStream(UUID dataset, Supplier<InputStream> body, long declaredLength)
            throws Exception {
        return uploadStream(provider, dataset, body, declaredLength);
    }

    /** As {@link #uploadStream(UUID, Supplier, long)}, by the holder of {@code token}. */
    static HttpResponse<String> uploadStream(String token, UUID dataset, Supplier<InputStream> body,
            long declaredLength) throws Exception {
        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(body);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":"
                + RestAssured.port + "/api/datasets/" + dataset + "/archives"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/zip")
                .POST(declaredLength < 0 ? stream : HttpRequest.BodyPublishers.fromPublisher(stream, declaredLength))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A direct upload over aqqua.ingest.max-archive-size (64 MB in tests) is refused with 413 naming the limit:
     * a declared length before the body is read, a chunked body as soon as it passes the limit. No job is queued
     * and nothing is left in aqqua-uploads.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void anArchiveOverTheSizeLimitIsRefusedAndNothingIsKept(boolean lengthDeclared) throws Exception {
        UUID dataset = newDataset();
        long size = 65L * 1024 * 1024;
        HttpResponse<String> response = uploadStream(dataset, () -> new NullInputStream(size),
                lengthDeclared ? size : -1);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonPath problem = new JsonPath(response.body());
        assertThat(problem.getString("type")).isEqualTo("urn:aqqua:problem:archive-too-large");
        assertThat(problem.getString("errors[0].field")).isEqualTo(lengthDeclared ? "Content-Length" : "body");
        assertThat(problem.getString("errors[0].value")).isEqualTo(lengthDeclared ? String.valueOf(size)
                : "more than " + 64 * 1024 * 1024 + " bytes");
        assertThat(problem.getString("errors[0].message")).startsWith("must be at most 67108864 bytes");
        assertThat(given().auth().oauth2(provider).queryParam("datasetId", dataset).get("/api/jobs").then()
                .statusCode(200).extract().jsonPath().getList("$")).as("jobs of the dataset").isEmpty();
        assertThat(s3.listObjects(ListObjectsArgs.builder().bucket(ArchiveStaging.BUCKET)
                .prefix("archives/" + dataset + "/").recursive(true).build())).as("staged archives").isEmpty();
    }

    static JsonPath finished(UUID job) {
        return JobAwait.finished(provider, job);
    }

    static UUID accepted(Response response) {
        return JobAwait.accepted(response);
    }

    static long catalogCount(UUID dataset) {
        List<Map<String, Object>> counts = given().baseUri(CatalogServiceResource.catalogUrl()).auth().oauth2(member)
                .queryParam("dataset", dataset).get("/api/stats").then().statusCode(200).extract().jsonPath()
                .getList("$");
        return counts.isEmpty() ? 0 : ((Number) counts.get(0).get("images")).longValue();
    }

    @Test
    void upstreamZipIngestsItsEightImagesAndAgainRegistersNothingTwice() throws Exception {
        UUID dataset = newDataset();
        byte[] archive = Bundles.file("import_test.zip");
        JsonPath job = finished(accepted(upload(dataset, archive, null)));
        assertThat(job.getString("state")).isEqualTo("succeeded");
        assertThat(job.getLong("counts.rows")).isEqualTo(8);
        assertThat(job.getLong("counts.registered")).isEqualTo(8);
        assertThat(job.getLong("counts.problems")).isZero();
        assertThat(job.getLong("progress.bytesRead")).isEqualTo(archive.length);
        assertThat(catalogCount(dataset)).isEqualTo(8);

        JsonPath again = finished(accepted(upload(dataset, archive, null)));
        assertThat(again.getString("state")).isEqualTo("succeeded");
        assertThat(again.getLong("counts.registered")).isZero();
        assertThat(again.getLong("counts.alreadyRegistered")).isEqualTo(8);
        assertThat(catalogCount(dataset)).isEqualTo(8);
    }

    /**
     * An archive of unknown length (a chunked body) larger than one staging part is stored as a multipart upload
     * and arrives whole: the bundle with 20 MB of incompressible padding (two 16 MB parts) ingests like the bundle
     * alone, and the job names the archive's size and SHA-256 as the client sent it (the job checks the staged
     * copy against that digest). Bodies of declared length, as in the other tests, are staged in one PUT.
     */
    @Test
    void anArchiveOfSeveralPartsIsStagedWhole() throws Exception {
        byte[] padding = new byte[20 * 1024 * 1024];
        new Random(7).nextBytes(padding);
        byte[] archive = Bundles.zip(Bundles.withEntry(Bundles.file("import_test.zip"), "padding.bin", padding));
        HttpResponse<String> response = uploadChunked(newDataset(), archive);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonPath job = finished(UUID.fromString(JsonPath.from(response.body()).getString("id")));
        assertThat(job.getString("state")).as(job.prettify()).isEqualTo("succeeded");
        assertThat(job.getLong("counts.registered")).isEqualTo(8);
        assertThat(job.getLong("archive.bytes")).isEqualTo(archive.length);
        assertThat(job.getString("archive.sha256"))
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive)));
    }

    /**
     * Every valid upstream set, zipped as a provider would: the expected images registered. The catalog keeps
     * one record per image content in a dataset: import_test has 11 objects on 8 images (three objects share an
     * image), and import_test_weird's 4 PNGs are byte for byte the same image.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"import_test, 8", "import_test_weird, 1",
            "import_v_or_d_just_state, 1", "import_uvp6_zip_in_dir, 15"})
    void validUpstreamSetsSucceedWithTheirImageCounts(String set, long images) throws Exception {
        UUID dataset = newDataset();
        JsonPath job = finished(accepted(upload(dataset, Bundles.zipFolder(set), null)));
        assertThat(job.getString("state")).as(job.prettify()).isEqualTo("succeeded");
        assertThat(job.getLong("counts.problems")).isZero();
        assertThat(catalogCount(dataset)).isEqualTo(images);
    }

    /** The same bundle as a gzip-compressed tar: told from its content, whatever the Content-Type says. */
    @Test
    void tarGzBundleIsRecognisedByContent() throws Exception {
        UUID dataset = newDataset();
        byte[] tgz = Bundles.tarGzFolder("import_test");
        JsonPath job = finished(accepted(given().auth().oauth2(provider).contentType("application/octet-stream")
                .body(tgz).post("/api/datasets/{id}/archives", dataset)));
        assertThat(job.getString("state")).as(job.prettify()).isEqualTo("succeeded");
        assertThat(catalogCount(dataset)).isEqualTo(8);
    }

    @Test
    void uvp6BundleWithItsNestedImagesZipGivesFifteenImages() throws Exception {
        UUID dataset = newDataset();
        JsonPath job = finished(accepted(upload(dataset, Bundles.file("UVP6_example.zip"), null)));
        assertThat(job.getString("state")).as(job.prettify()).isEqualTo("succeeded");
        assertThat(job.getLong("counts.registered")).isEqualTo(15);
        assertThat(catalogCount(dataset)).isEqualTo(15);
    }

    @Test
    void brokenUpstreamTableFailsWithItsProblemsOnTheirLinesAndRegistersNothing() throws Exception {
        UUID dataset = newDataset();
        JsonPath job = finished(accepted(upload(dataset, Bundles.zipFolder("import_issues/tsv_issues"), null)));
        assertThat(job.getString("state")).isEqualTo("failed");
        List<Map<String, Object>> problems = job.getList("problems.items");
        assertThat(problems).extracting(p -> p.get("line") + " " + p.get("field") + " " + p.get("value"))
                .contains("3 object_lat 100", "3 object_lon 200", "3 object_date 20140433",
                        "6 img_file_name m106_mn01_n3_sml_1081.jpg2", "8 img_file_name nada.png",
                        "7 img_file_name m106_mn01_n3_sml_corrupted_image.jpg");
        assertThat(problems).allSatisfy(p -> assertThat(p.get("file")).isEqualTo("ecotaxa_m106_mn01_n3_sml.tsv"));
        assertThat(catalogCount(dataset)).isZero();

        String csv = given().auth().oauth2(provider).accept("text/csv").get("/api/jobs/{id}/report",
                job.getString("id")).then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertThat(csv).startsWith("file,line,field,value,reason\r\n")
                .contains("ecotaxa_m106_mn01_n3_sml.tsv,8,img_file_name,nada.png,");
        given().auth().oauth2(provider).get("/api/jobs/{id}/report", job.getString("id")).then().statusCode(200)
                .body("job.state", equalTo("failed"))
                .body("problems.size()", equalTo(job.getInt("counts.problems")));
    }

    /** Header problems are fatal whatever the policy: EcoTaxa refuses such a table as a whole, and so do we. */
    @Test
    void acceptValidRegistersTheValidRowsAndReportsTheRest() throws Exception {
        UUID dataset = newDataset();
        GeneratedTable table = generatedTable(30, 29);
        JsonPath job = finished(accepted(upload(dataset, table.archive(), "accept-valid")));
        assertThat(job.getString("state")).as(job.prettify()).isEqualTo("succeeded");
        assertThat(job.getLong("counts.problems")).isEqualTo(1);
        assertThat(job.getLong("counts.validRows")).isEqualTo(29);
        assertThat(job.getLong("counts.invalidRows")).isEqualTo(1);
        assertThat(job.getLong("counts.registered")).isEqualTo(29);
        assertThat(catalogCount(dataset)).isEqualTo(29);

        JsonPath broken = finished(accepted(upload(newDataset(), Bundles.zipFolder("import_issues/tsv_issues"),
                "accept-valid")));
        assertThat(broken.getString("state")).isEqualTo("failed");
    }

    /** A generated EcoTaxa table of {@code rows} distinct PNGs; row {@code badRow} (0-based) has latitude 100. */
    record GeneratedTable(byte[] archive, List<String> digests) {
    }

    static GeneratedTable generatedTable(int rows, int badRow) throws Exception {
        StringBuilder table = new StringBuilder("object_id\timg_file_name\tobject_lat\tobject_lon\tobject_date\t"
                + "object_time\tobject_depth_min\tobject_depth_max\tprocess_id\tprocess_pixel\n"
                + "[t]\t[t]\t[f]\t[f]\t[t]\t[t]\t[f]\t[f]\t[t]\t[f]\n");
        Object[] entries = new Object[2 * (rows + 1)];
        List<String> digests = new java.util.ArrayList<>();
        for (int i = 0; i < rows; i++) {
            byte[] png = randomPng(i);
            digests.add(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(png)));
            entries[2 * i] = "roi_" + i + ".png";
            entries[2 * i + 1] = png;
            table.append("obj_").append(i).append("\troi_").append(i).append(".png\t")
                    .append(i == badRow ? "100" : "43.5").append("\t7.25\t20240501\t101500\t5\t10\tprocess_1\t10.6\n");
        }
        entries[2 * rows] = "ecotaxa_generated.tsv";
        entries[2 * rows + 1] = table.toString();
        return new GeneratedTable(Bundles.zip(entries), digests);
    }

    /**
     * Images are read from the zip as their rows need them, so damage inside one image entry is found on its row:
     * here the zip's directory declares five bytes fewer than roi_1.png inflates to.
     */
    @Test
    void aDamagedImageEntryIsReportedOnItsRow() throws Exception {
        byte[] archive = generatedTable(3, -1).archive();
        ByteBuffer zip = ByteBuffer.wrap(archive).order(ByteOrder.LITTLE_ENDIAN);
        int entry = centralDirectoryEntry(archive, "roi_1.png");
        zip.putInt(entry + 24, zip.getInt(entry + 24) - 5);

        JsonPath job = finished(accepted(upload(newDataset(), archive, "accept-valid")));
        assertThat(job.getString("state")).as(job.prettify()).isEqualTo("succeeded");
        assertThat(job.getLong("counts.registered")).isEqualTo(2);
        assertThat(job.getList("problems.items", Map.class)).singleElement().satisfies(problem -> {
            assertThat(problem).containsEntry("file", "ecotaxa_generated.tsv").containsEntry("line", 4)
                    .containsEntry("field", "img_file_name").containsEntry("value", "roi_1.png");
            assertThat((String) problem.get("reason")).startsWith("cannot be read from the archive: corrupt zip "
                    + "entry roi_1.png");
        });
    }

    /**
     * NUL, which the database's text cannot hold: a byte 0x00 in a cell (a damaged export) is a problem on its row
     * and column while the other rows register; an entry name holding one fails the job with a readable report.
     */
    @Test
    void aNulByteIsReportedWhereItIsAndNeverLosesTheReport() throws Exception {
        String table = "object_id\timg_file_name\tobject_lat\tobject_lon\tobject_date\tobject_time\t"
                + "object_depth_min\tprocess_id\tprocess_pixel\tobject_comment\n"
                + "obj_0\troi_0.png\t43.5\t7.25\t20240501\t101500\t5\tprocess_1\t10.6\tfine\n"
                + "obj_1\troi_1.png\t43.5\t7.25\t20240501\t101500\t5\tprocess_1\t10.6\tnet\0torn\n";
        byte[] archive = Bundles.zip("roi_0.png", randomPng(0), "roi_1.png", randomPng(1), "ecotaxa_nul.tsv", table);
        UUID dataset = newDataset();
        JsonPath job = finished(accepted(upload(dataset, archive, "accept-valid")));
        assertThat(job.getString("state")).as(job.prettify()).isEqualTo("succeeded");
        assertThat(job.getLong("counts.registered")).isEqualTo(1);
        assertThat(job.getList("problems.items", Map.class)).singleElement().satisfies(problem -> {
            assertThat(problem).containsEntry("file", "ecotaxa_nul.tsv").containsEntry("line", 3)
                    .containsEntry("field", "object_comment").containsEntry("value", "net\uFFFDtorn");
            assertThat((String) problem.get("reason")).startsWith("contains the NUL character (byte 0x00)");
        });
        assertThat(catalogCount(dataset)).isEqualTo(1);

        JsonPath named = finished(accepted(upload(newDataset(), Bundles.zip("evil\0name/ecotaxa_x.tsv", "x"),
                null)));
        assertThat(named.getString("state")).as(named.prettify()).isEqualTo("failed");
        assertThat(named.prettify()).doesNotContain("\u0000").doesNotContain("\\u0000");

        // The file name the job shows is refused with a problem naming the parameter, before any byte is kept.
        given().auth().oauth2(provider).contentType("application/zip").body(archive)
                .queryParam("name", "bundle\u0000.zip").when().post("/api/datasets/{id}/archives", dataset)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"));
        // Other control characters reach the parameter's @Publishable (NUL is refused first, by the runtime's filter).
        given().auth().oauth2(provider).contentType("application/zip").body(archive)
                .queryParam("name", "bundle\u0001.zip").when().post("/api/datasets/{id}/archives", dataset)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", startsWith("holds U+0001 at character 7"));
    }

    /** Where the zip's central directory describes {@code name}. */
    static int centralDirectoryEntry(byte[] zip, String name) {
        ByteBuffer bytes = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 46 < zip.length; i++) {
            if (bytes.getInt(i) == 0x02014b50) {
                int length = Short.toUnsignedInt(bytes.getShort(i + 28));
                if (new String(zip, i + 46, length, StandardCharsets.UTF_8).equals(name)) {
                    return i;
                }
            }
        }
        throw new IllegalArgumentException(name + " is not in the zip");
    }

    /** All-or-nothing: images of valid rows stored before the bad last row are removed again. */
    @Test
    void failedJobLeavesNoImageObjectsBehind() throws Exception {
        UUID dataset = newDataset();
        GeneratedTable table = generatedTable(30, 29);
        JsonPath job = finished(accepted(upload(dataset, table.archive(), null)));
        assertThat(job.getString("state")).isEqualTo("failed");
        assertThat(job.getList("problems.items", Map.class)).extracting(p -> p.get("line") + " " + p.get("field"))
                .containsExactly("32 object_lat");
        assertThat(job.getLong("counts.imagesStored")).as("images stored before the bad row was read").isPositive();
        for (String digest : table.digests()) {
            assertThat(exists(digest)).as("object %s", digest).isFalse();
        }
    }

    /**
     * A job's registration goes to the catalog in parts while it runs (16 KB in tests, a few dozen of these rows each):
     * a job that fails after sending several registers none of them, and aborts its registration in the catalog.
     * The same rows then ingest in one job.
     */
    @Test
    void aJobFailingAfterRegistrationPartsWereSentRegistersNothing() throws Exception {
        UUID dataset = newDataset();
        JsonPath failed = finished(accepted(upload(dataset, generatedTable(600, 590).archive(), null)));
        assertThat(failed.getString("state")).isEqualTo("failed");
        assertThat(failed.getLong("counts.imagesStored")).as("images stored before the bad row was read")
                .isGreaterThan(200);
        assertThat(catalogCount(dataset)).isZero();
        assertThat(stagedRegistrations(dataset)).isZero();

        JsonPath succeeded = finished(accepted(upload(dataset, generatedTable(600, -1).archive(), null)));
        assertThat(succeeded.getString("state")).isEqualTo("succeeded");
        assertThat(succeeded.getLong("counts.registered")).isEqualTo(600);
        assertThat(catalogCount(dataset)).isEqualTo(600);
        assertThat(stagedRegistrations(dataset)).isZero();
    }

    /** Registrations the catalog holds for the dataset, staged and not yet committed or aborted. */
    static long stagedRegistrations(UUID dataset) throws Exception {
        try (Connection connection = DriverManager.getConnection(Infrastructure.shared().jdbcUrl(),
                PostgresServer.USER, PostgresServer.PASSWORD);
                PreparedStatement count = connection.prepareStatement(
                        "select count(*) from catalog.image_registration where dataset_id = ?")) {
            count.setObject(1, dataset);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    @Test
    void hostileArchivesFailWithTheEntryNamedAndNothingRegistered() throws Exception {
        UUID dataset = newDataset();
        JsonPath slip = finished(accepted(upload(dataset, Bundles.zip("../../evil/ecotaxa_x.tsv", "x"), null)));
        assertThat(slip.getString("state")).isEqualTo("failed");
        assertThat(slip.getString("problems.items[0].file")).isEqualTo("../../evil/ecotaxa_x.tsv");
        assertThat(slip.getString("problems.items[0].reason")).contains("zip-slip");

        JsonPath text = finished(accepted(upload(dataset, "not an archive at all".getBytes(), null)));
        assertThat(text.getString("failure")).contains("not a zip, tar or gzip");

        JsonPath nothing = finished(accepted(upload(dataset, Bundles.zipFolder("import_issues/no_relevant_file"),
                null)));
        assertThat(nothing.getInt("counts.problems")).isEqualTo(1);
        assertThat(nothing.getString("problems.items[0].reason")).startsWith("Nothing relevant to import");
        assertThat(catalogCount(dataset)).isZero();
    }

    /**
     * A large upload refused before its body is read (here: into another provider's dataset) is answered with its
     * problem, and the service does not keep what it receives of the body meanwhile: nothing of it survives into
     * the old generation of the heap (this test runs in the service's JVM).
     */
    @Test
    void aLargeUploadRefusedBeforeItsBodyIsReadIsNotKeptInMemory() throws Exception {
        UUID dataset = newDataset();
        long declared = 4L << 30; // 4 GiB of zeros, made as they are sent
        OldGeneration.Growth<HttpResponse<String>> refused = OldGeneration.growthDuring(() -> uploadStream(
                Tokens.forUser(DemoRealm.OTHER_PROVIDER), dataset, () -> new NullInputStream(declared), declared));

        assertThat(refused.result().statusCode()).isEqualTo(404);
        assertThat(refused.result().body()).contains("\"status\":404");
        assertThat(refused.bytes()).as("old generation's growth while the refused body arrived")
                .isLessThan(256L << 20);
    }

    @Test
    void uploadsAreForOwnersAndCuratorsOfOpenDatasetsOnly() throws Exception {
        UUID dataset = newDataset();
        byte[] archive = Bundles.zip("a.txt", "x");
        given().contentType("application/zip").body(archive).post("/api/datasets/{id}/archives", dataset)
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(member).contentType("application/zip").body(archive)
                .post("/api/datasets/{id}/archives", dataset).then().statusCode(403);
        given().auth().oauth2(Tokens.forUser(DemoRealm.OTHER_PROVIDER)).contentType("application/zip").body(archive)
                .post("/api/datasets/{id}/archives", dataset).then().statusCode(404)
                .contentType("application/problem+json");
        UUID released = CatalogFixtures.dataset(Tokens.subjectOf(provider), "released");
        upload(released, archive, null).then().statusCode(409).contentType("application/problem+json");
        upload(dataset, archive, "some-of-it").then().statusCode(400).body("errors[0].field", equalTo("policy"));

        UUID job = accepted(upload(dataset, archive, null));
        given().auth().oauth2(Tokens.forUser(DemoRealm.OTHER_PROVIDER)).get("/api/jobs/{id}", job)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.forUser(DemoRealm.CURATOR)).get("/api/jobs/{id}", job).then().statusCode(200);
        finished(job);
        given().auth().oauth2(provider).delete("/api/jobs/{id}", job).then().statusCode(409);
    }

    @Test
    void ifcbBinsWithTheirPlacementTableBecomeOnePngPerRoi() throws Exception {
        UUID dataset = newDataset();
        java.nio.file.Path bin = java.nio.file.Path.of(
                "../fixtures/external/pyifcb/ifcb/tests/data/test_data/white/D2013/D201305/D20130526");
        String stem = "D20130526T095207_IFCB013";
        byte[] archive = Bundles.zip(
                "D20130526/" + stem + ".hdr", java.nio.file.Files.readAllBytes(bin.resolve(stem + ".hdr")),
                "D20130526/" + stem + ".adc", java.nio.file.Files.readAllBytes(bin.resolve(stem + ".adc")),
                "D20130526/" + stem + ".roi", java.nio.file.Files.readAllBytes(bin.resolve(stem + ".roi")),
                "ifcb_bins.csv", "bin,latitude,longitude,depth,pixel_size_um\n" + stem + ",41.52,-70.67,4,0.2941\n");
        JsonPath job = finished(accepted(upload(dataset, archive, null)));
        assertThat(job.getString("state")).as(job.prettify()).isEqualTo("succeeded");
        assertThat(job.getLong("counts.registered")).isEqualTo(19);
        JsonPath images = given().baseUri(CatalogServiceResource.catalogUrl()).auth().oauth2(member)
                .queryParam("dataset", dataset).queryParam("limit", 100).get("/api/images").then().statusCode(200)
                .extract().jsonPath();
        assertThat(images.getList("items.objectId", String.class)).contains(stem + "_00099");
        assertThat(images.getList("items.format", String.class)).containsOnly("png");
        assertThat(images.getList("items.instrument", String.class)).containsOnly("IFCB");
    }

    @Test
    void aqquaCsvTableWithItsImagesIsIngested() throws Exception {
        UUID dataset = newDataset();
        String table = "file,latitude,longitude,depth,datetime,pixel_size_um,instrument,label,label_status,"
                + "trait_area,station\n"
                + "images/a.png,54.33,10.15,2.5,2023-05-01T10:15:30Z,1.2,FlowCam,Copepoda,validated,512,KB1\n"
                + "images/b.png,54.34,10.16,3,2023-05-01T10:16:00+02:00,1.2,FlowCam,,,87,KB1\n";
        JsonPath job = finished(accepted(upload(dataset, Bundles.zip("images/a.png", randomPng(1), "images/b.png",
                randomPng(2), "aqqua.csv", table), null)));
        assertThat(job.getString("state")).as(job.prettify()).isEqualTo("succeeded");
        assertThat(job.getLong("counts.registered")).isEqualTo(2);
        assertThat(catalogCount(dataset)).isEqualTo(2);
    }

    /** Cancelling a running job stops it; nothing is registered and its objects are removed. */
    @Test
    void runningJobCanBeCancelled() throws Exception {
        UUID dataset = newDataset();
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        new org.aqqua.testing.EcotaxaBundleGenerator(7, 1000).writeZip(3000, archive);
        UUID job = accepted(upload(dataset, archive.toByteArray(), null));
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() ->
                given().auth().oauth2(provider).get("/api/jobs/{id}", job).jsonPath().getString("state"),
                state -> List.of("validating", "storing").contains(state));
        given().auth().oauth2(provider).delete("/api/jobs/{id}", job).then().statusCode(202);
        JsonPath cancelled = finished(job);
        assertThat(cancelled.getString("state")).isEqualTo("cancelled");
        assertThat(catalogCount(dataset)).isZero();
    }

    @Inject
    OrphanSweep sweep;

    /** The sweep deletes what no dataset references (the leftovers of a crash) and keeps registered images. */
    @Test
    void orphanSweepDeletesUnreferencedObjectsOnly() throws Exception {
        UUID dataset = newDataset();
        JsonPath job = finished(accepted(upload(dataset, Bundles.file("import_test.zip"), null)));
        assertThat(job.getString("state")).isEqualTo("succeeded");
        String registered = given().baseUri(CatalogServiceResource.catalogUrl()).auth().oauth2(member)
                .queryParam("dataset", dataset).get("/api/images").then().statusCode(200).extract().jsonPath()
                .getString("items[0].sha256");
        byte[] orphan = randomPng(99);
        String orphanKey = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(orphan));
        s3.putObject(io.minio.PutObjectArgs.builder().bucket(ImageStore.BUCKET).object(orphanKey)
                .stream(new java.io.ByteArrayInputStream(orphan), orphan.length, -1).build());

        assertThat(sweep.sweep(java.time.Instant.now().minusSeconds(3600))).isZero();
        assertThat(exists(orphanKey)).isTrue();
        assertThat(sweep.sweep(java.time.Instant.now().plusSeconds(5))).isPositive();
        assertThat(exists(orphanKey)).isFalse();
        assertThat(exists(registered)).isTrue();
    }

    boolean exists(String key) throws Exception {
        return objectExists(s3, key);
    }

    /** Whether aqqua-images holds an object under {@code key}. */
    static boolean objectExists(MinioClient s3, String key) throws Exception {
        try {
            s3.statObject(StatObjectArgs.builder().bucket(ImageStore.BUCKET).object(key).build());
            return true;
        } catch (io.minio.errors.ErrorResponseException e) {
            return false;
        }
    }

    static byte[] randomPng(int seed) throws Exception {
        Random random = new Random(seed * 7919L + System.nanoTime());
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_GRAY);
        for (int x = 0; x < 40; x++) {
            for (int y = 0; y < 30; y++) {
                image.getRaster().setSample(x, y, 0, random.nextInt(256));
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }
}
