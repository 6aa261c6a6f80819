package org.aqqua.catalog.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.aqqua.testing.AqquaInfrastructureResource;
import org.aqqua.testing.DemoRealm;
import org.aqqua.testing.Tokens;
import org.junit.jupiter.api.Test;

/** Every error is RFC 9457 problem+json with status, title and detail, and never a stack trace. */
@QuarkusTest
@WithTestResource(value = AqquaInfrastructureResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "catalog-service"))
class ProblemDetailsTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void unknownPathIs404Problem() {
        given().when().get("/api/no-such-thing")
                .then().statusCode(404).contentType(PROBLEM)
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"))
                .body("detail", equalTo("Nothing found at /api/no-such-thing."))
                .body("instance", equalTo("/api/no-such-thing"));
    }

    @Test
    void malformedJsonIs400Problem() {
        given().auth().oauth2(serviceToken()).contentType("application/json").body("{\"status\": ")
                .when().put("/internal/datasets/{id}/status", UUID.randomUUID())
                .then().statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("title", equalTo("Bad Request"))
                .body("detail", containsString("not valid JSON"))
                .body(not(containsString("at com.fasterxml")));
    }

    @Test
    void unknownEnumValueNamesTheField() {
        given().auth().oauth2(serviceToken()).contentType("application/json").body("{\"status\": \"published\"}")
                .when().put("/internal/datasets/{id}/status", UUID.randomUUID())
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("status"))
                .body("detail", equalTo("The request body has an invalid value for 'status'."));
    }

    @Test
    void constraintViolationOfBodyIs422WithFieldErrors() {
        given().auth().oauth2(serviceToken()).contentType("application/json").body("{\"reason\": \"no status\"}")
                .when().put("/internal/datasets/{id}/status", UUID.randomUUID())
                .then().statusCode(422).contentType(PROBLEM)
                .body("status", equalTo(422))
                .body("title", equalTo("Unprocessable Content"))
                .body("detail", equalTo("The request body is invalid: status."))
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", not(equalTo(null)));
    }

    @Test
    void constraintViolationOfParameterIs400NamingIt() {
        given().auth().oauth2(Tokens.forUser(DemoRealm.MEMBER)).queryParam("limit", 5000)
                .when().get("/api/datasets")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("limit"))
                .body("errors[0].value", equalTo("5000"))
                .body("detail", equalTo("Invalid request parameter: limit."));
    }

    @Test
    void wrongMethodIs405Problem() {
        given().auth().oauth2(Tokens.forUser(DemoRealm.MEMBER)).when().delete("/api/datasets")
                .then().statusCode(405).contentType(PROBLEM).body("status", equalTo(405));
    }

    @Test
    void unparsableIdIs404Problem() {
        given().auth().oauth2(Tokens.forUser(DemoRealm.MEMBER)).when().get("/api/datasets/not-a-uuid")
                .then().statusCode(404).contentType(PROBLEM).body("status", equalTo(404));
    }

    @Test
    void bodyOverTheLimitIs413ProblemBeforeItIsSent() throws Exception {
        // Only the headers are sent: the refusal must come before any of the 300 MB body.
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            String request = "PUT /internal/datasets/" + UUID.randomUUID() + "/status HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nAuthorization: Bearer " + serviceToken() + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 300000000\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 413")
                    .containsIgnoringCase("content-type: " + PROBLEM)
                    .contains("\"status\":413", "\"title\":\"Content Too Large\"",
                            "is over the limit of 268435456 bytes");
        }
    }

    private static String serviceToken() {
        return Tokens.forClient(DemoRealm.INGEST_CLIENT, DemoRealm.INGEST_SECRET);
    }
}
