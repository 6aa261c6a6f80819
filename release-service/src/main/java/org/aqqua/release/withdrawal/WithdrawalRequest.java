package org.aqqua.release.withdrawal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.aqqua.runtime.text.Publishable;

/** Why a dataset is withdrawn; shown on its tombstone page after the release, so it must be publishable text. */
public record WithdrawalRequest(@NotBlank @Size(max = 2000) @Publishable String reason) {
}
