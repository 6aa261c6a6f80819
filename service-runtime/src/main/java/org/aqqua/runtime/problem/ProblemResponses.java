package org.aqqua.runtime.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;

/** Builds problem+json responses; the single place that decides how a {@link Problem} goes on the wire. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(Problem problem, UriInfo uriInfo) {
        Problem withInstance = problem.instance() == null && uriInfo != null
                ? problem.withInstance(URI.create(uriInfo.getRequestUri().getRawPath()))
                : problem;
        return Response.status(withInstance.status()).type(Problem.MEDIA_TYPE).entity(withInstance).build();
    }

    /** A plain HTTP problem: {@code about:blank} with the status' reason phrase as title. */
    public static Problem plain(int status, String detail) {
        Response.StatusType statusType = Response.Status.fromStatusCode(status);
        String title = statusType != null ? statusType.getReasonPhrase() : "HTTP " + status;
        if (status == 413) {
            title = "Content Too Large";
        } else if (status == 422) {
            title = "Unprocessable Content";
        }
        return new Problem(Problem.BLANK, title, status, detail, null, List.of());
    }
}
