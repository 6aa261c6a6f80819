package org.aqqua.release.scheduler;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What one scheduler run did at {@code at}: datasets it found due, released, could not release for now (retried
 * later with backoff), and left out because the catalog refused (withdrawn, postponed, gone).
 */
public record RunReport(Instant at, List<UUID> due, List<UUID> released, List<UUID> failed, List<UUID> refused) {
}
