package org.aqqua.catalog.image;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * EcoTaxa's import table: header, then the type row ([t] text, [f] number), then one object per line, with
 * EcoTaxa's column names and its date (YYYYMMDD) and time (HHMMSS) forms. img_file_name names the image by
 * its SHA-256 under images/, as in a bundle of the table and the images.
 */
final class EcoTaxaTable extends ExportWriter.Text {

    private static final List<String> COLUMNS = List.of("img_file_name", "object_id", "object_lat",
            "object_lon", "object_date", "object_time", "object_depth_min", "object_depth_max",
            "object_annotation_category", "object_annotation_status", "acq_id", "acq_instrument", "process_id",
            "process_pixel", "sample_id", "object_sha256");
    private static final List<String> TYPES = List.of("[t]", "[t]", "[f]", "[f]", "[t]", "[t]", "[f]", "[f]",
            "[t]", "[t]", "[t]", "[t]", "[t]", "[f]", "[t]", "[t]");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss").withZone(ZoneOffset.UTC);

    EcoTaxaTable(Writer out) {
        super(out);
    }

    @Override
    void header() throws IOException {
        out.write(String.join("\t", COLUMNS));
        out.write('\n');
        out.write(String.join("\t", TYPES));
        out.write('\n');
    }

    @Override
    void row(BinaryCopyRows rows) throws IOException {
        write(ImageView.read(rows));
    }

    void write(ImageView i) throws IOException {
        Object[] values = {"images/" + i.sha256() + "." + i.format().toLowerCase(Locale.ROOT),
            i.objectId(), i.latitude(), i.longitude(), DATE.format(i.observedAt()), TIME.format(i.observedAt()),
            i.depthMin(), i.depthMax() != null ? i.depthMax() : i.depthMin(), i.label(), i.label() == null ? null
                : i.labelStatus(), acquisition(i), i.instrument(), acquisition(i), i.pixelSizeUm(), i.sampleId(),
            i.sha256()};
        for (int c = 0; c < values.length; c++) {
            if (c > 0) {
                out.write('\t');
            }
            out.write(clean(values[c]));
        }
        out.write('\n');
    }

    /**
     * EcoTaxa needs acq_id and process_id beside acq_ and process_ columns, takes an acquisition's instrument
     * and its process's pixel size from the first row naming it, and keeps an acquisition in one sample: one id
     * per sample, instrument and pixel size (the process is the acquisition's twin, same id).
     */
    private static String acquisition(ImageView i) {
        return (i.sampleId() == null ? "" : i.sampleId() + "_") + i.instrument() + "_" + i.pixelSizeUm() + "um";
    }

    /** TSV has no quoting: tabs and line ends inside a value become spaces. */
    private static String clean(Object value) {
        return value == null ? "" : value.toString().replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
