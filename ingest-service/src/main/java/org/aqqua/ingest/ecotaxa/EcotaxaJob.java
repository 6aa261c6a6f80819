package org.aqqua.ingest.ecotaxa;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What we read of EcoTaxa's {@code JobModel} ({@code GET /jobs/{job_id}/}): state 'P' pending, 'R' running,
 * 'A' asking a question, 'E' error, 'F' finished; on error, {@code progress_msg} and {@code errors} say why.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record EcotaxaJob(long id, String state, @JsonProperty("progress_msg") String progressMessage,
        List<String> errors) {

    boolean finished() {
        return "F".equals(state);
    }

    boolean failed() {
        return "E".equals(state);
    }

    /** A job waiting for an answer never finishes by itself: an export should never ask, so it counts as failed. */
    boolean asking() {
        return "A".equals(state);
    }

    String why() {
        String message = progressMessage == null ? "" : progressMessage;
        return errors == null || errors.isEmpty() ? message : message + ": " + String.join("; ", errors);
    }
}
