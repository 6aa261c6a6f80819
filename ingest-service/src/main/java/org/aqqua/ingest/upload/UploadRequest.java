package org.aqqua.ingest.upload;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** What a client announces before it sends an archive in parts: its file name and exact size in bytes. */
public record UploadRequest(
        @NotBlank @Size(max = 255)
        @Pattern(regexp = "[^/\\\\\\p{Cntrl}]+", message = "must be a plain file name without path or control characters")
        String fileName,
        @NotNull @Positive Long size) {
}
