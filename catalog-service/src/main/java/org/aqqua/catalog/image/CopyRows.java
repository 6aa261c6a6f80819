package org.aqqua.catalog.image;

import java.nio.charset.StandardCharsets;

/**
 * Rows in PostgreSQL's COPY text format: tab-separated, {@code \N} for null, with backslash, tab, newline and
 * carriage return escaped so that any provider text survives the trip.
 */
final class CopyRows {

    private final StringBuilder row = new StringBuilder(512);

    CopyRows add(Object value) {
        if (!row.isEmpty()) {
            row.append('\t');
        }
        if (value == null) {
            row.append("\\N");
            return this;
        }
        String text = value.toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> row.append("\\\\");
                case '\t' -> row.append("\\t");
                case '\n' -> row.append("\\n");
                case '\r' -> row.append("\\r");
                default -> row.append(c);
            }
        }
        return this;
    }

    /** The finished row with its newline, ready to hand to COPY; the builder starts over. */
    byte[] endRow() {
        row.append('\n');
        byte[] bytes = row.toString().getBytes(StandardCharsets.UTF_8);
        row.setLength(0);
        return bytes;
    }
}
