package org.aqqua.runtime.problem;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a request whose path or query parameters hold the NUL character ({@code %00}) with a 400 problem
 * naming each parameter. No AqQua value can hold it (PostgreSQL's text cannot store it), and a search or lookup
 * that passed it on would end in the database's refusal: a 500 instead of the client's mistake named.
 */
public class NulParameterFilter {

    private static final String NUL_REASON = "must not contain the NUL character (%00)";

    @ServerRequestFilter(preMatching = true)
    public void refuseNul(UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        if (uri.getPath().indexOf('\0') >= 0) {
            errors.add(FieldError.of("path", null, NUL_REASON));
        }
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            boolean nul = parameter.getKey().indexOf('\0') >= 0
                    || parameter.getValue().stream().anyMatch(value -> value != null && value.indexOf('\0') >= 0);
            if (nul) {
                errors.add(FieldError.of(parameter.getKey().replace("\0", "%00"), null, NUL_REASON));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The request holds the NUL character, which no value may hold.",
                    errors);
        }
    }
}
