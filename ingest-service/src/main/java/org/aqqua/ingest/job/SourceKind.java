package org.aqqua.ingest.job;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** Where a job's data comes from; each kind has one {@link SourceReader}. */
public enum SourceKind {
    /** An archive staged in aqqua-uploads by a direct or resumable upload. */
    ARCHIVE("archive"),
    /** A prefix of a landing bucket, read in place and never changed. */
    LANDING("landing"),
    /** An EcoTaxa project, exported through EcoTaxa's API when the job runs. */
    ECOTAXA("ecotaxa");

    private final String wireName;

    SourceKind(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    static SourceKind fromWireName(String value) {
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown job source kind " + value));
    }
}
