package org.aqqua.ingest.landing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.aqqua.ingest.job.JobPolicy;
import org.aqqua.runtime.text.Publishable;

/**
 * A curator's request to ingest what arrived in a landing bucket under a prefix (a folder: "/" is added when
 * missing, so {@code set1} never also takes {@code set10/}).
 */
public record ImportRequest(
        @NotBlank @Size(max = 63) String bucket,
        @NotBlank @Size(max = 1024) @Publishable String prefix,
        @Pattern(regexp = JobPolicy.WIRE_NAMES, message = JobPolicy.WIRE_NAMES_MESSAGE) String policy) {
}
