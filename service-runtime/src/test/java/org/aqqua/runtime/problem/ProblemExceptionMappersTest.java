package org.aqqua.runtime.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mapping rules themselves, without a server: status, title, detail, and nothing internal in the body. */
class ProblemExceptionMappersTest {

    private final ProblemExceptionMappers mappers = new ProblemExceptionMappers();

    @Test
    void unexpectedErrorsAre500WithAReferenceAndNoInternals() {
        Response response = mappers.unexpected(new IllegalStateException("connection to 10.0.0.7 refused",
                new SQLException("password authentication failed for user aqqua")), null);
        Problem problem = (Problem) response.getEntity();
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(problem.title()).isEqualTo("Internal Server Error");
        assertThat(problem.detail()).matches("An unexpected error occurred\\. Quote reference [0-9a-f-]{36} when "
                + "reporting it\\.");
        assertThat(problem.toString()).doesNotContain("10.0.0.7", "password", "SQLException", "at org.");
    }

    @Test
    void serverErrorsRaisedAsWebApplicationExceptionsAreNotEchoed() {
        Response response = mappers.webApplication(new WebApplicationException("pool exhausted: 20 of 20 in use",
                503), null, null);
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(((Problem) response.getEntity()).detail()).doesNotContain("pool");
    }

    @Test
    void payloadTooLargeKeepsItsStatusAndGetsTheRfcTitle() {
        Response response = mappers.webApplication(new WebApplicationException(413), null, null);
        Problem problem = (Problem) response.getEntity();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(problem.title()).isEqualTo("Content Too Large");
        assertThat(problem.detail()).isEqualTo("Content Too Large");
    }

    @Test
    void securityFailuresAre401WithChallengeAnd403() {
        Response unauthorized = mappers.unauthorized(new UnauthorizedException(), null);
        assertThat(unauthorized.getStatus()).isEqualTo(401);
        assertThat(unauthorized.getHeaderString("WWW-Authenticate")).startsWith("Bearer");
        assertThat(mappers.forbidden(new ForbiddenException(), null).getStatus()).isEqualTo(403);
    }

    @Test
    void problemExceptionsKeepTheirFieldErrors() {
        ProblemException e = ProblemException.unprocessable("Row 7 is invalid.",
                List.of(FieldError.atRow(7, "object_lat", "91.5", "must be between -90 and 90")));
        Problem problem = (Problem) mappers.problem(e, null).getEntity();
        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.type().toString()).isEqualTo("urn:aqqua:problem:validation-failed");
        assertThat(problem.errors()).containsExactly(new FieldError(7L, "object_lat", "91.5",
                "must be between -90 and 90"));
    }
}
