package org.aqqua.ingest.bundle;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.aqqua.ingest.archive.UnpackedArchive;
import org.aqqua.metadata.RowProblem;
import org.aqqua.metadata.RowSink;
import org.aqqua.metadata.SourceFields;
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
        List<Table> tables = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (EcotaxaTableReader.isTableName(name)) {
                tables.add(new Table(file, relative(root, file), EcotaxaTableReader.FIELDS, (relative, in, sink) ->
                        new EcotaxaTableReader(maxLineBytes).read(relative, in, imageExists, sink)));
            } else if (isAqquaCsv(file, name)) {
                tables.add(new Table(file, relative(root, file), AqquaCsvReader.FIELDS, (relative, in, sink) ->
                        new AqquaCsvReader(maxLineBytes).read(relative, in, imageExists, sink)));
            }
        }
        readTables(tables, listener);
        return tables.size() + readIfcbBins(root, files, listener);
    }

    /**
     * Streams the tables' rows to the listener in order. While one table's rows are checked, the next one, if
     * small, is parsed ahead on another thread and its rows and problems kept until their turn: a bundle of many
     * per-sample tables is read on two cores. A large table is streamed as it is read, so memory stays bounded.
     */
    private static void readTables(List<Table> tables, TableListener listener) throws IOException {
        ExecutorService ahead = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "table-read-ahead");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<ParsedTable> next = null;
            for (int i = 0; i < tables.size(); i++) {
                Table table = tables.get(i);
                Future<ParsedTable> parsed = next;
                next = null;
                if (i + 1 < tables.size() && tables.get(i + 1).readAhead()) {
                    Table following = tables.get(i + 1);
                    next = ahead.submit(() -> ParsedTable.of(following));
                }
                listener.beginTable(table.relative(), table.fields());
                if (parsed != null) {
                    awaited(parsed).replayTo(listener);
                } else {
                    table.readInto(listener);
                }
            }
        } finally {
            ahead.shutdownNow();
        }
    }

    private static ParsedTable awaited(Future<ParsedTable> parsed) throws IOException {
        try {
            return parsed.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while a table was read ahead");
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading a table ahead failed", e.getCause());
        }
    }

    /** How a format reads a table into a sink. */
    private interface TableFormat {
        void read(String relative, InputStream in, RowSink sink) throws IOException;
    }

    private record Table(Path file, String relative, SourceFields fields, TableFormat format) {

        /** Tables up to this size are parsed ahead in memory (a few times their size on the heap). */
        private static final long READ_AHEAD_MAX_BYTES = 2L * 1024 * 1024;

        boolean readAhead() {
            try {
                return Files.size(file) <= READ_AHEAD_MAX_BYTES;
            } catch (IOException e) {
                return false; // read in its turn, which reports what is wrong with it
            }
        }

        void readInto(RowSink sink) throws IOException {
            try (InputStream in = Files.newInputStream(file)) {
                format.read(relative, in, sink);
            }
        }
    }

    /** A table read ahead: its rows and problems in the order read, then how reading it failed, if it did. */
    private record ParsedTable(List<Object> events, Exception failure) {

        static ParsedTable of(Table table) {
            List<Object> events = new ArrayList<>();
            try {
                table.readInto(new RowSink() {
                    @Override
                    public void row(SourceRow row) {
                        events.add(row);
                    }

                    @Override
                    public void problem(RowProblem problem) {
                        events.add(problem);
                    }
                });
                return new ParsedTable(events, null);
            } catch (IOException | RuntimeException e) {
                return new ParsedTable(events, e);
            }
        }

        /** What reading the table in its turn would have told the sink, and thrown. */
        void replayTo(RowSink sink) throws IOException {
            for (Object event : events) {
                if (event instanceof SourceRow row) {
                    sink.row(row);
                } else {
                    sink.problem((RowProblem) event);
                }
            }
            if (failure instanceof IOException e) {
                throw e;
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
        }
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

    /**
     * Writes each region of interest as a PNG at its row's image path, then hands on the row. The path is in the
     * bin's own folder (the one holding its .adc), so there is no folder to make.
     */
    private record RoiFiles(Path root, TableListener listener) implements RoiSink {
        @Override
        public void roi(SourceRow row, byte[] png) {
            try (OutputStream out = Files.newOutputStream(root.resolve(row.imagePath()))) {
                out.write(png);
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
