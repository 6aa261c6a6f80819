package org.aqqua.runtime.problem;

import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Thrown by business code to answer with a specific problem. The message is the problem's detail and is shown
 * to the client, so it must never carry internals (SQL, stack frames, other users' data).
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException of(Response.Status status, String slug, String detail) {
        return new ProblemException(new Problem(Problem.type(slug), status.getReasonPhrase(), status.getStatusCode(),
                detail, null, List.of()));
    }

    public static ProblemException badRequest(String detail, List<FieldError> errors) {
        return new ProblemException(new Problem(Problem.type("invalid-request"), "Bad Request", 400, detail, null, errors));
    }

    public static ProblemException unprocessable(String detail, List<FieldError> errors) {
        return new ProblemException(new Problem(Problem.type("validation-failed"), "Unprocessable Content", 422, detail,
                null, errors));
    }

    public static ProblemException notFound(String detail) {
        return of(Response.Status.NOT_FOUND, "not-found", detail);
    }

    public static ProblemException conflict(String detail) {
        return of(Response.Status.CONFLICT, "conflict", detail);
    }
}
