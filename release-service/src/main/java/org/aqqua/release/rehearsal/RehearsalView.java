package org.aqqua.release.rehearsal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/** A rehearsal as curators read it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RehearsalView(UUID id, Instant asOf, String state, String requestedBy, Instant startedAt,
        Instant finishedAt, RehearsalReport report) {

    static RehearsalView of(Rehearsal r) {
        return new RehearsalView(r.id, r.asOf, r.state, r.requestedBy, r.startedAt, r.finishedAt, r.report);
    }
}
