package org.aqqua.catalog.dataset;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.aqqua.testing.AqquaInfrastructureResource;
import org.aqqua.testing.DemoRealm;
import org.aqqua.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Who may read datasets, with real Keycloak tokens: the role matrix of DESIGN.md. */
@QuarkusTest
@WithTestResource(value = AqquaInfrastructureResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "catalog-service"))
class DatasetAccessTest {

    static String providerToken;
    static String otherProviderToken;
    static String memberToken;
    static String curatorToken;
    static String serviceUserToken;
    static Dataset owned;
    static Dataset foreign;

    @BeforeAll
    static void datasets() {
        providerToken = Tokens.forUser(DemoRealm.PROVIDER);
        otherProviderToken = Tokens.forUser(DemoRealm.OTHER_PROVIDER);
        memberToken = Tokens.forUser(DemoRealm.MEMBER);
        curatorToken = Tokens.forUser(DemoRealm.CURATOR);
        serviceUserToken = Tokens.forUser(DemoRealm.SERVICE_USER);
        owned = TestDatasets.create(Tokens.subjectOf(providerToken), "Owned by demo-provider", DatasetStatus.DRAFT);
        foreign = TestDatasets.create(Tokens.subjectOf(otherProviderToken), "Owned by demo-provider-2",
                DatasetStatus.READY);
    }

    @Test
    void anonymousGets401ProblemWithBearerChallenge() {
        given().when().get("/api/datasets")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"))
                .body("detail", not(equalTo(null)));
    }

    @Test
    void forgedTokenGets401() {
        String forged = providerToken.substring(0, providerToken.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        given().auth().oauth2(forged).when().get("/api/datasets")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void wrongRoleGets403() {
        given().auth().oauth2(serviceUserToken).when().get("/api/datasets")
                .then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403)).body("title", equalTo("Forbidden"));
    }

    @Test
    void memberAndCuratorSeeEveryDataset() {
        for (String token : new String[] {memberToken, curatorToken}) {
            given().auth().oauth2(token).queryParam("limit", 1000).when().get("/api/datasets")
                    .then().statusCode(200)
                    .body("id", hasItem(owned.id.toString()))
                    .body("id", hasItem(foreign.id.toString()));
        }
    }

    @Test
    void theStatusFilterTakesWireNamesAndNamesABadOne() {
        given().auth().oauth2(memberToken).queryParam("status", "ready").queryParam("limit", 1000)
                .when().get("/api/datasets")
                .then().statusCode(200)
                .body("id", hasItem(foreign.id.toString()))
                .body("id", not(hasItem(owned.id.toString())))
                .body("status", everyItem(equalTo("ready")));
        given().auth().oauth2(memberToken).queryParam("status", "finished").when().get("/api/datasets")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].value", equalTo("finished"));
    }

    @Test
    void providerSeesOnlyOwnDatasets() {
        given().auth().oauth2(providerToken).when().get("/api/datasets")
                .then().statusCode(200)
                .body("id", hasItem(owned.id.toString()))
                .body("id", not(hasItem(foreign.id.toString())))
                .body("title", everyItem(not(equalTo("Owned by demo-provider-2"))));
        given().auth().oauth2(providerToken).when().get("/api/datasets/{id}", owned.id)
                .then().statusCode(200).body("title", equalTo("Owned by demo-provider"));
    }

    @Test
    void providerReadingAnotherProvidersDatasetGets404() {
        given().auth().oauth2(providerToken).when().get("/api/datasets/{id}", foreign.id)
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("No dataset " + foreign.id + "."));
    }

    @Test
    void internalApiTakesServiceAccountsOnly() {
        String ingestToken = Tokens.forClient(DemoRealm.INGEST_CLIENT, DemoRealm.INGEST_SECRET);
        given().auth().oauth2(ingestToken).when().get("/internal/datasets/{id}", foreign.id)
                .then().statusCode(200)
                .body("ownerSubject", equalTo(Tokens.subjectOf(otherProviderToken)))
                .body("status", equalTo("ready"));
        given().when().get("/internal/datasets/{id}", foreign.id).then().statusCode(401);
        // A user token is refused, even that of a user who holds the role "service".
        for (String userToken : new String[] {memberToken, curatorToken, serviceUserToken}) {
            given().auth().oauth2(userToken).when().get("/internal/datasets/{id}", foreign.id)
                    .then().statusCode(403).contentType("application/problem+json");
        }
    }

    @Test
    void serviceAccountMovesDatasetThroughItsLifeCycle() {
        String releaseToken = Tokens.forClient(DemoRealm.RELEASE_CLIENT, DemoRealm.RELEASE_SECRET);
        Dataset dataset = TestDatasets.create(Tokens.subjectOf(providerToken), "Life cycle", DatasetStatus.READY);
        given().auth().oauth2(releaseToken).contentType("application/json")
                .body("{\"status\":\"released\"}")
                .when().put("/internal/datasets/{id}/status", dataset.id)
                .then().statusCode(200).body("status", equalTo("released"));
        given().auth().oauth2(releaseToken).contentType("application/json")
                .body("{\"status\":\"receiving\"}")
                .when().put("/internal/datasets/{id}/status", dataset.id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("Dataset " + dataset.id
                        + " is released and cannot become receiving; allowed next: [withdrawn]."));
    }
}
