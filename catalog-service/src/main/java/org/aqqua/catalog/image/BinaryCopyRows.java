package org.aqqua.catalog.image;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * Rows of {@code COPY (...) TO STDOUT (FORMAT binary)}, read one at a time from the stream: PostgreSQL sends the
 * whole result without waiting for the reader between batches, and its binary forms need no parsing (numbers as
 * bytes, text as UTF-8). A row's fields stay in one buffer until the next row, so a writer can copy text out
 * without making a String of it.
 *
 * <p>Types read here: bigint, integer, double precision, uuid, timestamptz (microseconds since 2000-01-01 UTC) and
 * text (also for casts to text).
 */
final class BinaryCopyRows {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L; // 2000-01-01T00:00:00Z

    private final InputStream in;
    private final int[] offsets;
    private final int[] lengths;
    private byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private int row;
    private boolean started;
    private boolean ended;

    BinaryCopyRows(InputStream in, int columns) {
        this.in = in;
        this.offsets = new int[columns];
        this.lengths = new int[columns];
    }

    /** Moves to the next row; false after the last. */
    boolean next() throws IOException {
        if (ended) {
            return false;
        }
        if (!started) {
            header();
            started = true;
        }
        row = position;
        int count = readShort();
        if (count == -1) {
            ended = true;
            return false;
        }
        if (count != offsets.length) {
            throw new IOException("Expected " + offsets.length + " columns, got " + count);
        }
        for (int c = 0; c < count; c++) {
            int length = readInt();
            lengths[c] = length;
            offsets[c] = position - row;
            if (length > 0) {
                require(length);
                position += length;
            }
        }
        return true;
    }

    boolean isNull(int column) {
        return lengths[column] < 0;
    }

    long int8(int column) {
        return longAt(start(column));
    }

    int int4(int column) {
        return intAt(start(column));
    }

    double float8(int column) {
        return Double.longBitsToDouble(longAt(start(column)));
    }

    /** A nullable double precision. */
    Double float8OrNull(int column) {
        return isNull(column) ? null : float8(column);
    }

    UUID uuid(int column) {
        int at = start(column);
        return new UUID(longAt(at), longAt(at + 8));
    }

    Instant timestamptz(int column) {
        long micros = longAt(start(column));
        return Instant.ofEpochSecond(POSTGRES_EPOCH_SECONDS + Math.floorDiv(micros, 1_000_000L),
                Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /** A timestamptz as microseconds since 1970-01-01 UTC. */
    long epochMicros(int column) {
        return Math.addExact(longAt(start(column)), POSTGRES_EPOCH_SECONDS * 1_000_000L);
    }

    /** A nullable text. */
    String text(int column) {
        return isNull(column) ? null : new String(buffer, start(column), lengths[column], StandardCharsets.UTF_8);
    }

    /** The buffer holding the current row; a field is {@link #length} bytes from {@link #start}. */
    byte[] buffer() {
        return buffer;
    }

    int start(int column) {
        return row + offsets[column];
    }

    /** The field's length in bytes, -1 for null. */
    int length(int column) {
        return lengths[column];
    }

    private void header() throws IOException {
        require(SIGNATURE.length + 8);
        if (!Arrays.equals(buffer, position, position + SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            throw new IOException("Not PostgreSQL's binary COPY format");
        }
        position += SIGNATURE.length;
        readInt(); // flags: no OIDs
        int extension = readInt();
        require(extension);
        position += extension;
    }

    private int readShort() throws IOException {
        require(2);
        int value = (short) (((buffer[position] & 0xff) << 8) | (buffer[position + 1] & 0xff));
        position += 2;
        return value;
    }

    private int readInt() throws IOException {
        require(4);
        int value = intAt(position);
        position += 4;
        return value;
    }

    private int intAt(int at) {
        return ((buffer[at] & 0xff) << 24) | ((buffer[at + 1] & 0xff) << 16) | ((buffer[at + 2] & 0xff) << 8)
                | (buffer[at + 3] & 0xff);
    }

    private long longAt(int at) {
        return ((long) intAt(at) << 32) | (intAt(at + 4) & 0xffffffffL);
    }

    /**
     * Makes sure {@code bytes} more bytes are buffered after the position. The current row moves to the start of
     * the buffer first (its fields are kept relative to it), and the buffer grows for a row larger than itself.
     */
    private void require(int bytes) throws IOException {
        if (limit - position >= bytes) {
            return;
        }
        int keep = limit - row;
        int needed = position - row + bytes;
        if (needed > buffer.length) {
            buffer = Arrays.copyOfRange(buffer, row, row + Math.max(needed, 2 * buffer.length));
        } else if (row > 0) {
            System.arraycopy(buffer, row, buffer, 0, keep);
        }
        position -= row;
        limit = keep;
        row = 0;
        while (limit - position < bytes) {
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                throw new EOFException("The COPY stream ended inside a row");
            }
            limit += read;
        }
    }
}
