package org.aqqua.catalog.dataset;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A curator's postponement of one dataset's release: the new instant, later than the current one, and why. */
public record EmbargoPostponement(@NotNull Instant embargoUntil, @NotBlank @Size(max = 2000) String reason) {
}
