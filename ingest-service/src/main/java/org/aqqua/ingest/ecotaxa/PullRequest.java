package org.aqqua.ingest.ecotaxa;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.aqqua.ingest.job.JobPolicy;

/** Which EcoTaxa project to pull into a dataset (it must be shared with the AqQua EcoTaxa user, Read at least). */
public record PullRequest(
        @NotNull @Positive Long projectId,
        @Pattern(regexp = JobPolicy.WIRE_NAMES, message = JobPolicy.WIRE_NAMES_MESSAGE) String policy) {
}
