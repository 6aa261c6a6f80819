package org.aqqua.runtime.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps every exception that can leave a resource to an RFC 9457 problem. Services set
 * {@code quarkus.http.auth.proactive=false} so that authentication failures also arrive here instead of being
 * answered with an empty body by the HTTP layer.
 */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uriInfo) {
        return ProblemResponses.of(e.problem(), uriInfo);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uriInfo, HttpHeaders headers) {
        // The JSON body reader reports unreadable bodies as a 400 wrapping Jackson's exception.
        if (e.getCause() instanceof JsonParseException parse) {
            return malformedJson(parse, uriInfo);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return unreadableJson(mapping, uriInfo);
        }
        if (e.getCause() instanceof JsonProcessingException other) {
            return otherJson(other, uriInfo);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uriInfo);
        }
        return ProblemResponses.of(ProblemResponses.plain(status, describe(status, e, uriInfo, headers)), uriInfo);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uriInfo) {
        return unauthenticated("Authentication is required: send a valid bearer token.", uriInfo);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uriInfo) {
        return unauthenticated("The bearer token was refused: it is invalid, expired or not issued for AqQua.", uriInfo);
    }

    @ServerExceptionMapper
    public Response authenticationCompletion(AuthenticationCompletionException e, UriInfo uriInfo) {
        return unauthenticated("The bearer token was refused: it is invalid, expired or not issued for AqQua.", uriInfo);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uriInfo) {
        return ProblemResponses.of(ProblemResponses.plain(403, "Your roles do not allow this request."), uriInfo);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uriInfo) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return ProblemResponses.of(ProblemResponses.plain(400, "The request body is not valid JSON" + where + "."),
                uriInfo);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonMappingException e, UriInfo uriInfo) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        Object value = e instanceof InvalidFormatException invalid ? invalid.getValue() : null;
        FieldError error = FieldError.of(field.isEmpty() ? null : field, value, reason(e));
        return ProblemResponses.of(new Problem(Problem.type("invalid-request"), "Bad Request", 400,
                field.isEmpty() ? "The request body cannot be read as the expected JSON document."
                        : "The request body has an invalid value for '" + field + "'.",
                null, List.of(error)), uriInfo);
    }

    /** Why a JSON value could not be read, in the client's terms rather than Jackson's (no Java class names). */
    private static String reason(JsonMappingException e) {
        if (e.getCause() instanceof IllegalArgumentException domainRule && domainRule.getMessage() != null) {
            return domainRule.getMessage();
        }
        if (e instanceof InvalidFormatException invalid) {
            return "'" + invalid.getValue() + "' is not a valid " + typeName(invalid.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "expected " + typeName(mismatched.getTargetType());
        }
        return "cannot be read";
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean (true or false)";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "ISO 8601 date-time such as 2024-05-01T12:30:00Z";
        }
        if (type == java.util.UUID.class) {
            return "UUID";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "list";
        }
        if (type.isEnum()) {
            return "value, one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return type == String.class ? "text" : "object";
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e, UriInfo uriInfo) {
        return ProblemResponses.of(ProblemResponses.plain(400, "The request body is not valid JSON."), uriInfo);
    }

    /**
     * Bean Validation: a violated field of a request body is 422 (well-formed but invalid content); a violated
     * query, path or header parameter is 400. Violations of return values are our bug, hence 500.
     */
    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uriInfo) {
        List<ConstraintViolation<?>> violations = new ArrayList<>(e.getConstraintViolations());
        violations.sort(Comparator.comparing(v -> v.getPropertyPath().toString()));
        if (violations.stream().anyMatch(v -> kinds(v.getPropertyPath()).contains(ElementKind.RETURN_VALUE))) {
            return unexpected(e, uriInfo);
        }
        boolean body = violations.stream().anyMatch(v -> kinds(v.getPropertyPath()).contains(ElementKind.PROPERTY));
        List<FieldError> errors = violations.stream()
                .map(v -> FieldError.of(fieldName(v.getPropertyPath()), v.getInvalidValue() instanceof CharSequence
                        || v.getInvalidValue() instanceof Number || v.getInvalidValue() instanceof Boolean
                        ? v.getInvalidValue() : null, v.getMessage()))
                .toList();
        String fields = errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", "));
        ProblemException problem = body
                ? ProblemException.unprocessable("The request body is invalid: " + fields + ".", errors)
                : ProblemException.badRequest("Invalid request parameter: " + fields + ".", errors);
        return ProblemResponses.of(problem.problem(), uriInfo);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uriInfo) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", reference, uriInfo == null ? "?" : uriInfo.getRequestUri());
        return ProblemResponses.of(ProblemResponses.plain(500,
                "An unexpected error occurred. Quote reference " + reference + " when reporting it."), uriInfo);
    }

    private static Response unauthenticated(String detail, UriInfo uriInfo) {
        Response response = ProblemResponses.of(ProblemResponses.plain(401, detail), uriInfo);
        return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"aqqua\"").build();
    }

    private static String describe(int status, WebApplicationException e, UriInfo uriInfo, HttpHeaders headers) {
        String path = uriInfo == null ? "" : uriInfo.getRequestUri().getRawPath();
        return switch (status) {
            // Our own 404s are ProblemExceptions; these come from routing, whose wording means nothing to clients.
            case 404 -> "Nothing found at " + path + ".";
            case 405 -> "This method is not allowed on " + path + ".";
            case 406 -> "None of the accepted media types can be produced by " + path + ".";
            case 415 -> "Content type " + (headers == null ? "" : headers.getMediaType()) + " is not supported by "
                    + path + ".";
            default -> isDefaultMessage(e) ? ProblemResponses.plain(status, null).title() : e.getMessage();
        };
    }

    private static boolean isDefaultMessage(WebApplicationException e) {
        return e.getMessage() == null || e.getMessage().startsWith("HTTP ");
    }

    private static List<ElementKind> kinds(Path path) {
        List<ElementKind> kinds = new ArrayList<>();
        path.forEach(node -> kinds.add(node.getKind()));
        return kinds;
    }

    /** The name a client knows: the parameter name, or the body field path below the parameter. */
    /**
     * The field as the client wrote it, e.g. {@code contributors[0].affiliation} or
     * {@code attribution.papersToCite[2]}. A node's index tells where it sits in the list before it, so it is
     * written after that list's name.
     */
    private static String fieldName(Path path) {
        List<String> parameter = new ArrayList<>();
        List<String> property = new ArrayList<>();
        for (Path.Node node : path) {
            if (node.isInIterable() && !property.isEmpty()) {
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                if (position != null) {
                    property.set(property.size() - 1, property.get(property.size() - 1) + "[" + position + "]");
                }
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter.add(node.getName());
            } else if (node.getKind() == ElementKind.PROPERTY) {
                property.add(node.getName());
            }
        }
        return !property.isEmpty() ? String.join(".", property) : String.join(".", parameter);
    }
}
