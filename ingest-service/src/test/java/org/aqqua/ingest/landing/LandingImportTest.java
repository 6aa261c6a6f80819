package org.aqqua.ingest.landing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.minio.BucketExistsArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.messages.Item;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.aqqua.ingest.job.Bundles;
import org.aqqua.ingest.job.JobAwait;
import org.aqqua.testing.AqquaInfrastructureResource;
import org.aqqua.testing.CatalogFixtures;
import org.aqqua.testing.CatalogServiceResource;
import org.aqqua.testing.DemoRealm;
import org.aqqua.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Imports from a landing bucket on the real S3 server: the upstream fixture folders put there as plain objects, as
 * Globus or rclone would leave them, give exactly the job outcome of the same folder uploaded as a zip, and the
 * landing bucket is left as it was.
 */
@QuarkusTest
@WithTestResource(value = AqquaInfrastructureResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "ingest-service"))
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.GLOBAL)
class LandingImportTest {

    static final String LANDING = "aqqua-landing-test";

    static String curator;
    static String provider;

    @Inject
    MinioClient s3;

    @BeforeAll
    static void tokens() {
        curator = Tokens.forUser(DemoRealm.CURATOR);
        provider = Tokens.forUser(DemoRealm.PROVIDER);
    }

    @BeforeEach
    void landingBucket() throws Exception {
        if (!s3.bucketExists(BucketExistsArgs.builder().bucket(LANDING).build())) {
            s3.makeBucket(MakeBucketArgs.builder().bucket(LANDING).build());
        }
    }

    static UUID newDataset() {
        return CatalogFixtures.dataset(Tokens.subjectOf(provider), "draft");
    }

    static Response importing(String token, UUID dataset, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .post("/api/datasets/{id}/imports", dataset);
    }

    static JsonPath imported(UUID dataset, String prefix) {
        return JobAwait.finished(curator, JobAwait.accepted(importing(curator, dataset,
                Map.of("bucket", LANDING, "prefix", prefix))));
    }

    static JsonPath uploaded(UUID dataset, byte[] zip) {
        return JobAwait.finished(curator, JobAwait.accepted(given().auth().oauth2(curator)
                .contentType("application/zip").body(zip).post("/api/datasets/{id}/archives", dataset)));
    }

    /** Puts every file of an upstream fixture folder under a fresh prefix, keys relative to the folder. */
    String land(String set) throws Exception {
        Path root = Bundles.ECOTAXA.resolve(set);
        String prefix = "globus/" + UUID.randomUUID() + "/";
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                put(prefix + root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return prefix;
    }

    void put(String key, byte[] content) throws Exception {
        s3.putObject(PutObjectArgs.builder().bucket(LANDING).object(key)
                .stream(new ByteArrayInputStream(content), content.length, -1).build());
    }

    /** Key, size and ETag of every object under the prefix: what must not change. */
    List<String> listing(String prefix) throws Exception {
        List<String> objects = new ArrayList<>();
        for (var result : s3.listObjects(ListObjectsArgs.builder().bucket(LANDING).prefix(prefix).recursive(true)
                .build())) {
            Item item = result.get();
            objects.add(item.objectName() + " " + item.size() + " " + item.etag());
        }
        return objects;
    }

    /** What a job found and did: state, counts and every problem with file, line, field, value and reason. */
    static Map<String, Object> outcome(JsonPath job) {
        return Map.of("state", job.getString("state"), "counts", job.getMap("counts"),
                "problems", job.getList("problems.items"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"import_test", "import_issues/tsv_issues", "import_uvp6_zip_in_dir", "import_test_weird"})
    void folderTreeImportGivesTheSameResultAsItsZipUploaded(String set) throws Exception {
        String prefix = land(set);
        List<String> before = listing(prefix);

        JsonPath landing = imported(newDataset(), prefix);
        JsonPath zip = uploaded(newDataset(), Bundles.zipFolder(set));

        assertThat(outcome(landing)).as(landing.prettify()).isEqualTo(outcome(zip));
        assertThat(landing.getString("source.kind")).isEqualTo("landing");
        assertThat(landing.getString("source.bucket")).isEqualTo(LANDING);
        assertThat(landing.getString("source.prefix")).isEqualTo(prefix);
        assertThat(landing.getLong("progress.bytesRead")).isEqualTo(landing.getLong("archive.bytes")).isPositive();
        assertThat(listing(prefix)).as("the landing prefix is left as it was").isEqualTo(before);
    }

    /** The outcomes compared above are not trivially equal: the broken set's problems are named line by line. */
    @Test
    void brokenSetReportsItsProblemsOnTheirLinesAndFields() throws Exception {
        JsonPath landing = imported(newDataset(), land("import_issues/tsv_issues"));
        assertThat(landing.getString("state")).isEqualTo("failed");
        assertThat(landing.getList("problems.items", Map.class))
                .extracting(p -> p.get("file") + ":" + p.get("line") + " " + p.get("field") + " " + p.get("value"))
                .contains("ecotaxa_m106_mn01_n3_sml.tsv:3 object_lat 100",
                        "ecotaxa_m106_mn01_n3_sml.tsv:8 img_file_name nada.png");
        assertThat(landing.getLong("counts.registered")).isZero();
    }

    /** One archive under the prefix, as a Globus transfer of a bundle leaves it, is read as if it were uploaded. */
    @Test
    void oneArchiveUnderThePrefixIsReadAsIfUploaded() throws Exception {
        byte[] archive = Bundles.file("import_test.zip");
        String prefix = "ftp/" + UUID.randomUUID() + "/";
        put(prefix + "import_test.zip", archive);

        JsonPath landing = imported(newDataset(), prefix.substring(0, prefix.length() - 1));
        JsonPath zip = uploaded(newDataset(), archive);

        assertThat(landing.getString("state")).as(landing.prettify()).isEqualTo("succeeded");
        assertThat(landing.getLong("counts.registered")).isEqualTo(8);
        assertThat(outcome(landing)).isEqualTo(outcome(zip));
        assertThat(landing.getLong("archive.bytes")).isEqualTo(archive.length);
        assertThat(listing(prefix)).hasSize(1);
    }

    /** Archives within a folder tree are unpacked where they lie, next to the plain files. */
    @Test
    void archiveInsideAFolderTreeIsUnpackedInPlace() throws Exception {
        String prefix = land("import_test");
        put(prefix + "uvp6/b_da_19_Images.zip", Bundles.file("import_uvp6_zip_in_dir/b_da_19_Images.zip"));
        JsonPath landing = imported(newDataset(), prefix);
        assertThat(landing.getString("state")).as(landing.prettify()).isEqualTo("succeeded");
        assertThat(landing.getLong("counts.registered")).isEqualTo(8 + 15);
    }

    @Test
    void unknownBucketEmptyPrefixAndBadFieldsAre422NamingTheField() throws Exception {
        UUID dataset = newDataset();
        refused(dataset, Map.of("bucket", "no-such-landing-bucket", "prefix", "x/"), "bucket",
                "no-such-landing-bucket", "no such bucket");
        refused(dataset, Map.of("bucket", LANDING, "prefix", "nothing-arrived-here/"), "prefix",
                "nothing-arrived-here/", "nothing under s3://" + LANDING + "/nothing-arrived-here/");
        refused(dataset, Map.of("bucket", "aqqua-images", "prefix", "sha256/"), "bucket", "aqqua-images",
                "AqQua's own buckets");
        refused(dataset, Map.of("bucket", "Not_A_Bucket!", "prefix", "x/"), "bucket", "Not_A_Bucket!",
                "not a valid S3 bucket name");
        refused(dataset, Map.of("bucket", LANDING, "prefix", "/"), "prefix", "/", "must name a folder");
        refused(dataset, Map.of("bucket", LANDING, "prefix", ""), "prefix", "", "must not be blank");
        refused(dataset, Map.of("bucket", LANDING, "prefix", "x/", "policy", "some-of-it"), "policy", "some-of-it",
                "must be all-or-nothing or accept-valid");
        refused(dataset, Map.of("bucket", LANDING, "prefix", "set\u00001/"), "prefix", "set\u00001/",
                "holds U+0000 at character 4");
    }

    static void refused(UUID dataset, Map<String, Object> body, String field, String value, String reason) {
        importing(curator, dataset, body).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field)).body("errors[0].value", equalTo(value))
                .body("errors[0].message", org.hamcrest.Matchers.containsString(reason));
    }

    @Test
    void onlyCuratorsImportIntoOpenDatasets() throws Exception {
        UUID dataset = newDataset();
        String prefix = land("import_test");
        Map<String, Object> body = Map.of("bucket", LANDING, "prefix", prefix);
        given().contentType("application/json").body(body).post("/api/datasets/{id}/imports", dataset)
                .then().statusCode(401).contentType("application/problem+json");
        for (String user : List.of(DemoRealm.PROVIDER, DemoRealm.OTHER_PROVIDER, DemoRealm.MEMBER)) {
            importing(Tokens.forUser(user), dataset, body).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        importing(curator, UUID.randomUUID(), body).then().statusCode(404).contentType("application/problem+json");
        UUID released = CatalogFixtures.dataset(Tokens.subjectOf(provider), "released");
        importing(curator, released, body).then().statusCode(409).contentType("application/problem+json");

        UUID job = JobAwait.accepted(importing(curator, dataset, body));
        given().auth().oauth2(provider).get("/api/jobs/{id}", job).then().statusCode(404);
        assertThat(JobAwait.finished(curator, job).getString("state")).isEqualTo("succeeded");
    }
}
