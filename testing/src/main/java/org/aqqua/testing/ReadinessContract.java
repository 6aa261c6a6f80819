package org.aqqua.testing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * What every service's operational endpoints must do, as a test each service runs (extend it in a
 * {@code @QuarkusTest}): readiness covers the database, S3 and the OIDC server and follows a real dependency
 * that is stopped and started again; liveness does not; metrics and the OpenAPI document are served. The test
 * leaves the dependency running and the service ready, so other test classes may run before or after it.
 */
public abstract class ReadinessContract {

    /** A dependency of the service that the test stops and starts: PostgreSQL or the S3 server. */
    protected enum Dependency {
        POSTGRES, S3;

        void stop() {
            switch (this) {
                case POSTGRES -> Infrastructure.shared().postgres().stop();
                case S3 -> Infrastructure.shared().s3().stop();
            }
        }

        void start() {
            switch (this) {
                case POSTGRES -> Infrastructure.shared().postgres().start();
                case S3 -> Infrastructure.shared().s3().start();
            }
        }
    }

    protected abstract Dependency dependencyToStop();

    /** A path the service's OpenAPI document must contain. */
    protected abstract String documentedPath();

    @AfterAll
    static void everythingRunsAgain() {
        Infrastructure.shared().postgres().start();
        Infrastructure.shared().s3().start();
    }

    @Test
    void readyCoversDatabaseStorageAndOidcServer() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "S3 storage", "OIDC server"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAndApiDocsAreServed() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString(documentedPath()));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void notReadyWhileADependencyIsDown() {
        Dependency dependency = dependencyToStop();
        dependency.stop();
        try {
            given().when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
            given().when().get("/q/health/live").then().statusCode(200);
        } finally {
            dependency.start();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")));
        // Keycloak keeps its data in the same PostgreSQL: wait until it issues tokens again for the next tests.
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> Tokens.forUser(DemoRealm.MEMBER) != null);
    }
}
