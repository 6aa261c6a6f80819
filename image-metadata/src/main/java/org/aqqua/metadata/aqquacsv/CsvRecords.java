package org.aqqua.metadata.aqquacsv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The records of a comma-separated UTF-8 file (RFC 4180 quoting, byte order mark allowed), one at a time, each
 * with the line it starts on (the first line is 1), read with Apache Commons CSV. Blank lines are skipped.
 * Reading stops, with a {@link #failure()} naming the line, at a record longer than the byte limit (found before
 * it is buffered) and at a quoting error, after which no later record can be trusted.
 *
 * <p>Bytes that are not valid UTF-8 are decoded as U+FFFD ({@link #INVALID_UTF8}); callers report cells that
 * contain it, so the provider learns the line and column.
 */
public final class CsvRecords implements Closeable {

    /** What an invalid UTF-8 byte sequence becomes in a cell. */
    public static final char INVALID_UTF8 = '\uFFFD';

    /** One record: the line it starts on and its cells as written (quotes removed, nothing trimmed). */
    public record Record(int line, List<String> cells) {

        public String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }
    }

    /** Why reading stopped early, and on which line. */
    public record Failure(int line, String reason) {
    }

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private final long maxRecordBytes;
    private final RecordLimitInputStream limited;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long previousEndLine;
    private Failure failure;
    private boolean done;

    /** @param maxRecordBytes the longest record accepted, in bytes, without its line break */
    public CsvRecords(InputStream in, long maxRecordBytes) throws IOException {
        this.maxRecordBytes = maxRecordBytes;
        this.limited = new RecordLimitInputStream(in, maxRecordBytes);
        this.parser = CSVParser.builder().setReader(new InputStreamReader(limited, StandardCharsets.UTF_8))
                .setFormat(FORMAT).get();
        this.records = parser.iterator();
    }

    /** The next non-blank record, or {@code null} at the end of the file or when reading had to stop. */
    public Record next() throws IOException {
        while (!done) {
            long startLine = previousEndLine + 1;
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    done = true;
                    if (limited.exceededLine() >= 0) {
                        failure = tooLong();
                    }
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                done = true;
                if (limited.exceededLine() >= 0) {
                    failure = tooLong();
                    return null;
                }
                if (e.getCause() instanceof CSVException syntax) {
                    failure = new Failure(toInt(startLine), "the CSV quoting is broken here, so reading stopped: "
                            + syntax.getMessage() + " (a field with a comma, quote or line break must be enclosed "
                            + "in double quotes, and a quote inside it doubled)");
                    return null;
                }
                throw e.getCause();
            }
            previousEndLine = parser.getCurrentLineNumber();
            if (limited.exceededLine() >= 0 && startLine >= limited.exceededLine()) {
                done = true;
                failure = tooLong();
                return null;
            }
            if (record.size() == 0 || record.size() == 1 && record.get(0).isEmpty()) {
                continue; // a blank line
            }
            return new Record(toInt(startLine), record.toList());
        }
        return null;
    }

    /** Why reading stopped before the end of the file, if it did. */
    public Optional<Failure> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private Failure tooLong() {
        return new Failure(toInt(limited.exceededLine()), "the record starting on this line is longer than "
                + maxRecordBytes + " bytes, so reading stopped (is a quote left open?)");
    }

    private static int toInt(long line) {
        return (int) Math.min(line, Integer.MAX_VALUE);
    }
}
