package org.aqqua.ingest.health;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.aqqua.testing.AqquaInfrastructureResource;
import org.aqqua.testing.CatalogServiceResource;
import org.aqqua.testing.Infrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Readiness follows the real dependencies: stop the S3 server and ingest reports DOWN and UP again once it is back. Each test
 * leaves the dependency running and the service ready, so other test classes may run before or after it.
 */
@QuarkusTest
@WithTestResource(value = AqquaInfrastructureResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "ingest-service"))
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.GLOBAL)
class ReadinessTest {

    @AfterAll
    static void restartStorage() {
        Infrastructure.shared().s3().start();
    }

    @Test
    void readyCoversDatabaseStorageAndOidcServer() {
        given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "S3 storage", "OIDC server"));
    }

    @Test
    void notReadyWhileStorageIsDown() {
        Infrastructure.shared().s3().stop();
        try {
            given().when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
            given().when().get("/q/health/live").then().statusCode(200);
        } finally {
            Infrastructure.shared().s3().start();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")));
    }
}
