package org.aqqua.ingest.ecotaxa;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aqqua.ingest.job.JobAwait;
import org.aqqua.testing.AqquaInfrastructureResource;
import org.aqqua.testing.CatalogFixtures;
import org.aqqua.testing.CatalogServiceResource;
import org.aqqua.testing.DemoRealm;
import org.aqqua.testing.EcotaxaStub;
import org.aqqua.testing.EcotaxaStubResource;
import org.aqqua.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * EcoTaxa pulls against the stub EcoTaxa (its API's shapes, the upstream import_test bundle as project
 * {@value EcotaxaStubResource#IMPORT_TEST_PROJECT}'s export): the bundle is ingested, and each way EcoTaxa can
 * fail becomes a failed job whose failure names the cause.
 */
@QuarkusTest
@WithTestResource(value = AqquaInfrastructureResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "ingest-service"))
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = EcotaxaStubResource.class, scope = TestResourceScope.GLOBAL)
class EcotaxaPullTest {

    static final long PROJECT = EcotaxaStubResource.IMPORT_TEST_PROJECT;

    static String provider;

    @BeforeAll
    static void tokens() {
        provider = Tokens.forUser(DemoRealm.PROVIDER);
    }

    @AfterEach
    void stubBackToNormal() {
        EcotaxaStubResource.stub().mode(EcotaxaStub.Mode.NORMAL);
        EcotaxaStubResource.stub().start();
    }

    static UUID newDataset() {
        return CatalogFixtures.dataset(Tokens.subjectOf(provider), "draft");
    }

    static Response pull(String token, UUID dataset, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .post("/api/datasets/{id}/ecotaxa-pulls", dataset);
    }

    static JsonPath pulled(long project) {
        return JobAwait.finished(provider, JobAwait.accepted(pull(provider, newDataset(),
                Map.of("projectId", project))));
    }

    @Test
    void pullIngestsTheExportedBundle() throws Exception {
        List<String> before = EcotaxaStubResource.stub().requests();
        JsonPath job = pulled(PROJECT);
        assertThat(job.getString("state")).as(job.prettify()).isEqualTo("succeeded");
        assertThat(job.getLong("counts.registered")).isEqualTo(8);
        assertThat(job.getLong("counts.problems")).isZero();
        assertThat(job.getString("source.kind")).isEqualTo("ecotaxa");
        assertThat(job.getLong("source.ecotaxaProjectId")).isEqualTo(PROJECT);
        byte[] bundle = Files.readAllBytes(EcotaxaStub.upstreamFixture("import_test.zip"));
        assertThat(job.getString("archive.sha256"))
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bundle)));
        assertThat(job.getLong("progress.bytesRead")).isEqualTo(bundle.length);

        List<String> calls = EcotaxaStubResource.stub().requests().subList(before.size(),
                EcotaxaStubResource.stub().requests().size());
        assertThat(calls.get(0)).isEqualTo("POST /login");
        assertThat(calls.get(1)).isEqualTo("POST /object_set/export/backup");
        assertThat(calls.get(calls.size() - 1)).matches("GET /jobs/\\d+/file");
        assertThat(calls.subList(2, calls.size() - 1)).allMatch(call -> call.matches("GET /jobs/\\d+/"));
    }

    @Test
    void refusedLoginFailsTheJob() {
        EcotaxaStubResource.stub().mode(EcotaxaStub.Mode.REFUSE_LOGIN);
        assertFailure(pulled(PROJECT), "refused the login of user '" + EcotaxaStub.USERNAME + "' (HTTP 403",
                "aqqua.ecotaxa.password");
    }

    @Test
    void exportInErrorFailsTheJobWithEcotaxasMessage() {
        EcotaxaStubResource.stub().mode(EcotaxaStub.Mode.FAIL_EXPORT);
        assertFailure(pulled(PROJECT), "of project " + PROJECT + " ended in error (state E)",
                "1 error(s) during run: No content produced.");
    }

    @Test
    void exportThatNeverFinishesTimesOut() {
        EcotaxaStubResource.stub().mode(EcotaxaStub.Mode.NEVER_FINISH);
        assertFailure(pulled(PROJECT), "did not finish within " + EcotaxaStubResource.TIMEOUT
                + " (aqqua.ecotaxa.timeout)", "last state was R");
    }

    @Test
    void unreachableEcotaxaFailsTheJob() {
        EcotaxaStubResource.stub().stop();
        assertFailure(pulled(PROJECT), "EcoTaxa at " + EcotaxaStubResource.stub().url()
                + " could not be reached to log in", "ConnectException");
    }

    @Test
    void projectNotSharedWithAqquaFailsTheJob() {
        assertFailure(pulled(999_999), "EcoTaxa refused to export project 999999 (HTTP 403",
                "shared with the AqQua EcoTaxa user");
    }

    static void assertFailure(JsonPath job, String... cause) {
        assertThat(job.getString("state")).as(job.prettify()).isEqualTo("failed");
        assertThat(job.getString("failure")).contains(cause);
        assertThat(job.getLong("counts.registered")).isZero();
    }

    @Test
    void ownersAndCuratorsPullIntoOpenDatasets() {
        UUID dataset = newDataset();
        Map<String, Object> body = Map.of("projectId", PROJECT);
        given().contentType("application/json").body(body).post("/api/datasets/{id}/ecotaxa-pulls", dataset)
                .then().statusCode(401).contentType("application/problem+json");
        pull(Tokens.forUser(DemoRealm.MEMBER), dataset, body).then().statusCode(403);
        pull(Tokens.forUser(DemoRealm.OTHER_PROVIDER), dataset, body).then().statusCode(404)
                .contentType("application/problem+json");
        UUID released = CatalogFixtures.dataset(Tokens.subjectOf(provider), "released");
        pull(provider, released, body).then().statusCode(409).contentType("application/problem+json");
        pull(provider, dataset, Map.of()).then().statusCode(422).body("errors[0].field", equalTo("projectId"));
        pull(provider, dataset, Map.of("projectId", -3)).then().statusCode(422)
                .body("errors[0].field", equalTo("projectId")).body("errors[0].value", equalTo("-3"));
        pull(provider, dataset, Map.of("projectId", PROJECT, "policy", "most")).then().statusCode(422)
                .body("errors[0].field", equalTo("policy"));

        String curator = Tokens.forUser(DemoRealm.CURATOR);
        JsonPath job = JobAwait.finished(curator, JobAwait.accepted(pull(curator, dataset, body)));
        assertThat(job.getString("state")).as(job.prettify()).isEqualTo("succeeded");
    }
}
