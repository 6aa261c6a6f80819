package org.aqqua.metadata;

/**
 * The column names a format uses for AqQua's minimum, so a problem found by {@link AqquaMinimum} names the
 * column the provider actually wrote (EcoTaxa's {@code object_lat}, not our {@code latitude}).
 */
public record SourceFields(
        String image,
        String latitude,
        String longitude,
        String depth,
        String altitude,
        String observedAt,
        String pixelSize,
        String instrument) {
}
