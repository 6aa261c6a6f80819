package org.aqqua.catalog.image;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The training manifest: id, SHA-256, storage key and all normalised metadata, RFC 4180 quoting (a cell is
 * quoted only when it holds a comma, a quote or a line end, quotes doubled, as {@code CsvCells}). Numbers and
 * text as PostgreSQL renders them (doubles in its shortest exact form, cast to text in the query), the instant
 * in ISO 8601; text goes out as the UTF-8 bytes PostgreSQL sent.
 */
final class CsvManifest extends ExportWriter.Bytes {

    static final List<String> COLUMNS = List.of("id", "dataset_id", "object_id", "sha256", "storage_key",
            "bytes", "width", "height", "format", "pixel_size_um", "latitude", "longitude", "depth_min",
            "depth_max", "altitude", "observed_at", "instrument", "sample_id", "label", "label_status");
    private static final String SELECT = "i.id, i.dataset_id, i.object_id, i.sha256, i.storage_key, i.bytes, "
            + "i.width, i.height, i.format, i.pixel_size_um::text, i.latitude::text, i.longitude::text, "
            + "i.depth_min::text, i.depth_max::text, i.altitude::text, i.observed_at, i.instrument, i.sample_id, "
            + "i.label, i.label_status";
    private static final int ID = COLUMNS.indexOf("id");
    private static final int DATASET_ID = COLUMNS.indexOf("dataset_id");
    private static final int BYTES = COLUMNS.indexOf("bytes");
    private static final int WIDTH = COLUMNS.indexOf("width");
    private static final int HEIGHT = COLUMNS.indexOf("height");
    private static final int OBSERVED_AT = COLUMNS.indexOf("observed_at");
    private static final byte[] HEADER = (String.join(",", COLUMNS) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CRLF = {'\r', '\n'};

    CsvManifest(OutputStream output) {
        super(output);
    }

    @Override
    String columns() {
        return SELECT;
    }

    @Override
    int columnCount() {
        return COLUMNS.size();
    }

    @Override
    void header() throws IOException {
        out.write(HEADER);
    }

    @Override
    void row(BinaryCopyRows rows) throws IOException {
        for (int c = 0; c < COLUMNS.size(); c++) {
            if (c > 0) {
                out.write((byte) ',');
            }
            if (c == ID || c == BYTES) {
                out.number(rows.int8(c));
            } else if (c == WIDTH || c == HEIGHT) {
                out.number(rows.int4(c));
            } else if (c == DATASET_ID) {
                out.ascii(rows.uuid(c).toString());
            } else if (c == OBSERVED_AT) {
                out.instant(rows.epochMicros(c));
            } else {
                cell(rows.buffer(), rows.start(c), rows.length(c));
            }
        }
        out.write(CRLF);
    }

    /** A text cell from its UTF-8 bytes (null: empty), quoted when it needs to be. */
    private void cell(byte[] bytes, int start, int length) throws IOException {
        if (length <= 0) {
            return;
        }
        int end = start + length;
        boolean quote = false;
        for (int i = start; i < end; i++) {
            byte b = bytes[i];
            if (b == ',' || b == '"' || b == '\n' || b == '\r') {
                quote = true;
                break;
            }
        }
        if (!quote) {
            out.write(bytes, start, length);
            return;
        }
        out.write((byte) '"');
        int from = start;
        for (int i = start; i < end; i++) {
            if (bytes[i] == '"') {
                out.write(bytes, from, i + 1 - from);
                from = i; // the quote again: doubled
            }
        }
        out.write(bytes, from, end - from);
        out.write((byte) '"');
    }
}
