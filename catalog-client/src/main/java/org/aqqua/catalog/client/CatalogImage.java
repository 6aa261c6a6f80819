package org.aqqua.catalog.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * One line of the catalog's bulk registration body: an image normalised to AqQua's minimum, with where it is
 * stored. {@code labelStatus} is a wire name (predicted, validated, dubious).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CatalogImage(
        String objectId,
        String sha256,
        String storageKey,
        long bytes,
        int width,
        int height,
        String format,
        Double pixelSizeUm,
        Double latitude,
        Double longitude,
        Double depthMin,
        Double depthMax,
        Double altitude,
        Instant observedAt,
        String instrument,
        String sampleId,
        String label,
        String labelStatus,
        Map<String, Object> traits,
        Map<String, String> raw) {
}
