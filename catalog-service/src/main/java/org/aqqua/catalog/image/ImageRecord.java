package org.aqqua.catalog.image;

import org.aqqua.metadata.LabelStatus;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One image as ingest registers it (one NDJSON line of the internal bulk API), normalised to AqQua's minimum:
 * the image with its scale, position, depth (or altitude for lakes), time and instrument. The rules a record
 * must meet are {@link ImageRecordRules}.
 */
public record ImageRecord(
        String objectId,
        String sha256,
        String storageKey,
        Long bytes,
        Integer width,
        Integer height,
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
        LabelStatus labelStatus,
        JsonNode traits,
        JsonNode raw) {
}
