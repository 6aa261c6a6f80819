package org.aqqua.catalog.owner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.aqqua.catalog.agreement.AgreementForms;
import org.aqqua.testing.AqquaInfrastructureResource;
import org.aqqua.testing.DemoRealm;
import org.aqqua.testing.Tokens;
import org.junit.jupiter.api.Test;

/** Contact details: curators only; the mailing list holds those who opted in; erasure keeps the credit. */
@QuarkusTest
@WithTestResource(value = AqquaInfrastructureResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "catalog-service"))
class OwnerResourceTest {

    @Test
    void curatorsReadContactsExportTheMailingListAndEraseOnRequest() {
        String pedro = Tokens.forUser(DemoRealm.OTHER_PROVIDER);
        String agreement = given().auth().oauth2(pedro).contentType("application/json")
                .body(AgreementForms.validForm().replace("Paula", "Pedro").replace("paula@lab.example",
                        "pedro@lab.example").replace("\"mailingList\": true", "\"mailingList\": true"))
                .when().post("/api/agreements").then().statusCode(201).extract().jsonPath().getString("id");
        String curator = Tokens.forUser(DemoRealm.CURATOR);

        JsonPath owners = given().auth().oauth2(curator).when().get("/api/owners").then().statusCode(200)
                .extract().jsonPath();
        String pedroId = owners.getString("find { it.email == 'pedro@lab.example' }.id");
        given().auth().oauth2(curator).when().get("/api/owners/mailing-list").then().statusCode(200)
                .contentType("text/csv")
                .body(containsString("name,email,institute\r\n"))
                .body(containsString("Pedro Provider,pedro@lab.example,Lab of Plankton\r\n"));

        given().auth().oauth2(curator).when().delete("/api/owners/{id}/contact", pedroId).then().statusCode(204);
        given().auth().oauth2(curator).when().get("/api/owners").then().statusCode(200)
                .body("find { it.id == '" + pedroId + "' }.email", nullValue())
                .body("find { it.id == '" + pedroId + "' }.erasedAt", notNullValue())
                .body("find { it.id == '" + pedroId + "' }.surname", equalTo("Provider"));
        given().auth().oauth2(curator).when().get("/api/owners/mailing-list").then().statusCode(200)
                .body(not(containsString("pedro@lab.example")));
        given().auth().oauth2(curator).when().get("/api/agreements/{id}", agreement).then().statusCode(200)
                .body("owner.email", nullValue())
                .body("owner.erased", equalTo(true))
                .body("owner.givenName", equalTo("Pedro"))
                .body("owner.orcid", equalTo("0000-0002-1825-0097"));
    }

    @Test
    void nobodyButCuratorsSeesContacts() {
        for (String user : new String[] {DemoRealm.MEMBER, DemoRealm.PROVIDER}) {
            String token = Tokens.forUser(user);
            given().auth().oauth2(token).when().get("/api/owners").then().statusCode(403);
            given().auth().oauth2(token).when().get("/api/owners/mailing-list").then().statusCode(403);
        }
        given().when().get("/api/owners").then().statusCode(401);
        // Member views of datasets never carry contact data.
        given().auth().oauth2(Tokens.forUser(DemoRealm.MEMBER)).queryParam("limit", 1000).when().get("/api/datasets")
                .then().statusCode(200).body(not(containsString("@lab.example")));
    }
}
