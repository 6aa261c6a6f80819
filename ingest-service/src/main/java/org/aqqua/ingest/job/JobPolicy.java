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

    private final String wireName;

    JobPolicy(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The policy a query parameter {@code policy} names; anything else is a 400 naming the parameter. */
    public static JobPolicy parameter(String value) {
        return fromWireName(value).orElseThrow(() -> ProblemException.badRequest("Unknown policy '" + value + "'.",
                List.of(FieldError.of("policy", value, "must be all-or-nothing or accept-valid"))));
    }

    public static Optional<JobPolicy> fromWireName(String value) {
        return Arrays.stream(values()).filter(p -> p.wireName.equals(value)).findFirst();
    }
}
