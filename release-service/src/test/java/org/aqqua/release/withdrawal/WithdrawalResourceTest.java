package org.aqqua.release.withdrawal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.aqqua.testing.AqquaInfrastructureResource;
import org.aqqua.testing.CatalogFixtures;
import org.aqqua.testing.CatalogServiceResource;
import org.aqqua.testing.DemoRealm;
import org.aqqua.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Withdrawal across two running services: release-service changes the dataset's state in the real
 * catalog-service with its client-credentials token and writes the audit log.
 */
@QuarkusTest
@WithTestResource(value = AqquaInfrastructureResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "release-service"))
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.GLOBAL)
class WithdrawalResourceTest {

    static String curator;
    static String member;
    static String provider;

    @BeforeAll
    static void tokens() {
        curator = Tokens.forUser(DemoRealm.CURATOR);
        member = Tokens.forUser(DemoRealm.MEMBER);
        provider = Tokens.forUser(DemoRealm.PROVIDER);
    }

    @Test
    void curatorWithdrawsThroughTheCatalogAndTheAuditLogTellsWhoAndWhy() {
        UUID dataset = CatalogFixtures.dataset(Tokens.subjectOf(provider), "ready");
        given().auth().oauth2(curator).contentType("application/json")
                .body("{\"reason\":\"Owner asked to withdraw: duplicate of another dataset\"}")
                .when().post("/api/datasets/{id}/withdrawal", dataset)
                .then().statusCode(200).body("status", equalTo("withdrawn"));

        given().baseUri(CatalogServiceResource.catalogUrl())
                .auth().oauth2(Tokens.forClient(DemoRealm.RELEASE_CLIENT, DemoRealm.RELEASE_SECRET))
                .when().get("/internal/datasets/{id}", dataset)
                .then().statusCode(200)
                .body("status", equalTo("withdrawn"))
                .body("statusReason", equalTo("Owner asked to withdraw: duplicate of another dataset"));

        given().auth().oauth2(curator).queryParam("dataset", dataset).when().get("/api/releases/audit")
                .then().statusCode(200)
                .body("[0].action", equalTo("withdraw"))
                .body("[0].outcome", equalTo("succeeded"))
                .body("[0].actor", startsWith("user:" + DemoRealm.CURATOR + " ("))
                .body("[0].detail", equalTo("Owner asked to withdraw: duplicate of another dataset"));
    }

    @Test
    void refusalsOfTheCatalogAreKeptAndAudited() {
        UUID missing = UUID.randomUUID();
        given().auth().oauth2(curator).contentType("application/json").body("{\"reason\":\"gone\"}")
                .when().post("/api/datasets/{id}/withdrawal", missing)
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("No dataset " + missing + "."));
        given().auth().oauth2(curator).queryParam("dataset", missing).when().get("/api/releases/audit")
                .then().statusCode(200).body("[0].outcome", equalTo("refused"));
    }

    @Test
    void roleMatrix() {
        UUID dataset = CatalogFixtures.dataset(Tokens.subjectOf(provider), "ready");
        given().contentType("application/json").body("{\"reason\":\"x\"}")
                .when().post("/api/datasets/{id}/withdrawal", dataset)
                .then().statusCode(401).contentType("application/problem+json");
        for (String token : new String[] {member, provider}) {
            given().auth().oauth2(token).contentType("application/json").body("{\"reason\":\"x\"}")
                    .when().post("/api/datasets/{id}/withdrawal", dataset)
                    .then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(token).when().get("/api/releases/audit").then().statusCode(403);
        }
        given().when().get("/api/releases/audit").then().statusCode(401);
        given().auth().oauth2(curator).when().get("/api/releases/audit").then().statusCode(200);
    }

    @Test
    void userTokensCannotCallTheCatalogInternalApi() {
        UUID dataset = CatalogFixtures.dataset(Tokens.subjectOf(provider), "ready");
        given().baseUri(CatalogServiceResource.catalogUrl()).auth().oauth2(curator)
                .contentType("application/json").body("{\"status\":\"withdrawn\"}")
                .when().put("/internal/datasets/{id}/status", dataset)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void invalidRequestsAreProblems() {
        UUID dataset = CatalogFixtures.dataset(Tokens.subjectOf(provider), "ready");
        given().auth().oauth2(curator).contentType("application/json").body("{\"reason\":\"  \"}")
                .when().post("/api/datasets/{id}/withdrawal", dataset)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("reason"));
        // The reason goes on the public tombstone page: a control character (here NUL) is refused and named.
        given().auth().oauth2(curator).contentType("application/json").body("{\"reason\":\"duplicate\\u0000\"}")
                .when().post("/api/datasets/{id}/withdrawal", dataset)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("reason"))
                .body("errors[0].message", startsWith("holds U+0000 at character 10"));
        given().auth().oauth2(curator).contentType("application/json").body("{reason: nope")
                .when().post("/api/datasets/{id}/withdrawal", dataset)
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Bad Request"))
                .body("detail", startsWith("The request body is not valid JSON"));
        given().auth().oauth2(curator).queryParam("limit", 0).when().get("/api/releases/audit")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().when().get("/nowhere").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
    }
}
