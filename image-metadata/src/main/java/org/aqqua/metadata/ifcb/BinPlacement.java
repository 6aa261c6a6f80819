package org.aqqua.metadata.ifcb;

/**
 * Where an IFCB bin was sampled, from one row of the placement table {@value BinPlacements#FILE_NAME}; values
 * the row leaves empty or cannot give are {@code null}.
 *
 * @param file        the placement table's path inside the upload
 * @param line        the row's line in it (header = 1)
 * @param bin         the bin id ({@code D20130526T095207_IFCB013})
 * @param depth       metres below the surface, the same for every ROI of the bin
 * @param altitude    metres above sea level, for lakes
 * @param pixelSizeUm µm per pixel, when the row gives one; else the dataset's default applies
 */
public record BinPlacement(String file, int line, String bin, Double latitude, Double longitude, Double depth,
        Double altitude, Double pixelSizeUm) {
}
