package org.aqqua.metadata.aqquacsv;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/**
 * Follows RFC 4180 record boundaries at the byte level (quotes, {@code ""} escapes, CR, LF, CRLF), so a record
 * longer than a limit is found before the CSV parser buffers it: at that point the stream ends early, as if the
 * file stopped there, and remembers the line the record started on. A UTF-8 byte order mark is dropped. Every
 * character this cares about is ASCII, and no byte of a multi-byte UTF-8 sequence is ASCII, so counting bytes
 * works on undecoded input.
 */
final class RecordLimitInputStream extends FilterInputStream {

    private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

    private final long maxRecordBytes;
    private State state = State.FIELD_START;
    private boolean afterCarriageReturn;
    private long line = 1;
    private long recordStartLine = 1;
    private long recordBytes;
    private long exceededLine = -1;
    private final byte[] one = new byte[1];

    RecordLimitInputStream(InputStream in, long maxRecordBytes) throws IOException {
        super(withoutByteOrderMark(in));
        if (maxRecordBytes < 1) {
            throw new IllegalArgumentException("maxRecordBytes must be at least 1, got " + maxRecordBytes);
        }
        this.maxRecordBytes = maxRecordBytes;
    }

    /** The line the over-long record starts on, or -1 while no record has exceeded the limit. */
    long exceededLine() {
        return exceededLine;
    }

    @Override
    public int read() throws IOException {
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (exceededLine >= 0) {
            return -1;
        }
        int n = super.read(b, off, len);
        if (n <= 0) {
            return n;
        }
        for (int i = 0; i < n; i++) {
            if (!accept(b[off + i])) {
                exceededLine = recordStartLine;
                return i == 0 ? -1 : i;
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // The parser never skips; counting must see every byte, so skipping reads.
        byte[] buffer = new byte[(int) Math.min(n, 8192)];
        int read = read(buffer, 0, buffer.length);
        return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Follows one byte; {@code false} when it makes the current record longer than the limit. */
    private boolean accept(byte b) {
        if (b == '\n' && afterCarriageReturn) {
            afterCarriageReturn = false; // second half of CRLF: already counted
            return true;
        }
        afterCarriageReturn = b == '\r';
        if (b == '\r' || b == '\n') {
            line++;
            if (state != State.QUOTED) {
                state = State.FIELD_START;
                recordStartLine = line;
                recordBytes = 0;
                return true;
            }
        } else {
            state = switch (state) {
                case FIELD_START -> b == '"' ? State.QUOTED : b == ',' ? State.FIELD_START : State.UNQUOTED;
                case UNQUOTED -> b == ',' ? State.FIELD_START : State.UNQUOTED;
                case QUOTED -> b == '"' ? State.QUOTE_IN_QUOTED : State.QUOTED;
                case QUOTE_IN_QUOTED -> b == '"' ? State.QUOTED : b == ',' ? State.FIELD_START : State.UNQUOTED;
            };
        }
        return ++recordBytes <= maxRecordBytes;
    }

    private static InputStream withoutByteOrderMark(InputStream in) throws IOException {
        PushbackInputStream pushback = new PushbackInputStream(in, 3);
        byte[] head = pushback.readNBytes(3);
        boolean bom = head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
                && (head[2] & 0xFF) == 0xBF;
        if (!bom) {
            pushback.unread(head);
        }
        return pushback;
    }
}
