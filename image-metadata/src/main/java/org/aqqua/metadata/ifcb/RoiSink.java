package org.aqqua.metadata.ifcb;

import org.aqqua.metadata.RowProblem;
import org.aqqua.metadata.SourceRow;

/**
 * Where {@link IfcbBinReader} sends each region of interest of a bin, one at a time: its row and its image as a
 * PNG (8-bit gray) to be stored at the row's image path. As with {@link org.aqqua.metadata.RowSink}, the
 * problems of a ROI are sent before it.
 */
public interface RoiSink {

    void roi(SourceRow row, byte[] png);

    void problem(RowProblem problem);
}
