package org.aqqua.metadata.ecotaxa;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EcoTaxa's date and time forms ({@code object_date}, {@code object_time} and the annotation's).
 *
 * <p>Dates: {@code YYYYMMDD} or {@code YYYY-MM-DD}, a real calendar day ({@code 20140433} and {@code 2015-11-31}
 * are refused). Times: {@code HH:MM:SS}, or digits that EcoTaxa pads as spreadsheets truncate them: fewer than 4
 * digits are left-padded to 4 ({@code 420} is 04:20), fewer than 6 are then right-padded with seconds
 * ({@code 0420} is 04:20:00, {@code 90239} would be 90:23:90 and is refused, {@code 9920} is 99:20 and refused).
 * Fractional seconds ({@code 020139.315}, {@code 04:20:00.5}) are kept; EcoTaxa drops them.
 *
 * <p>Stricter than EcoTaxa: it reads only the first 8 or 10 characters and ignores anything after them; here a
 * cell with anything else than the forms above is refused.
 */
final class EcotaxaDateTime {

    private static final Pattern DASHED_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern COLON_TIME = Pattern.compile("(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?");
    private static final Pattern DIGIT_TIME = Pattern.compile("(\\d{1,6})|(\\d{6})\\.(\\d{1,9})");

    private EcotaxaDateTime() {
    }

    /** The day in a cleaned cell, or {@code null} when EcoTaxa would refuse it. */
    static LocalDate date(String cleaned) {
        Matcher m = DASHED_DATE.matcher(cleaned);
        if (!m.matches()) {
            m = COMPACT_DATE.matcher(cleaned);
            if (!m.matches()) {
                return null;
            }
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 1) {
            return null; // Python's date has no year 0
        }
        try {
            return LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The time of day in a cleaned cell, or {@code null} when EcoTaxa would refuse it. */
    static LocalTime time(String cleaned) {
        Matcher colon = COLON_TIME.matcher(cleaned);
        if (colon.matches()) {
            return time(colon.group(1), colon.group(2), colon.group(3), colon.group(4));
        }
        Matcher digits = DIGIT_TIME.matcher(cleaned);
        if (!digits.matches()) {
            return null;
        }
        if (digits.group(2) != null) {
            String t = digits.group(2);
            return time(t.substring(0, 2), t.substring(2, 4), t.substring(4, 6), digits.group(3));
        }
        String t = digits.group(1);
        if (t.length() < 4) {
            t = "0".repeat(4 - t.length()) + t;
        }
        if (t.length() < 6) {
            t = t + "0".repeat(6 - t.length());
        }
        return time(t.substring(0, 2), t.substring(2, 4), t.substring(4, 6), null);
    }

    private static LocalTime time(String hours, String minutes, String seconds, String fraction) {
        int nanos = fraction == null ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
        try {
            return LocalTime.of(Integer.parseInt(hours), Integer.parseInt(minutes), Integer.parseInt(seconds), nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
