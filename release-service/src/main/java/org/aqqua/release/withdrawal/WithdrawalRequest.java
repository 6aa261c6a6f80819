package org.aqqua.release.withdrawal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a dataset is withdrawn; shown on its tombstone page after the release. */
public record WithdrawalRequest(@NotBlank @Size(max = 2000) String reason) {
}
