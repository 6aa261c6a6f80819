package org.aqqua.ingest.job;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

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

    public static Optional<JobPolicy> fromWireName(String value) {
        return Arrays.stream(values()).filter(p -> p.wireName.equals(value)).findFirst();
    }
}
