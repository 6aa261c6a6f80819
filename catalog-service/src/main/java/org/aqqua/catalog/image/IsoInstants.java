package org.aqqua.catalog.image;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Instants in ISO 8601 exactly as {@link Instant#toString()} (and Jackson's instant serializer, which uses the
 * same {@link java.time.format.DateTimeFormatter#ISO_INSTANT}) writes them: {@code 2021-06-02T10:15:00Z}, the
 * fraction only when there is one, in groups of three digits. Written straight into a byte array from
 * microseconds, the precision PostgreSQL keeps, without the formatter's objects: exports write one per row. Years
 * outside 0000 to 9999, which ISO 8601 writes with a sign, go through {@link Instant#toString()} itself.
 */
final class IsoInstants {

    /** The longest form written here: {@code yyyy-MM-ddTHH:mm:ss.SSSSSSZ}; a signed year is at most this too. */
    static final int MAX_LENGTH = 40;

    private static final long DAYS_0000_TO_1970 = 719_528L;

    private IsoInstants() {
    }

    /** Writes the instant at {@code at}; returns the index after it. */
    static int write(long epochMicros, byte[] out, int at) {
        long seconds = Math.floorDiv(epochMicros, 1_000_000L);
        int micros = (int) Math.floorMod(epochMicros, 1_000_000L);
        long days = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        // Civil date from days since 0000-03-01 (proleptic Gregorian, 400-year eras).
        long shifted = days + DAYS_0000_TO_1970 - 60;
        long era = Math.floorDiv(shifted, 146_097L);
        int dayOfEra = (int) (shifted - era * 146_097L);
        int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int monthIndex = (5 * dayOfYear + 2) / 153;
        int day = dayOfYear - (153 * monthIndex + 2) / 5 + 1;
        int month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 0 || year > 9999) {
            byte[] text = Instant.ofEpochSecond(seconds, micros * 1_000L).toString()
                    .getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(text, 0, out, at, text.length);
            return at + text.length;
        }
        at = digits(year, 4, out, at);
        out[at++] = '-';
        at = digits(month, 2, out, at);
        out[at++] = '-';
        at = digits(day, 2, out, at);
        out[at++] = 'T';
        at = digits(secondOfDay / 3600, 2, out, at);
        out[at++] = ':';
        at = digits(secondOfDay / 60 % 60, 2, out, at);
        out[at++] = ':';
        at = digits(secondOfDay % 60, 2, out, at);
        if (micros != 0) {
            out[at++] = '.';
            at = micros % 1000 == 0 ? digits(micros / 1000, 3, out, at) : digits(micros, 6, out, at);
        }
        out[at++] = 'Z';
        return at;
    }

    /**
     * As {@link Instant#toString()}: through {@link #write} when the instant is in whole microseconds within a
     * long's reach (every instant PostgreSQL keeps), otherwise through the JDK.
     */
    static String toString(Instant instant) {
        if (instant.getNano() % 1_000 != 0 || Math.abs(instant.getEpochSecond()) >= Long.MAX_VALUE / 1_000_000L) {
            return instant.toString();
        }
        return toString(epochMicros(instant));
    }

    /** Microseconds since 1970 (instants PostgreSQL keeps have no finer part); throws if out of a long's range. */
    static long epochMicros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    static String toString(long epochMicros) {
        byte[] out = new byte[MAX_LENGTH];
        return new String(out, 0, write(epochMicros, out, 0), StandardCharsets.US_ASCII);
    }

    private static int digits(long value, int width, byte[] out, int at) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
