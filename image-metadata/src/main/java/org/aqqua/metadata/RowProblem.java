package org.aqqua.metadata;

/**
 * Something wrong in a provider's file, said so the provider can find and fix it: which file, which line
 * (EcoTaxa's numbering: header 1, type row 2; {@code null} for the file as a whole), which field, the value
 * found (as written, {@code null} when missing) and why it is refused.
 */
public record RowProblem(String file, Integer line, String field, String value, String reason) {

    public static RowProblem ofFile(String file, String reason) {
        return new RowProblem(file, null, null, null, reason);
    }

    public static RowProblem ofField(String file, int line, String field, String value, String reason) {
        return new RowProblem(file, line, field, value, reason);
    }

    /** One line a person reads, e.g. {@code ecotaxa_a.tsv line 3, object_lat '100': latitude must be within -90..90}. */
    public String describe() {
        StringBuilder text = new StringBuilder(file == null ? "archive" : file);
        if (line != null) {
            text.append(" line ").append(line);
        }
        if (field != null) {
            text.append(", ").append(field);
            if (value != null) {
                text.append(" '").append(value).append('\'');
            }
        }
        return text.append(": ").append(reason).toString();
    }
}
