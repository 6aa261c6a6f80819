package org.aqqua.catalog.image;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;

/**
 * Parameters of an {@link ImageQuery} written into its SQL as literals, for a statement that takes no parameters
 * (COPY): text escaped by the driver, everything else typed by a cast, so that a value stays a value.
 */
final class SqlLiterals {

    private SqlLiterals() {
    }

    /** {@code sql} with each {@code ?} replaced by the literal of the next of {@code values}. */
    static String inline(String sql, List<Object> values, PGConnection connection) throws SQLException {
        StringBuilder inlined = new StringBuilder(sql.length() + 16 * values.size());
        int next = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '?') {
                inlined.append(literal(values.get(next++), connection));
            } else {
                inlined.append(c);
            }
        }
        if (next != values.size()) {
            throw new IllegalStateException("Conditions and parameters disagree: " + sql);
        }
        return inlined.toString();
    }

    static String literal(Object value, PGConnection connection) throws SQLException {
        if (value instanceof String text) {
            return "'" + connection.escapeLiteral(text) + "'";
        } else if (value instanceof UUID || value instanceof Long || value instanceof Integer) {
            return "'" + value + "'::" + (value instanceof UUID ? "uuid" : "bigint");
        } else if (value instanceof Double number && Double.isFinite(number)) {
            return "'" + number + "'::double precision";
        } else if (value instanceof Timestamp time) {
            // Exact for any instant: microseconds since the epoch, rounded as the driver rounds a bound Timestamp.
            Instant instant = time.toInstant();
            long micros = Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
                    (instant.getNano() + 500) / 1000);
            return "(timestamptz 'epoch' + " + micros + " * interval '1 microsecond')";
        } else if (value instanceof int[] numbers) {
            return "'{" + Arrays.stream(numbers).mapToObj(Integer::toString).collect(Collectors.joining(","))
                    + "}'::integer[]";
        }
        throw new IllegalArgumentException("No literal for " + (value == null ? null : value.getClass()));
    }
}
