package org.aqqua.catalog.image;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * One image as ingest registers it (one NDJSON line of the internal bulk API), normalised to AqQua's minimum:
 * the image with its scale, position, depth (or altitude for lakes), time and instrument.
 */
public record ImageRecord(
        @NotBlank @Size(max = 500) String objectId,
        @NotNull @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lower-case hex digits") String sha256,
        @NotBlank @Size(max = 1000) String storageKey,
        @NotNull @Positive Long bytes,
        @NotNull @Positive Integer width,
        @NotNull @Positive Integer height,
        @NotBlank @Size(max = 20) String format,
        @NotNull @Positive Double pixelSizeUm,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @PositiveOrZero Double depthMin,
        @PositiveOrZero Double depthMax,
        Double altitude,
        @NotNull Instant observedAt,
        @NotBlank @Size(max = 200) String instrument,
        @Size(max = 500) String sampleId,
        @Size(max = 1000) String label,
        LabelStatus labelStatus,
        JsonNode traits,
        JsonNode raw) {

    @AssertTrue(message = "give depthMin (water) or altitude (lakes)")
    public boolean isDepthOrAltitude() {
        return depthMin != null || altitude != null;
    }

    @AssertTrue(message = "depthMax must not be above depthMin")
    public boolean isDepthRangeOrdered() {
        return depthMin == null || depthMax == null || depthMax >= depthMin;
    }
}
