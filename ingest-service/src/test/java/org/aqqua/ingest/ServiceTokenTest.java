package org.aqqua.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.aqqua.catalog.client.CatalogDatasets;
import org.aqqua.testing.AqquaInfrastructureResource;
import org.aqqua.testing.CatalogFixtures;
import org.aqqua.testing.CatalogServiceResource;
import org.aqqua.testing.DemoRealm;
import org.aqqua.testing.Tokens;
import org.junit.jupiter.api.Test;

/** ingest-service reaches the catalog's internal API with its own client-credentials token; users cannot. */
@QuarkusTest
@WithTestResource(value = AqquaInfrastructureResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "ingest-service"))
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.GLOBAL)
class ServiceTokenTest {

    @Inject
    CatalogDatasets catalog;

    @Test
    void ingestServiceCallsCatalogInternalApiWithClientCredentials() {
        String provider = Tokens.forUser(DemoRealm.PROVIDER);
        UUID dataset = CatalogFixtures.dataset(Tokens.subjectOf(provider), "draft");

        org.assertj.core.api.Assertions.assertThat(catalog.find(dataset)).hasValueSatisfying(found -> {
            org.assertj.core.api.Assertions.assertThat(found.ownerSubject()).isEqualTo(Tokens.subjectOf(provider));
            org.assertj.core.api.Assertions.assertThat(found.status()).isEqualTo("draft");
        });
        org.assertj.core.api.Assertions.assertThat(catalog.changeStatus(dataset, "receiving", "archive arrived")
                .status()).isEqualTo("receiving");

        // The very same internal call with a user's token is refused.
        given().baseUri(CatalogServiceResource.catalogUrl()).auth().oauth2(provider)
                .when().get("/internal/datasets/{id}", dataset)
                .then().statusCode(403).contentType("application/problem+json");
        given().baseUri(CatalogServiceResource.catalogUrl()).auth().oauth2(Tokens.forUser(DemoRealm.SERVICE_USER))
                .when().get("/internal/datasets/{id}", dataset)
                .then().statusCode(403);
        given().baseUri(CatalogServiceResource.catalogUrl())
                .auth().oauth2(Tokens.forClient(DemoRealm.INGEST_CLIENT, DemoRealm.INGEST_SECRET))
                .when().get("/internal/datasets/{id}", dataset)
                .then().statusCode(200).body("status", equalTo("receiving"));
    }
}
