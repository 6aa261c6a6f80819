package org.aqqua.metadata.ecotaxa;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How EcoTaxa cleans a cell before using it, and how it quotes values in its messages (Python's repr). */
final class Cells {

    private Cells() {
    }

    /** The cell without surrounding white space (Python's {@code str.strip()}); "" for a missing cell. */
    static String clean(String cell) {
        if (cell == null) {
            return "";
        }
        int start = 0;
        int end = cell.length();
        while (start < end && isSpace(cell.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(cell.charAt(end - 1))) {
            end--;
        }
        return cell.substring(start, end);
    }

    /** For numeric columns EcoTaxa reads {@code nan} and {@code na} (any case) as an empty cell. */
    static boolean isNotANumberMarker(String cleaned) {
        String lower = cleaned.toLowerCase(Locale.ROOT);
        return lower.equals("nan") || lower.equals("na");
    }

    /** A list as Python prints it, e.g. {@code ['Extra', 'Extra2']}, so messages read like EcoTaxa's. */
    static String pythonList(List<String> values) {
        return values.stream().map(Cells::pythonString).collect(Collectors.joining(", ", "[", "]"));
    }

    static String pythonString(String value) {
        char quote = value.indexOf('\'') >= 0 && value.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder text = new StringBuilder().append(quote);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> {
                    if (c == quote) {
                        text.append('\\');
                    }
                    text.append(c);
                }
            }
        }
        return text.append(quote).toString();
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\u0085';
    }
}
