package org.aqqua.ingest.upload;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** The ETag S3 answered to the PUT of a part, as the client received it (quotes allowed). */
public record PartReport(@NotBlank @Pattern(regexp = "\"?[0-9A-Za-z-]{1,128}\"?",
        message = "must be the ETag S3 returned for the part") String etag) {

    String normalisedEtag() {
        return etag.replace("\"", "");
    }
}
