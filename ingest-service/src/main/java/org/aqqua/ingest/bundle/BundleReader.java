package org.aqqua.ingest.bundle;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.aqqua.ingest.archive.UnpackedArchive;
import org.aqqua.metadata.RowProblem;
import org.aqqua.metadata.SourceRow;
import org.aqqua.metadata.aqquacsv.AqquaCsvReader;
import org.aqqua.metadata.ecotaxa.EcotaxaTableReader;
import org.aqqua.metadata.ifcb.BinPlacements;
import org.aqqua.metadata.ifcb.IfcbBinReader;
import org.aqqua.metadata.ifcb.RoiSink;

/**
 * Reads an unpacked upload as a bundle: finds its tables by content and name wherever they sit in the tree —
 * EcoTaxa tables ({@code ecotaxa*.tsv|txt}), AqQua CSV tables (a {@code .csv} with a {@code file} column) and
 * IFCB bins ({@code .hdr/.adc/.roi}, placed by {@value #IFCB_PLACEMENTS}) — and streams their rows, in a stable
 * order, to a listener. IFCB regions of interest become PNG files in the tree, so every row's image is a file.
 */
public final class BundleReader {

    public static final String IFCB_PLACEMENTS = BinPlacements.FILE_NAME;

    private final int maxLineBytes;

    public BundleReader(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    /** Reads every table under {@code root}; returns how many tables and bins were found (0: nothing to ingest). */
    public int read(UnpackedArchive tree, TableListener listener) throws IOException {
        Path root = tree.root();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        Predicate<String> imageExists = path -> isInside(root, path) && tree.isFile(root.resolve(path).normalize());
        int tables = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            String relative = relative(root, file);
            if (EcotaxaTableReader.isTableName(name)) {
                tables++;
                listener.beginTable(relative, EcotaxaTableReader.FIELDS);
                try (InputStream in = Files.newInputStream(file)) {
                    new EcotaxaTableReader(maxLineBytes).read(relative, in, imageExists, listener);
                }
            } else if (isAqquaCsv(file, name)) {
                tables++;
                listener.beginTable(relative, AqquaCsvReader.FIELDS);
                try (InputStream in = Files.newInputStream(file)) {
                    new AqquaCsvReader(maxLineBytes).read(relative, in, imageExists, listener);
                }
            }
        }
        return tables + readIfcbBins(root, files, listener);
    }

    private int readIfcbBins(Path root, List<Path> files, TableListener listener) throws IOException {
        List<Path> adcFiles = files.stream().filter(f -> f.getFileName().toString().endsWith(".adc"))
                .filter(f -> IfcbBinReader.parseName(stem(f)).isPresent()).toList();
        if (adcFiles.isEmpty()) {
            return 0;
        }
        BinPlacements placements = placements(root, files, listener);
        for (Path adc : adcFiles) {
            String stem = stem(adc);
            String binPath = relative(root, adc.resolveSibling(stem));
            listener.beginTable(binPath + ".adc", IfcbBinReader.FIELDS);
            Path hdr = adc.resolveSibling(stem + ".hdr");
            Path roi = adc.resolveSibling(stem + ".roi");
            // A missing .hdr or .roi is passed as null: the reader reports it (and still reads ROIs without .hdr).
            try (InputStream hdrIn = openOrNull(hdr); InputStream adcIn = Files.newInputStream(adc);
                    InputStream roiIn = openOrNull(roi)) {
                new IfcbBinReader().read(binPath, hdrIn, adcIn, roiIn, placements.find(stem).orElse(null),
                        new RoiFiles(root, listener));
            }
        }
        return adcFiles.size();
    }

    private static BinPlacements placements(Path root, List<Path> files, TableListener listener) throws IOException {
        Optional<Path> table = files.stream().filter(f -> f.getFileName().toString().equals(IFCB_PLACEMENTS))
                .findFirst();
        if (table.isEmpty()) {
            listener.problem(RowProblem.ofFile(IFCB_PLACEMENTS, "IFCB bins need a placement table "
                    + IFCB_PLACEMENTS + " (bin, latitude, longitude, depth) giving where each bin was sampled"));
            return BinPlacements.read(IFCB_PLACEMENTS, InputStream.nullInputStream(), p -> { });
        }
        try (InputStream in = Files.newInputStream(table.get())) {
            return BinPlacements.read(relative(root, table.get()), in, listener::problem);
        }
    }

    /** Writes each region of interest as a PNG at its row's image path, then hands on the row. */
    private record RoiFiles(Path root, TableListener listener) implements RoiSink {
        @Override
        public void roi(SourceRow row, byte[] png) {
            Path target = root.resolve(row.imagePath());
            try {
                Files.createDirectories(target.getParent());
                try (OutputStream out = Files.newOutputStream(target)) {
                    out.write(png);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            listener.row(row);
        }

        @Override
        public void problem(RowProblem problem) {
            listener.problem(problem);
        }
    }

    /** A CSV is an AqQua table when its header names a {@code file} column; other CSVs (features, logs) are not. */
    private static boolean isAqquaCsv(Path file, String name) throws IOException {
        if (!AqquaCsvReader.isTableName(name)) {
            return false;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String header = reader.readLine();
            return header != null && Arrays.stream(header.replace("\uFEFF", "").replace("ï»¿", "").split(","))
                    .map(cell -> cell.strip().replace("\"", "").toLowerCase(Locale.ROOT))
                    .anyMatch("file"::equals);
        }
    }

    private static InputStream openOrNull(Path file) throws IOException {
        return Files.exists(file) ? Files.newInputStream(file) : null;
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static boolean isInside(Path root, String path) {
        return !path.isEmpty() && root.resolve(path).normalize().startsWith(root);
    }

    static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
