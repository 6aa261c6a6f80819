package org.aqqua.metadata;

/**
 * Where a format reader sends what it reads, one row at a time, so tables of millions of rows never sit in
 * memory. A row with problems is still passed on if the reader could make sense of it, so later checks (the
 * image itself, {@link AqquaMinimum}) can report everything at once; {@link #problem} is called first.
 */
public interface RowSink {

    void row(SourceRow row);

    void problem(RowProblem problem);
}
