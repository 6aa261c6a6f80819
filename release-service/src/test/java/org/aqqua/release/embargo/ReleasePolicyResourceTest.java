package org.aqqua.release.embargo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.aqqua.testing.AqquaInfrastructureResource;
import org.aqqua.testing.CatalogServiceResource;
import org.aqqua.testing.DemoRealm;
import org.aqqua.testing.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = AqquaInfrastructureResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "release-service"))
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.GLOBAL)
class ReleasePolicyResourceTest {

    @Test
    void everyLoggedInUserReadsThePolicy() {
        for (String user : new String[] {DemoRealm.PROVIDER, DemoRealm.MEMBER, DemoRealm.CURATOR}) {
            given().auth().oauth2(Tokens.forUser(user)).when().get("/api/releases/policy")
                    .then().statusCode(200)
                    .body("releaseInstant", equalTo("2027-07-15T12:00:00Z"))
                    .body("licence.spdxId", equalTo("CC-BY-NC-4.0"))
                    .body("released", equalTo(false));
        }
        given().when().get("/api/releases/policy").then().statusCode(401).contentType("application/problem+json");
    }
}
