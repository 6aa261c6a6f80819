package org.aqqua.metadata;

import java.time.Instant;
import java.util.Map;

/**
 * One image as a provider's table describes it, read from any format (EcoTaxa, AqQua CSV, IFCB) into AqQua's
 * normalised fields, with where it came from so every problem can name its file and line. Values the provider
 * left empty are {@code null}; whether that is acceptable is {@link AqquaMinimum}'s call, not the reader's.
 *
 * @param file        the table's path inside the archive, as the provider will find it
 * @param line        the line in that table, counted as EcoTaxa does: header is line 1, a type row line 2
 * @param imagePath   the image's path inside the archive, already resolved against the table's folder
 * @param depthMin    metres below the surface (≥ 0); with {@code depthMax} a range, else equal
 * @param altitude    metres above sea level, for lakes where depth is not how the provider measures
 * @param labelStatus predicted, validated or dubious, if the row is labelled
 * @param traits      measured features (numbers), e.g. EcoTaxa's {@code object_area}
 * @param raw         every column of the provider's row, as written, so nothing the provider sent is lost
 */
public record SourceRow(
        String file,
        int line,
        String objectId,
        String imagePath,
        Double latitude,
        Double longitude,
        Double depthMin,
        Double depthMax,
        Double altitude,
        Instant observedAt,
        Double pixelSizeUm,
        String instrument,
        String sampleId,
        String label,
        LabelStatus labelStatus,
        Map<String, Object> traits,
        Map<String, String> raw) {
}
