package org.aqqua.runtime.csv;

/** RFC 4180 cells: quoted only when they hold a comma, a quote or a line end; quotes doubled. */
public final class CsvCells {

    private CsvCells() {
    }

    public static String quote(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
