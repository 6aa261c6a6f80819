package org.aqqua.metadata.ecotaxa;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of a tab-separated table, split into cells the way EcoTaxa's reader (Python's {@code csv} module,
 * tab delimiter, {@code "} as quote) splits them: a cell that starts with {@code "} is quoted, may hold tabs and
 * line ends, and {@code ""} inside it is one quote; a quote anywhere else is an ordinary character. Blank lines
 * are skipped.
 *
 * <p>Records are numbered as a spreadsheet numbers its rows: a blank line counts, a quoted cell spanning lines
 * keeps its record on one number. That is EcoTaxa's numbering for every table without blank lines (EcoTaxa does
 * not count blank lines, so its numbers drift after one).
 */
final class TsvRecords {

    /** A record's cells, or why it could not be read ({@code fatal}: nothing after it can be read either). */
    record Record(int line, List<String> cells, String problem, boolean fatal) {
    }

    private enum State { START, FIELD, QUOTED, QUOTE_IN_QUOTED }

    private final TableLines lines;
    private final int maxRecordChars;
    private final StringBuilder cell = new StringBuilder();
    private List<String> cells;
    private State state;
    private int recordChars;
    private int number;

    TsvRecords(TableLines lines, int maxRecordChars) {
        this.lines = lines;
        this.maxRecordChars = maxRecordChars;
    }

    /** The next record, or {@code null} at the end of the table. */
    Record next() throws IOException {
        cells = null;
        while (true) {
            TableLines.Line line = lines.next();
            if (line == null) {
                if (cells == null) {
                    return null;
                }
                endCell(); // a quoted cell left open at the end of the table ends there, as Python's reader does
                return new Record(number, cells, null, false);
            }
            if (line.issue() != TableLines.Issue.NONE) {
                return new Record(cells == null ? ++number : number, null, line.detail(),
                        line.issue() == TableLines.Issue.TOO_LONG);
            }
            if (cells == null) {
                number++;
                if (line.text().isEmpty()) {
                    continue;
                }
                cells = new ArrayList<>();
                state = State.START;
                recordChars = 0;
                cell.setLength(0);
            }
            recordChars += line.text().length() + 1;
            if (recordChars > maxRecordChars) {
                return new Record(number, null, "a quoted cell spanning lines makes the record longer than "
                        + maxRecordChars + " characters; the rest of the table is not read", true);
            }
            if (split(line.text())) {
                return new Record(number, cells, null, false);
            }
        }
    }

    /** Adds the line's cells to the record; false when a quoted cell continues on the next line. */
    private boolean split(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (state) {
                case START -> {
                    if (c == '"') {
                        state = State.QUOTED;
                    } else if (c == '\t') {
                        endCell();
                    } else {
                        cell.append(c);
                        state = State.FIELD;
                    }
                }
                case FIELD -> {
                    if (c == '\t') {
                        endCell();
                    } else {
                        cell.append(c);
                    }
                }
                case QUOTED -> {
                    if (c == '"') {
                        state = State.QUOTE_IN_QUOTED;
                    } else {
                        cell.append(c);
                    }
                }
                case QUOTE_IN_QUOTED -> {
                    if (c == '"') {
                        cell.append('"');
                        state = State.QUOTED;
                    } else if (c == '\t') {
                        endCell();
                    } else {
                        cell.append(c);
                        state = State.FIELD;
                    }
                }
            }
        }
        if (state == State.QUOTED) {
            cell.append('\n');
            return false;
        }
        endCell();
        return true;
    }

    private void endCell() {
        cells.add(cell.toString());
        cell.setLength(0);
        state = State.START;
    }
}
