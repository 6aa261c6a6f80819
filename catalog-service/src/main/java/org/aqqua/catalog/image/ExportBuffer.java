package org.aqqua.catalog.image;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Bytes on their way to an export's response, gathered in one 64 KB array so that the response stream gets large
 * writes and nothing is synchronised or allocated per value. Knows the few encodings exports need: ASCII text,
 * whole numbers, ISO 8601 instants ({@link IsoInstants}).
 */
final class ExportBuffer {

    private final OutputStream output;
    private final byte[] buffer = new byte[1 << 16];
    private int used;

    ExportBuffer(OutputStream output) {
        this.output = output;
    }

    void write(byte b) throws IOException {
        if (used == buffer.length) {
            drain();
        }
        buffer[used++] = b;
    }

    void write(byte[] bytes) throws IOException {
        write(bytes, 0, bytes.length);
    }

    void write(byte[] bytes, int start, int length) throws IOException {
        if (buffer.length - used < length) {
            drain();
            if (length > buffer.length) {
                output.write(bytes, start, length);
                return;
            }
        }
        System.arraycopy(bytes, start, buffer, used, length);
        used += length;
    }

    /** Text known to be ASCII (digits, hex, ISO 8601, Java's renderings of numbers): one byte per char. */
    void ascii(String text) throws IOException {
        int length = text.length();
        room(length);
        for (int i = 0; i < length; i++) {
            buffer[used++] = (byte) text.charAt(i);
        }
    }

    /** A whole number as {@link Long#toString(long)} writes it. */
    void number(long value) throws IOException {
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                ascii(Long.toString(value));
                return;
            }
            write((byte) '-');
            value = -value;
        }
        room(19);
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        int at = used + digits;
        used = at;
        do {
            buffer[--at] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value > 0);
    }

    /** An instant as {@link java.time.Instant#toString()} writes it, from microseconds since 1970. */
    void instant(long epochMicros) throws IOException {
        room(IsoInstants.MAX_LENGTH);
        used = IsoInstants.write(epochMicros, buffer, used);
    }

    /** Sends everything gathered so far on, and flushes the stream. */
    void flush() throws IOException {
        drain();
        output.flush();
    }

    private void room(int bytes) throws IOException {
        if (buffer.length - used < bytes) {
            drain();
        }
    }

    private void drain() throws IOException {
        if (used > 0) {
            output.write(buffer, 0, used);
            used = 0;
        }
    }
}
