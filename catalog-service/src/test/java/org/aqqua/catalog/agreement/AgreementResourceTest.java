package org.aqqua.catalog.agreement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.aqqua.testing.AqquaInfrastructureResource;
import org.aqqua.testing.DemoRealm;
import org.aqqua.testing.Tokens;
import org.junit.jupiter.api.Test;

/** Sharing agreements and their datasets, with real tokens: who signs, who reads, what is refused. */
@QuarkusTest
@WithTestResource(value = AqquaInfrastructureResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "catalog-service"))
class AgreementResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void providerSignsAndReadsOwnAgreementCuratorReadsAllOthersNot() {
        String provider = Tokens.forUser(DemoRealm.PROVIDER);
        String id = given().auth().oauth2(provider).contentType("application/json").body(AgreementForms.validForm())
                .when().post("/api/agreements")
                .then().statusCode(201)
                .header("Location", containsString("/api/agreements/"))
                .body("owner.email", equalTo("paula@lab.example"))
                .body("permissions.publicRelease", equalTo(true))
                .body("interimLicence.spdx", equalTo("CC-BY-4.0"))
                .body("contributors[0].name", equalTo("Lena Lab"))
                .extract().jsonPath().getString("id");

        given().auth().oauth2(provider).when().get("/api/agreements/{id}", id).then().statusCode(200);
        given().auth().oauth2(Tokens.forUser(DemoRealm.CURATOR)).when().get("/api/agreements")
                .then().statusCode(200).body("id", hasItem(id));
        given().auth().oauth2(Tokens.forUser(DemoRealm.OTHER_PROVIDER)).when().get("/api/agreements/{id}", id)
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(Tokens.forUser(DemoRealm.OTHER_PROVIDER)).when().get("/api/agreements")
                .then().statusCode(200).body("id", not(hasItem(id)));
        // Agreements carry contact details: members never read them, and cannot sign either.
        String member = Tokens.forUser(DemoRealm.MEMBER);
        given().auth().oauth2(member).when().get("/api/agreements/{id}", id).then().statusCode(403);
        given().auth().oauth2(member).contentType("application/json").body(AgreementForms.validForm())
                .when().post("/api/agreements").then().statusCode(403).contentType(PROBLEM);
        given().contentType("application/json").body(AgreementForms.validForm())
                .when().post("/api/agreements").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void agreementWithoutAMandatoryPermissionIsRefusedNamingIt() {
        given().auth().oauth2(Tokens.forUser(DemoRealm.PROVIDER)).contentType("application/json")
                .body(AgreementForms.form("{\"modelDevelopment\": true, \"publicRelease\": true, \"modelRelease\": false}"))
                .when().post("/api/agreements")
                .then().statusCode(422).contentType(PROBLEM)
                .body("errors.size()", equalTo(1))
                .body("errors[0].field", equalTo("permissions.modelRelease"))
                .body("errors[0].value", equalTo("false"))
                .body("errors[0].message", containsString("mandatory"));
        given().auth().oauth2(Tokens.forUser(DemoRealm.PROVIDER)).contentType("application/json")
                .body(AgreementForms.form("{\"modelDevelopment\": true, \"modelRelease\": true}"))
                .when().post("/api/agreements")
                .then().statusCode(422).body("errors[0].field", equalTo("permissions.publicRelease"));
    }

    @Test
    void invalidOrcidAndLicenceAreNamed() {
        String form = AgreementForms.validForm().replace("0000-0002-1825-0097", "0000-0002-1825-0098")
                .replace("{\"spdx\": \"CC-BY-4.0\"}", "{\"spdx\": \"CC-BY-4.0\", \"other\": \"My licence\"}");
        given().auth().oauth2(Tokens.forUser(DemoRealm.PROVIDER)).contentType("application/json").body(form)
                .when().post("/api/agreements")
                .then().statusCode(422)
                .body("errors.field", hasItem("owner.orcid"))
                .body("errors.field", hasItem("interimLicence.spdxOrOther"));
    }

    @Test
    void textThatCannotBePublishedIsRefusedNamingTheFieldTheCharacterAndWhereItIs() {
        String provider = Tokens.forUser(DemoRealm.PROVIDER);
        // JSON escapes, as a client sends what was pasted: a vertical tab in the contributor's affiliation.
        given().auth().oauth2(provider).contentType("application/json")
                .body(AgreementForms.validForm().replace("\"affiliation\": \"Lab of Plankton\"",
                        "\"affiliation\": \"Lab of\\u000bPlankton\""))
                .when().post("/api/agreements")
                .then().statusCode(422).contentType(PROBLEM)
                .body("errors.size()", equalTo(1))
                .body("errors[0].field", equalTo("contributors[0].affiliation"))
                .body("errors[0].message", equalTo("holds U+000B at character 7, which cannot be published (a "
                        + "control character, or one XML cannot hold): remove it"));
        given().auth().oauth2(provider).contentType("application/json")
                .body(AgreementForms.validForm().replace("\"doi:10.1000/example\"",
                        "\"doi:10.1000/example\", \"Paper\\u0007\""))
                .when().post("/api/agreements")
                .then().statusCode(422).body("errors[0].field", equalTo("attribution.papersToCite[1]"));

        String agreement = given().auth().oauth2(provider).contentType("application/json")
                .body(AgreementForms.validForm()).when().post("/api/agreements")
                .then().statusCode(201).extract().jsonPath().getString("id");
        given().auth().oauth2(provider).contentType("application/json")
                .body(AgreementForms.dataset("Night\\u0001casts"))
                .when().post("/api/agreements/{id}/datasets", agreement)
                .then().statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("title"))
                .body("errors[0].message", containsString("U+0001 at character 6"));
        given().auth().oauth2(provider).contentType("application/json")
                .body(AgreementForms.dataset("Night casts\\twith a tab \\ud83e\\udd90"))
                .when().post("/api/agreements/{id}/datasets", agreement)
                .then().statusCode(201).body("title", equalTo("Night casts\twith a tab \ud83e\udd90"));
    }

    @Test
    void datasetsAreAddedToOwnAgreementsAndEditedUntilReleased() {
        String provider = Tokens.forUser(DemoRealm.PROVIDER);
        String agreement = given().auth().oauth2(provider).contentType("application/json")
                .body(AgreementForms.validForm()).when().post("/api/agreements")
                .then().statusCode(201).extract().jsonPath().getString("id");
        String dataset = given().auth().oauth2(provider).contentType("application/json")
                .body(AgreementForms.dataset("UVP6 casts 2021"))
                .when().post("/api/agreements/{id}/datasets", agreement)
                .then().statusCode(201)
                .body("status", equalTo("draft"))
                .body("instrument", equalTo("UVP6"))
                .body("embargoUntil", equalTo("2027-07-15T12:00:00Z"))
                .body("licence", equalTo("CC-BY-4.0"))
                .body("agreementId", equalTo(agreement))
                .extract().jsonPath().getString("id");

        given().auth().oauth2(provider).contentType("application/json")
                .body(AgreementForms.dataset("UVP6 casts 2021, corrected"))
                .when().put("/api/datasets/{id}", dataset)
                .then().statusCode(200).body("title", equalTo("UVP6 casts 2021, corrected"));
        // A member may read but never write; another provider sees nothing.
        given().auth().oauth2(Tokens.forUser(DemoRealm.MEMBER)).contentType("application/json")
                .body(AgreementForms.dataset("x")).when().put("/api/datasets/{id}", dataset)
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(Tokens.forUser(DemoRealm.OTHER_PROVIDER)).contentType("application/json")
                .body(AgreementForms.dataset("x")).when().put("/api/datasets/{id}", dataset)
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(Tokens.forUser(DemoRealm.OTHER_PROVIDER)).contentType("application/json")
                .body(AgreementForms.dataset("x")).when().post("/api/agreements/{id}/datasets", agreement)
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(Tokens.forUser(DemoRealm.CURATOR)).contentType("application/json")
                .body(AgreementForms.dataset("Curated title")).when().put("/api/datasets/{id}", dataset)
                .then().statusCode(200).body("title", equalTo("Curated title"));

        String service = Tokens.forClient(DemoRealm.RELEASE_CLIENT, DemoRealm.RELEASE_SECRET);
        for (String status : new String[] {"receiving", "ready", "released"}) {
            given().auth().oauth2(service).contentType("application/json").body("{\"status\":\"" + status + "\"}")
                    .when().put("/internal/datasets/{id}/status", dataset).then().statusCode(200);
        }
        given().auth().oauth2(provider).when().get("/api/datasets/{id}", dataset)
                .then().statusCode(200).body("licence", equalTo("CC-BY-NC-4.0"));
        given().auth().oauth2(provider).contentType("application/json").body(AgreementForms.dataset("late change"))
                .when().put("/api/datasets/{id}", dataset)
                .then().statusCode(409).contentType(PROBLEM)
                .body("detail", equalTo("Dataset " + dataset + " is released and can no longer be edited."));
    }

    @Test
    void curatorsPostponeEmbargoesAndNobodyAdvancesThem() {
        String provider = Tokens.forUser(DemoRealm.PROVIDER);
        String agreement = given().auth().oauth2(provider).contentType("application/json")
                .body(AgreementForms.validForm()).when().post("/api/agreements")
                .then().statusCode(201).extract().jsonPath().getString("id");
        String dataset = given().auth().oauth2(provider).contentType("application/json")
                .body(AgreementForms.dataset("Late data")).when().post("/api/agreements/{id}/datasets", agreement)
                .then().statusCode(201).extract().jsonPath().getString("id");
        String curator = Tokens.forUser(DemoRealm.CURATOR);
        given().auth().oauth2(curator).contentType("application/json")
                .body("{\"embargoUntil\": \"2027-09-01T00:00:00Z\", \"reason\": \"owner's paper in review\"}")
                .when().put("/api/datasets/{id}/embargo", dataset)
                .then().statusCode(200).body("embargoUntil", equalTo("2027-09-01T00:00:00Z"));
        given().auth().oauth2(curator).contentType("application/json")
                .body("{\"embargoUntil\": \"2027-07-15T12:00:00Z\", \"reason\": \"back to normal\"}")
                .when().put("/api/datasets/{id}/embargo", dataset)
                .then().statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("embargoUntil"))
                .body("errors[0].message", equalTo("must be after the current embargo, 2027-09-01T00:00:00Z"));
        given().auth().oauth2(provider).contentType("application/json")
                .body("{\"embargoUntil\": \"2028-01-01T00:00:00Z\", \"reason\": \"mine\"}")
                .when().put("/api/datasets/{id}/embargo", dataset).then().statusCode(403);
    }

    @Test
    void otherInstrumentNeedsAName() {
        String provider = Tokens.forUser(DemoRealm.PROVIDER);
        String agreement = given().auth().oauth2(provider).contentType("application/json")
                .body(AgreementForms.validForm()).when().post("/api/agreements")
                .then().statusCode(201).extract().jsonPath().getString("id");
        given().auth().oauth2(provider).contentType("application/json")
                .body(AgreementForms.dataset("x").replace("\"UVP6\"", "\"other\""))
                .when().post("/api/agreements/{id}/datasets", agreement)
                .then().statusCode(422).body("errors[0].field", equalTo("instrumentNamed"));
        given().auth().oauth2(provider).contentType("application/json")
                .body(AgreementForms.dataset("x").replace("\"UVP6\"", "\"Holocam 3000\""))
                .when().post("/api/agreements/{id}/datasets", agreement)
                .then().statusCode(400).body("errors[0].field", equalTo("instrument"))
                .body("errors[0].message", containsString("unknown instrument 'Holocam 3000'"));
    }
}
