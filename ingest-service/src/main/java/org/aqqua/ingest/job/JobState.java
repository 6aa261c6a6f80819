package org.aqqua.ingest.job;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a job is; the last three are final. */
public enum JobState {
    QUEUED, READING, VALIDATING, STORING, REGISTERING, SUCCEEDED, FAILED, CANCELLED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    static JobState fromWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
