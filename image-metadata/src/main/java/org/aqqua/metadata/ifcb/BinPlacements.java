package org.aqqua.metadata.ifcb;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.aqqua.metadata.RowProblem;
import org.aqqua.metadata.aqquacsv.CsvRecords;
import org.aqqua.metadata.aqquacsv.Decimals;

/**
 * The IFCB placement table {@value #FILE_NAME}: where each bin of an upload was sampled, since IFCB raw files do
 * not say. A CSV like AqQua's own (UTF-8, comma-separated, RFC 4180 quoting, header names in any case) with one
 * row per bin:
 *
 * <pre>
 * bin,latitude,longitude,depth,pixel_size_um
 * D20130526T095207_IFCB013,41.5253,-70.6717,4,0.29
 * IFCB5_2012_028_081515,41.3250,-70.5667,4,
 * </pre>
 *
 * {@code bin}, {@code latitude} and {@code longitude} are required, and {@code depth} (metres) or
 * {@code altitude} (metres, for lakes); {@code pixel_size_um} is optional (µm per pixel; the dataset's default
 * applies without it). Other columns are ignored. A bin id may be written with its {@code .adc} extension.
 */
public final class BinPlacements {

    public static final String FILE_NAME = "ifcb_bins.csv";

    /** A placement row is short; a longer record is not one. */
    static final int MAX_RECORD_BYTES = 64 * 1024;
    /** More bins than a decade of continuous sampling; the table is held in memory. */
    static final int MAX_BINS = 1_000_000;

    private final String file;
    private final Map<String, BinPlacement> byBin;

    private BinPlacements(String file, Map<String, BinPlacement> byBin) {
        this.file = file;
        this.byBin = byBin;
    }

    /**
     * Reads a placement table, reporting every problem with its line, column and value. A row with problems is
     * kept with the unreadable values {@code null} (values out of range are reported and kept); of two rows for
     * one bin the first counts.
     *
     * @param file the table's path inside the upload, for problems
     */
    public static BinPlacements read(String file, InputStream csv, Consumer<RowProblem> problems)
            throws IOException {
        Map<String, BinPlacement> byBin = new HashMap<>();
        try (CsvRecords records = new CsvRecords(csv, MAX_RECORD_BYTES)) {
            CsvRecords.Record header = records.next();
            if (header == null) {
                problems.accept(records.failure()
                        .map(f -> RowProblem.ofField(file, f.line(), null, null, f.reason()))
                        .orElse(RowProblem.ofFile(file, "the file is empty: the IFCB placement table needs a header "
                                + "row bin,latitude,longitude,depth and a row per bin")));
                return new BinPlacements(file, byBin);
            }
            Header columns = Header.of(file, header, problems);
            if (columns == null) {
                return new BinPlacements(file, byBin);
            }
            for (CsvRecords.Record row = records.next(); row != null; row = records.next()) {
                if (byBin.size() >= MAX_BINS) {
                    problems.accept(RowProblem.ofField(file, row.line(), null, null, "more than " + MAX_BINS
                            + " bins; the rest of the table is not read"));
                    return new BinPlacements(file, byBin);
                }
                BinPlacement placement = columns.placement(row, problems);
                if (placement == null) {
                    continue;
                }
                BinPlacement earlier = byBin.putIfAbsent(placement.bin(), placement);
                if (earlier != null) {
                    problems.accept(RowProblem.ofField(file, row.line(), columns.name(columns.bin), placement.bin(),
                            "this bin already has a row on line " + earlier.line() + ", which is the one used"));
                }
            }
            records.failure().ifPresent(f -> problems.accept(RowProblem.ofField(file, f.line(), null, null,
                    f.reason())));
        }
        return new BinPlacements(file, byBin);
    }

    /** The placement of a bin, by its id (an extension such as {@code .adc} is ignored). */
    public Optional<BinPlacement> find(String binId) {
        return Optional.ofNullable(byBin.get(key(binId)));
    }

    /** The table's path inside the upload. */
    public String file() {
        return file;
    }

    /** How many bins the table places. */
    public int size() {
        return byBin.size();
    }

    private static String key(String binId) {
        String id = binId.strip();
        return IfcbBinName.parse(id).map(IfcbBinName::stem).orElse(id);
    }

    private record Header(String file, List<String> names, int bin, int latitude, int longitude, int depth,
            int altitude, int pixelSize) {

        static Header of(String file, CsvRecords.Record header, Consumer<RowProblem> problems) {
            List<String> names = header.cells().stream().map(String::strip).toList();
            Map<String, Integer> index = new HashMap<>();
            boolean stop = false;
            for (int i = 0; i < names.size(); i++) {
                String key = names.get(i).toLowerCase(Locale.ROOT);
                if (!key.isEmpty() && index.putIfAbsent(key, i) != null) {
                    problems.accept(RowProblem.ofField(file, header.line(), names.get(i), names.get(i),
                            "two columns have this name (compared ignoring case), so it is unclear which to read"));
                    stop = true;
                }
            }
            for (String required : List.of("bin", "latitude", "longitude")) {
                if (!index.containsKey(required)) {
                    problems.accept(RowProblem.ofField(file, header.line(), required, null,
                            "the placement table needs a '" + required + "' column (bin,latitude,longitude,depth)"));
                    stop = true;
                }
            }
            if (!index.containsKey("depth") && !index.containsKey("altitude")) {
                problems.accept(RowProblem.ofField(file, header.line(), "depth", null, "the placement table needs "
                        + "a 'depth' column in metres (or 'altitude' in metres for lakes)"));
                stop = true;
            }
            if (stop) {
                return null;
            }
            return new Header(file, names, index.get("bin"), index.get("latitude"), index.get("longitude"),
                    index.getOrDefault("depth", -1), index.getOrDefault("altitude", -1),
                    index.getOrDefault("pixel_size_um", -1));
        }

        String name(int column) {
            return names.get(column);
        }

        BinPlacement placement(CsvRecords.Record row, Consumer<RowProblem> problems) {
            if (row.cells().size() != names.size()) {
                problems.accept(RowProblem.ofField(file, row.line(), null, String.valueOf(row.cells().size()),
                        "this row has " + row.cells().size() + " cells but the header has " + names.size()
                                + " columns"));
            }
            for (int i = 0; i < row.cells().size(); i++) {
                if (row.cells().get(i).indexOf(CsvRecords.INVALID_UTF8) >= 0) {
                    problems.accept(RowProblem.ofField(file, row.line(), i < names.size() ? names.get(i)
                            : "column " + (i + 1), row.cells().get(i), "not valid UTF-8; save the file as UTF-8"));
                }
            }
            String written = row.cell(bin).strip();
            if (written.isEmpty()) {
                problems.accept(RowProblem.ofField(file, row.line(), name(bin), null, "the bin id is required"));
                return null;
            }
            Optional<IfcbBinName> parsed = IfcbBinName.parse(written);
            if (parsed.isEmpty()) {
                problems.accept(RowProblem.ofField(file, row.line(), name(bin), written, "not an IFCB bin id "
                        + "(DYYYYMMDDTHHMMSS_IFCBnnn or IFCBn_YYYY_DDD_HHMMSS)"));
            }
            Double lat = number(row, latitude, problems);
            if (lat != null && !(lat >= -90 && lat <= 90)) {
                problems.accept(RowProblem.ofField(file, row.line(), name(latitude), row.cell(latitude).strip(),
                        "latitude must be within -90..90"));
            }
            Double lon = number(row, longitude, problems);
            if (lon != null && !(lon >= -180 && lon <= 180)) {
                problems.accept(RowProblem.ofField(file, row.line(), name(longitude), row.cell(longitude).strip(),
                        "longitude must be within -180..180"));
            }
            Double depthValue = number(row, depth, problems);
            if (depthValue != null && depthValue < 0) {
                problems.accept(RowProblem.ofField(file, row.line(), name(depth), row.cell(depth).strip(),
                        "depth must be 0 or more metres"));
            }
            Double pixel = number(row, pixelSize, problems);
            if (pixel != null && !(pixel > 0)) {
                problems.accept(RowProblem.ofField(file, row.line(), name(pixelSize), row.cell(pixelSize).strip(),
                        "pixel size must be greater than 0"));
            }
            return new BinPlacement(file, row.line(), parsed.map(IfcbBinName::stem).orElse(written), lat, lon,
                    depthValue, number(row, altitude, problems), pixel);
        }

        private Double number(CsvRecords.Record row, int column, Consumer<RowProblem> problems) {
            if (column < 0 || row.cell(column).isBlank()) {
                return null;
            }
            String cell = row.cell(column);
            Double value = Decimals.parse(cell);
            if (value == null) {
                problems.accept(RowProblem.ofField(file, row.line(), name(column), cell, Decimals.notANumber(cell)));
            }
            return value;
        }
    }
}
