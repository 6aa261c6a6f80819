package org.aqqua.upload;

import com.fasterxml.jackson.databind.JsonNode;

/** The service refused a request: its status and RFC 9457 problem (title, detail, errors). */
final class ApiException extends RuntimeException {

    final int status;
    final JsonNode problem;

    ApiException(int status, JsonNode problem, String what) {
        super(describe(status, problem, what));
        this.status = status;
        this.problem = problem;
    }

    private static String describe(int status, JsonNode problem, String what) {
        StringBuilder text = new StringBuilder(what).append(": HTTP ").append(status);
        if (problem != null) {
            if (problem.hasNonNull("title")) {
                text.append(" ").append(problem.get("title").asText());
            }
            if (problem.hasNonNull("detail")) {
                text.append(" - ").append(problem.get("detail").asText());
            }
            for (JsonNode error : problem.path("errors")) {
                text.append(System.lineSeparator()).append("  ").append(error.path("field").asText("?"));
                if (error.hasNonNull("value")) {
                    text.append(" '").append(error.get("value").asText()).append('\'');
                }
                text.append(": ").append(error.path("message").asText());
            }
        }
        return text.toString();
    }
}
