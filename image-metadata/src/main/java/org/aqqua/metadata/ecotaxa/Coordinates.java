package org.aqqua.metadata.ecotaxa;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code object_lat} and {@code object_lon} as EcoTaxa reads them: a decimal number, or the UVP notation
 * {@code DDD°MM SS} (degrees, minutes, whole seconds; EcoTaxa looks for that pattern anywhere in the cell, and so
 * does this). {@code DD°MM.mmm} is not an EcoTaxa form and is refused, as EcoTaxa refuses it.
 */
final class Coordinates {

    private static final Pattern DEGREES_MINUTES_SECONDS = Pattern.compile("(-?\\d+)°(\\d+) (\\d+)");

    private Coordinates() {
    }

    /** Decimal degrees within ±{@code range}, or {@code null} when the cell is not a position EcoTaxa accepts. */
    static Double parse(String cleaned, double range) {
        Double value;
        Matcher dms = DEGREES_MINUTES_SECONDS.matcher(cleaned);
        if (dms.find()) {
            double degrees = Double.parseDouble(dms.group(1));
            double minutes = Double.parseDouble(dms.group(2)) + Double.parseDouble(dms.group(3)) / 60;
            value = degrees + Math.copySign(minutes / 60, degrees);
        } else {
            value = EcotaxaNumbers.parse(cleaned);
        }
        if (value == null || value < -range || value > range) {
            return null;
        }
        return value;
    }
}
