package org.aqqua.ingest.job;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Following a job from the 202 that queued it to its final state, for every test that starts jobs. */
public final class JobAwait {

    private JobAwait() {
    }

    /** The job a request queued: 202, a Location to follow, state queued. */
    public static UUID accepted(Response response) {
        response.then().statusCode(202).header("Location", startsWith("http")).body("state", equalTo("queued"));
        return UUID.fromString(response.jsonPath().getString("id"));
    }

    /** The job once final, as {@code token} (its submitter or a curator) sees it, with up to 1000 problems. */
    public static JsonPath finished(String token, UUID job) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().auth().oauth2(token).get("/api/jobs/{id}", job).jsonPath().getString("state"),
                state -> List.of("succeeded", "failed", "cancelled").contains(state));
        return given().auth().oauth2(token).queryParam("problemLimit", 1000).get("/api/jobs/{id}", job)
                .then().statusCode(200).extract().jsonPath();
    }
}
