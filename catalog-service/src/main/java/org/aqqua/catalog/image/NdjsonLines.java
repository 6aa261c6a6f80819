package org.aqqua.catalog.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.aqqua.runtime.problem.FieldError;
import org.aqqua.runtime.problem.ProblemException;

/**
 * Reads an NDJSON body line by line, numbering lines from 1, without ever holding more than one line: a line over
 * the limit or bytes that are not UTF-8 are refused naming the line.
 */
final class NdjsonLines {

    private final Reader reader;
    private final int maxLineChars;
    private final StringBuilder line = new StringBuilder(1024);
    /** Read in blocks: a Reader read char by char costs a lock and a decoder call per character. */
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private final long firstLineNumber;
    private long lineNumber;

    NdjsonLines(InputStream body, int maxLineChars) {
        this(body, maxLineChars, 1);
    }

    /** Lines numbered from {@code firstLineNumber}: the body is a part of a longer list of lines. */
    NdjsonLines(InputStream body, int maxLineChars, long firstLineNumber) {
        this.lineNumber = firstLineNumber - 1;
        this.firstLineNumber = firstLineNumber;
        this.reader = new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        this.maxLineChars = maxLineChars;
    }

    /** The next line without its line end, or null at the end of the body. */
    String next() {
        line.setLength(0);
        try {
            if (position == limit && !fill()) {
                return null;
            }
            lineNumber++;
            while (true) {
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                line.append(buffer, start, position - start);
                if (line.length() > maxLineChars) {
                    throw ProblemException.badRequest("Line " + lineNumber + " is longer than " + maxLineChars
                            + " characters.", List.of(FieldError.atRow(lineNumber, null, null,
                                    "line longer than " + maxLineChars + " characters")));
                }
                if (position < limit) {
                    position++; // the line end
                    break;
                }
                if (!fill()) {
                    break;
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            long at = Math.max(firstLineNumber, lineNumber);
            throw ProblemException.badRequest("Line " + at + " is not UTF-8.",
                    List.of(FieldError.atRow(at, null, null, "not valid UTF-8")));
        } catch (IOException e) {
            throw ProblemException.badRequest("The request body could not be read to its end: " + e.getMessage(),
                    List.of());
        }
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            line.setLength(end - 1);
        }
        return line.toString();
    }

    private boolean fill() throws IOException {
        int read = reader.read(buffer, 0, buffer.length);
        position = 0;
        limit = Math.max(read, 0);
        return read > 0;
    }

    long lineNumber() {
        return lineNumber;
    }
}
