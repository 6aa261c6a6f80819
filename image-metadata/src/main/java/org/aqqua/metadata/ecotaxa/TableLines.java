package org.aqqua.metadata.ecotaxa;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The physical lines of a table, read byte by byte from the stream so that memory stays bounded whatever the
 * table's size: a line ends at LF, CRLF or a lone CR (classic Mac files, like EcoTaxa's own
 * {@code import de categories ambigues} fixture). A line longer than the limit is reported as such and ends the
 * reading; it is never buffered whole.
 *
 * <p>Encoding: a UTF-8 byte-order mark declares UTF-8, and then a line that is not valid UTF-8 is reported.
 * Without a mark each line is decoded as UTF-8 and, when its bytes are not valid UTF-8, as ISO-8859-1 (UVP6 and
 * ZooProcess tables write {@code °} in latin-1). EcoTaxa itself reads every table without a mark as latin-1.
 */
final class TableLines {

    enum Issue { NONE, TOO_LONG, INVALID_UTF8 }

    /** One line: its text without the line end, or why it could not be read. */
    record Line(String text, Issue issue, String detail) {
    }

    private static final int BUFFER = 64 * 1024;

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[BUFFER];
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private int position;
    private int limit;
    private byte[] line = new byte[512];
    private int length;
    private boolean started;
    private boolean ended;
    private boolean declaredUtf8;

    TableLines(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line, or {@code null} after the last one. After a {@link Issue#TOO_LONG} line, always null. */
    Line next() throws IOException {
        if (!started) {
            started = true;
            skipByteOrderMark();
        }
        if (ended) {
            return null;
        }
        length = 0;
        boolean any = false;
        while (true) {
            int b = read();
            if (b < 0) {
                ended = true;
                if (!any) {
                    return null;
                }
                break;
            }
            any = true;
            if (b == '\n') {
                break;
            }
            if (b == '\r') {
                if (peek() == '\n') {
                    read();
                }
                break;
            }
            if (length == maxLineBytes) {
                ended = true;
                return new Line(null, Issue.TOO_LONG, "line is longer than " + maxLineBytes
                        + " bytes; the rest of the table is not read");
            }
            append((byte) b);
        }
        return decode();
    }

    private void skipByteOrderMark() throws IOException {
        while (limit < 3) {
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                break;
            }
            limit += n;
        }
        if (limit >= 3 && (buffer[0] & 0xff) == 0xEF && (buffer[1] & 0xff) == 0xBB && (buffer[2] & 0xff) == 0xBF) {
            declaredUtf8 = true;
            position = 3;
        }
    }

    private Line decode() {
        boolean ascii = true;
        for (int i = 0; i < length && ascii; i++) {
            ascii = line[i] >= 0;
        }
        if (ascii) {
            return new Line(new String(line, 0, length, StandardCharsets.ISO_8859_1), Issue.NONE, null);
        }
        ByteBuffer bytes = ByteBuffer.wrap(line, 0, length);
        CharBuffer chars = CharBuffer.allocate(length);
        utf8.reset();
        CoderResult result = utf8.decode(bytes, chars, true);
        if (!result.isError()) {
            result = utf8.flush(chars);
        }
        if (!result.isError()) {
            return new Line(chars.flip().toString(), Issue.NONE, null);
        }
        if (!declaredUtf8) {
            return new Line(new String(line, 0, length, StandardCharsets.ISO_8859_1), Issue.NONE, null);
        }
        int at = bytes.position();
        return new Line(null, Issue.INVALID_UTF8, String.format("invalid UTF-8 byte 0x%02X at byte %d of "
                + "the line: the table starts with a UTF-8 byte-order mark, so it must be UTF-8 throughout",
                line[at] & 0xff, at + 1));
    }

    private void append(byte b) {
        if (length == line.length) {
            byte[] larger = new byte[(int) Math.min((long) line.length * 2, Math.max(maxLineBytes, 1))];
            System.arraycopy(line, 0, larger, 0, length);
            line = larger;
        }
        line[length++] = b;
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position] & 0xff;
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
