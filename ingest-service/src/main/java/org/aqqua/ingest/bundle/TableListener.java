package org.aqqua.ingest.bundle;

import org.aqqua.metadata.RowSink;
import org.aqqua.metadata.SourceFields;

/** Hears a bundle's rows table by table: which columns the next rows' problems should name, then the rows. */
public interface TableListener extends RowSink {

    void beginTable(String file, SourceFields fields);
}
