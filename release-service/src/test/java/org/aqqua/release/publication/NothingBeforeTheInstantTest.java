package org.aqqua.release.publication;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import org.aqqua.release.ReleaseClockTest;
import org.aqqua.testing.AqquaInfrastructureResource;
import org.aqqua.testing.CatalogFixtures;
import org.aqqua.testing.CatalogFixtures.DatasetFixture;
import org.aqqua.testing.CatalogServiceResource;
import org.aqqua.testing.DemoRealm;
import org.aqqua.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Every public door of every service, one second before the release and one second after the scheduler's run:
 * the catalog's records, image search, single images, content redirects and counts; release-service's files and
 * landing pages. Before, each answers as if the dataset did not exist; after, each shows it; never an e-mail.
 */
@QuarkusTest
@WithTestResource(value = AqquaInfrastructureResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "release-service"))
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.GLOBAL)
class NothingBeforeTheInstantTest extends ReleaseClockTest {

    @TestHTTPResource("/")
    URL release;

    @Test
    void oneSecondBeforeNothingIsPublicAndOneSecondAfterTheRunEverythingIs() {
        String owner = Tokens.subjectOf(Tokens.forUser(DemoRealm.PROVIDER));
        UUID dataset = CatalogFixtures.releasable(owner).images(3).create();
        String title = "Fixture dataset " + dataset;
        long image = imageIds(dataset).get(0);

        clock.set(INSTANT.minusSeconds(1));
        scheduler.runOnce();
        catalog().get("/public/datasets/{id}", dataset).then().statusCode(404);
        assertThat(catalog().get("/public/datasets").asString()).doesNotContain(dataset.toString());
        catalog().queryParam("dataset", dataset).get("/public/images").then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.equalTo(0));
        catalog().get("/public/images/{id}", image).then().statusCode(404);
        catalog().redirects().follow(false).get("/public/images/{id}/content", image).then().statusCode(404);
        given().get(release + "public/releases/datasets/" + dataset).then().statusCode(404);
        given().redirects().follow(false).get(release + "public/releases/datasets/" + dataset + "/files/dwca.zip")
                .then().statusCode(404);
        given().get(release + "datasets/" + dataset).then().statusCode(404);
        assertThat(given().get(release.toString()).asString()).doesNotContain(title);

        clock.set(INSTANT.plusSeconds(1));
        assertThat(scheduler.runOnce().released()).contains(dataset);
        List<String> outputs = List.of(
                catalog().get("/public/datasets/{id}", dataset).then().statusCode(200).extract().asString(),
                catalog().get("/public/datasets").then().statusCode(200).extract().asString(),
                catalog().queryParam("dataset", dataset).get("/public/images").then().statusCode(200)
                        .body("items.size()", org.hamcrest.Matchers.equalTo(3)).extract().asString(),
                catalog().get("/public/images/{id}", image).then().statusCode(200).extract().asString(),
                given().get(release + "public/releases/datasets/" + dataset).then().statusCode(200).extract()
                        .asString(),
                given().get(release + "datasets/" + dataset).then().statusCode(200).extract().asString(),
                given().get(release.toString()).then().statusCode(200).extract().asString());
        catalog().redirects().follow(false).get("/public/images/{id}/content", image).then().statusCode(302);
        given().redirects().follow(false).get(release + "public/releases/datasets/" + dataset + "/files/dwca.zip")
                .then().statusCode(302);
        assertThat(outputs.get(1)).contains(dataset.toString());
        assertThat(outputs.get(6)).contains(title);
        assertThat(outputs).allSatisfy(output -> assertThat(output).doesNotContain(DatasetFixture.OWNER_EMAIL));
    }

    private static io.restassured.specification.RequestSpecification catalog() {
        return given().baseUri(CatalogServiceResource.catalogUrl());
    }

    private static List<Long> imageIds(UUID dataset) {
        String service = Tokens.forClient(DemoRealm.RELEASE_CLIENT, DemoRealm.RELEASE_SECRET);
        return catalog().auth().oauth2(service).queryParam("format", "jsonl")
                .get("/internal/datasets/{id}/images/export", dataset).then().statusCode(200).extract().asString()
                .lines().map(line -> Long.parseLong(line.replaceAll("^\\{\"id\":(\\d+),.*$", "$1"))).toList();
    }
}
