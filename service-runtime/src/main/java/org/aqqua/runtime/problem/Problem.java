package org.aqqua.runtime.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem details body, the one error shape of every AqQua service.
 *
 * <p>{@code type} is {@code about:blank} for plain HTTP errors (then {@code title} is the reason phrase)
 * and an {@code urn:aqqua:problem:*} URI for problems that clients may want to tell apart.
 * {@code errors} lists field-level findings for validation problems.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, URI instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final URI BLANK = URI.create("about:blank");

    public Problem {
        type = type == null ? BLANK : type;
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static URI type(String slug) {
        return URI.create("urn:aqqua:problem:" + slug);
    }

    public Problem withInstance(URI newInstance) {
        return new Problem(type, title, status, detail, newInstance, errors);
    }
}
