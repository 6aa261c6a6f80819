package org.aqqua.ingest.job;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.aqqua.runtime.problem.FieldError;
import org.aqqua.runtime.problem.ProblemException;

/**
 * What a job does with invalid rows: by default nothing is registered unless every row is valid, so a provider
 * fixes the file and uploads again; {@code accept-valid} registers the valid rows and reports the rest.
 */
public enum JobPolicy {
    ALL_OR_NOTHING("all-or-nothing"), ACCEPT_VALID("accept-valid");

    /** The wire names, for Bean Validation of a {@code policy} field in a request body. */
    public static final String WIRE_NAMES = "all-or-nothing|accept-valid";
    public static final String WIRE_NAMES_MESSAGE = "must be all-or-nothing or accept-valid";

    private final String wireName;

    JobPolicy(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The policy a request body names, already validated against {@link #WIRE_NAMES}; none means the default. */
    public static JobPolicy orDefault(String value) {
        return value == null ? ALL_OR_NOTHING : fromWireName(value).orElseThrow();
    }

    /** The policy a query parameter {@code policy} names; anything else is a 400 naming the parameter. */
    public static JobPolicy parameter(String value) {
        return fromWireName(value).orElseThrow(() -> ProblemException.badRequest("Unknown policy '" + value + "'.",
                List.of(FieldError.of("policy", value, WIRE_NAMES_MESSAGE))));
    }

    public static Optional<JobPolicy> fromWireName(String value) {
        return Arrays.stream(values()).filter(p -> p.wireName.equals(value)).findFirst();
    }
}
