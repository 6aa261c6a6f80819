package org.aqqua.runtime.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One finding of a validation: where it is ({@code row} when the input has rows, e.g. a TSV line or an
 * NDJSON line, numbered from 1), which field, the offending value as received, and why it was refused.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(Long row, String field, String value, String message) {

    public static FieldError of(String field, Object value, String message) {
        return new FieldError(null, field, value == null ? null : String.valueOf(value), message);
    }

    public static FieldError atRow(long row, String field, Object value, String message) {
        return new FieldError(row, field, value == null ? null : String.valueOf(value), message);
    }
}
