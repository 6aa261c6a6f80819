package org.aqqua.release.plan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aqqua.testing.AqquaInfrastructureResource;
import org.aqqua.testing.CatalogFixtures;
import org.aqqua.testing.CatalogFixtures.DatasetFixture;
import org.aqqua.testing.CatalogServiceResource;
import org.aqqua.testing.DemoRealm;
import org.aqqua.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The release plan against the real catalog (read through its internal API with release-service's own token):
 * who may read it, and for datasets in every situation whether they are released at an instant and exactly why.
 */
@QuarkusTest
@WithTestResource(value = AqquaInfrastructureResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "release-service"))
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.GLOBAL)
class ReleasePlanResourceTest {

    static final String INSTANT = "2027-07-15T12:00:00Z";
    static final Instant LATER = Instant.parse("2027-09-01T12:00:00Z");

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
    void onlyCuratorsReadThePlan() {
        given().auth().oauth2(curator).when().get("/api/releases/plan").then().statusCode(200);
        for (String token : new String[] {member, provider}) {
            given().auth().oauth2(token).when().get("/api/releases/plan")
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().when().get("/api/releases/plan").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forClient(DemoRealm.RELEASE_CLIENT, DemoRealm.RELEASE_SECRET))
                .when().get("/api/releases/plan").then().statusCode(403);
    }

    @Test
    void aBadInstantIsAProblemNamingTheParameter() {
        for (String bad : new String[] {"tomorrow", "2027-07-15", "2027-07-15T12:00:00", ""}) {
            given().auth().oauth2(curator).queryParam("asOf", bad).when().get("/api/releases/plan")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("asOf"))
                    .body("errors[0].value", equalTo(bad));
        }
        given().auth().oauth2(curator).queryParam("asOf", "2027-07-15T14:00:00+02:00").when()
                .get("/api/releases/plan").then().statusCode(200).body("asOf", equalTo(INSTANT));
    }

    @Test
    void everyDatasetIsReleasedOrNotWithEveryReason() {
        String owner = Tokens.subjectOf(provider);
        UUID due = CatalogFixtures.releasable(owner).images(3).create();
        UUID postponed = CatalogFixtures.releasable(owner).embargoUntil(LATER)
                .statusReason("embargo postponed: data paper in review").create();
        UUID receiving = CatalogFixtures.releasable(owner).status("receiving").create();
        UUID draft = CatalogFixtures.releasable(owner).status("draft").create();
        UUID withdrawn = CatalogFixtures.releasable(owner).status("withdrawn")
                .statusReason("Owner asked to withdraw").create();
        UUID noAgreement = CatalogFixtures.releasable(owner).withoutAgreement().create();
        UUID released = CatalogFixtures.releasable(owner).status("released").images(2).create();
        UUID everything = CatalogFixtures.releasable(owner).status("receiving").withoutAgreement()
                .embargoUntil(LATER).create();

        String body = given().auth().oauth2(curator).queryParam("asOf", INSTANT).when().get("/api/releases/plan")
                .then().statusCode(200).extract().asString();
        JsonPath plan = JsonPath.from(body);
        assertThat(plan.getString("asOf")).isEqualTo(INSTANT);
        assertThat(plan.getString("releaseInstant")).isEqualTo(INSTANT);

        Map<String, Object> toRelease = item(plan, "toRelease", due);
        assertThat(toRelease).containsEntry("status", "ready").containsEntry("embargoUntil", INSTANT)
                .containsEntry("imageCount", 3).containsEntry("imageBytes", 3003);
        assertThat(reasons(plan, postponed)).containsExactly("embargo until 2027-09-01T12:00:00Z");
        assertThat(reasons(plan, receiving)).containsExactly("ingest not complete (status receiving)");
        assertThat(reasons(plan, draft)).containsExactly("ingest not complete (status draft)");
        assertThat(reasons(plan, withdrawn)).containsExactly("withdrawn: Owner asked to withdraw");
        assertThat(reasons(plan, noAgreement)).containsExactly(
                "no sharing agreement: permissions model-development, public-release, model-release not on record");
        assertThat(reasons(plan, everything)).containsExactly("embargo until 2027-09-01T12:00:00Z",
                "ingest not complete (status receiving)",
                "no sharing agreement: permissions model-development, public-release, model-release not on record");
        Map<String, Object> before = item(plan, "released", released);
        assertThat(before).containsEntry("imageCount", 2).containsEntry("imageBytes", 2001)
                .containsKey("releasedAt").doesNotContainKey("reasons");

        for (String group : List.of("toRelease", "released", "notReleased")) {
            List<Map<String, Object>> items = plan.getList(group + ".items");
            assertThat(plan.getLong(group + ".datasets")).isEqualTo(items.size());
            assertThat(plan.getLong(group + ".images")).isEqualTo(sum(items, "imageCount"));
            assertThat(plan.getLong(group + ".bytes")).isEqualTo(sum(items, "imageBytes"));
        }
        assertThat(plan.getLong("total.datasets")).isEqualTo(plan.getLong("toRelease.datasets")
                + plan.getLong("released.datasets") + plan.getLong("notReleased.datasets"));
        assertThat(plan.getLong("total.images")).isEqualTo(plan.getLong("toRelease.images")
                + plan.getLong("released.images") + plan.getLong("notReleased.images"));
        assertThat(plan.getLong("total.bytes")).isEqualTo(plan.getLong("toRelease.bytes")
                + plan.getLong("released.bytes") + plan.getLong("notReleased.bytes"));
        assertThat(body).doesNotContain(DatasetFixture.OWNER_EMAIL).doesNotContain("@").doesNotContain(owner);
    }

    @Test
    void oneSecondBeforeTheInstantNothingIsDueAndByDefaultThePlanIsForNow() {
        UUID due = CatalogFixtures.releasable(Tokens.subjectOf(provider)).create();
        JsonPath before = given().auth().oauth2(curator).queryParam("asOf", "2027-07-15T11:59:59Z")
                .when().get("/api/releases/plan").then().statusCode(200).extract().jsonPath();
        assertThat(reasons(before, due)).containsExactly("embargo until " + INSTANT);
        assertThat(before.getList("toRelease.items")).isEmpty();

        // release-service's clock stands one second before the instant in tests.
        JsonPath now = given().auth().oauth2(curator).when().get("/api/releases/plan").then().statusCode(200)
                .extract().jsonPath();
        assertThat(now.getString("asOf")).isEqualTo("2027-07-15T11:59:59Z");
        assertThat(reasons(now, due)).containsExactly("embargo until " + INSTANT);
    }

    static Map<String, Object> item(JsonPath plan, String group, UUID id) {
        List<Map<String, Object>> items = plan.getList(group + ".items");
        List<Map<String, Object>> matching = items.stream().filter(i -> id.toString().equals(i.get("id"))).toList();
        assertThat(matching).as("dataset %s in %s", id, group).hasSize(1);
        for (String other : List.of("toRelease", "released", "notReleased")) {
            if (!other.equals(group)) {
                List<Map<String, Object>> otherItems = plan.getList(other + ".items");
                assertThat(otherItems).noneMatch(i -> id.toString().equals(i.get("id")));
            }
        }
        return matching.get(0);
    }

    @SuppressWarnings("unchecked")
    static List<String> reasons(JsonPath plan, UUID id) {
        return (List<String>) item(plan, "notReleased", id).get("reasons");
    }

    static long sum(List<Map<String, Object>> items, String field) {
        return items.stream().mapToLong(i -> ((Number) i.get(field)).longValue()).sum();
    }
}
