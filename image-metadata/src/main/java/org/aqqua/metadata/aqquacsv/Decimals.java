package org.aqqua.metadata.aqquacsv;

import java.util.regex.Pattern;

/**
 * Decimal numbers as AqQua's CSV files write them: an optional sign, digits with a dot as the decimal separator,
 * an optional exponent ({@code 12}, {@code -0.5}, {@code .25}, {@code 1e-3}). Java's own parser would also take
 * {@code NaN}, {@code Infinity} and hexadecimal forms, which no provider means as a measurement.
 */
public final class Decimals {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private Decimals() {
    }

    /** The number in a cell (surrounding white space ignored), or {@code null} when it is not one or not finite. */
    public static Double parse(String text) {
        String stripped = text.strip();
        if (!DECIMAL.matcher(stripped).matches()) {
            return null;
        }
        double value = Double.parseDouble(stripped);
        return Double.isFinite(value) ? value : null;
    }

    /** Why a cell is not a number, with a hint for the usual mistake (a decimal comma). */
    public static String notANumber(String text) {
        String stripped = text.strip();
        if (stripped.indexOf(',') >= 0 && parse(stripped.replace(',', '.')) != null) {
            return "not a number: use a dot as the decimal separator";
        }
        return "not a number";
    }
}
