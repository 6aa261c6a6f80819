package org.aqqua.catalog.image;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One JSON object per line: the record as the API returns it ({@link ImageView.Json}: components in order,
 * nulls left out, traits and raw as stored), traits and raw provider columns included. Written straight from
 * the row's bytes: field names are constant, numbers as Jackson writes them (longs by {@link Long#toString},
 * doubles by its shortest-decimal writer, which the services' ObjectMapper uses), text escaped as Jackson escapes
 * it ({@link #string}). Characters beyond the Basic Multilingual Plane stay UTF-8, as Jackson's character writer
 * wrote them here before (the API's responses, which Jackson writes to a byte stream, escape them as surrogate
 * pairs); ExportBytesTest holds both to their bytes.
 */
final class JsonLinesManifest extends ExportWriter.Bytes {

    private static final byte[][] NAMES = names(ImageView.FIELDS);
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = {'}', '\n'};

    JsonLinesManifest(OutputStream output) {
        super(output);
    }

    /** {@code ,"name":} for each column, the first with {@code {} instead of the comma. */
    private static byte[][] names(List<String> names) {
        byte[][] bytes = new byte[names.size()][];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = ((i == 0 ? "{" : ",") + '"' + names.get(i) + "\":").getBytes(StandardCharsets.US_ASCII);
        }
        return bytes;
    }

    @Override
    void header() {
        // No header: each line stands alone.
    }

    @Override
    void row(BinaryCopyRows rows) throws IOException {
        out.write(NAMES[0]);
        out.number(rows.int8(0));
        out.write(NAMES[1]);
        out.write((byte) '"');
        out.ascii(rows.uuid(1).toString());
        out.write((byte) '"');
        string(rows, 2);
        string(rows, 3);
        string(rows, 4);
        out.write(NAMES[5]);
        out.number(rows.int8(5));
        out.write(NAMES[6]);
        out.number(rows.int4(6));
        out.write(NAMES[7]);
        out.number(rows.int4(7));
        string(rows, 8);
        for (int c = 9; c <= 14; c++) {
            if (!rows.isNull(c)) {
                out.write(NAMES[c]);
                out.ascii(NumberOutput.toString(rows.float8(c), true));
            }
        }
        out.write(NAMES[15]);
        out.write((byte) '"');
        out.instant(rows.epochMicros(15));
        out.write((byte) '"');
        for (int c = 16; c <= 19; c++) {
            string(rows, c);
        }
        for (int c = 20; c <= 21; c++) {
            if (!rows.isNull(c)) {
                out.write(NAMES[c]);
                out.write(rows.buffer(), rows.start(c), rows.length(c));
            }
        }
        out.write(END);
    }

    /**
     * A text column as a JSON string, left out when null. Escaped as Jackson's generator escapes by default:
     * quote and backslash, the short forms of backspace, tab, form feed, line feed and carriage return, other
     * control characters as six-character escapes with upper-case hex digits; everything else, UTF-8 included, as it is.
     */
    private void string(BinaryCopyRows rows, int column) throws IOException {
        int length = rows.length(column);
        if (length < 0) {
            return;
        }
        out.write(NAMES[column]);
        out.write((byte) '"');
        byte[] bytes = rows.buffer();
        int start = rows.start(column);
        int end = start + length;
        int from = start;
        for (int i = start; i < end; i++) {
            byte b = bytes[i];
            if (b >= 0x20 && b != '"' && b != '\\' || b < 0) {
                continue;
            }
            out.write(bytes, from, i - from);
            from = i + 1;
            out.write((byte) '\\');
            switch (b) {
                case '"', '\\' -> out.write(b);
                case '\b' -> out.write((byte) 'b');
                case '\t' -> out.write((byte) 't');
                case '\f' -> out.write((byte) 'f');
                case '\n' -> out.write((byte) 'n');
                case '\r' -> out.write((byte) 'r');
                default -> {
                    out.write((byte) 'u');
                    out.write((byte) '0');
                    out.write((byte) '0');
                    out.write(HEX[b >> 4]);
                    out.write(HEX[b & 0xf]);
                }
            }
        }
        out.write(bytes, from, end - from);
        out.write((byte) '"');
    }
}
