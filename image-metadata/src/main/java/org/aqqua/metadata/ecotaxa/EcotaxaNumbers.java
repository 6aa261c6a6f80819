package org.aqqua.metadata.ecotaxa;

import java.util.regex.Pattern;

/**
 * Numbers as EcoTaxa accepts them in {@code [f]} columns: what Python's {@code float()} parses (sign, decimals,
 * exponent, {@code _} between digits, {@code inf}, {@code infinity}, {@code nan} in any case) except minus
 * infinity. Java's own parser is not used on raw text: it would also take {@code 1d}, {@code 0x1p3} or
 * {@code Infinity} only in one case.
 */
final class EcotaxaNumbers {

    private static final String DIGITS = "\\d(?:_?\\d)*";
    private static final Pattern FLOAT = Pattern.compile("[+-]?(?:(?:" + DIGITS + "(?:\\.(?:" + DIGITS + ")?)?|\\."
            + DIGITS + ")(?:[eE][+-]?" + DIGITS + ")?|(?i:inf|infinity|nan))");

    private EcotaxaNumbers() {
    }

    /** The number in a cleaned, non-empty cell, or {@code null} when EcoTaxa would refuse it. */
    static Double parse(String cleaned) {
        if (isPlainDecimal(cleaned)) {
            return Double.parseDouble(cleaned); // nearly every cell: no need to match the whole grammar
        }
        if (!FLOAT.matcher(cleaned).matches()) {
            return null;
        }
        boolean negative = cleaned.charAt(0) == '-';
        String unsigned = cleaned.charAt(0) == '-' || cleaned.charAt(0) == '+' ? cleaned.substring(1) : cleaned;
        char first = Character.toLowerCase(unsigned.charAt(0));
        double value;
        if (first == 'i') {
            if (negative) {
                return null; // EcoTaxa's to_float() refuses -inf
            }
            value = Double.POSITIVE_INFINITY;
        } else if (first == 'n') {
            value = Double.NaN;
        } else {
            value = Double.parseDouble(unsigned.replace("_", ""));
            if (negative) {
                value = -value;
            }
        }
        return value;
    }

    /**
     * An optional sign, ASCII digits, then optionally a point and more digits ({@code -12.5}, {@code 7},
     * {@code 5.}): a subset of {@link #FLOAT} that Java's parser reads exactly as Python's {@code float()} does.
     */
    private static boolean isPlainDecimal(String cell) {
        int length = cell.length();
        int i = length > 0 && (cell.charAt(0) == '-' || cell.charAt(0) == '+') ? 1 : 0;
        int digitsStart = i;
        while (i < length && isAsciiDigit(cell.charAt(i))) {
            i++;
        }
        if (i == digitsStart) {
            return false;
        }
        if (i < length && cell.charAt(i) == '.') {
            i++;
            while (i < length && isAsciiDigit(cell.charAt(i))) {
                i++;
            }
        }
        return i == length;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
