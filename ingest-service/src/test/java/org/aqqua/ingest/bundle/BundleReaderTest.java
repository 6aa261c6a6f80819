package org.aqqua.ingest.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.aqqua.ingest.archive.UnpackedArchive;
import org.aqqua.metadata.RowProblem;
import org.aqqua.metadata.SourceFields;
import org.aqqua.metadata.SourceRow;
import org.aqqua.metadata.ecotaxa.EcotaxaTableReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables read ahead on another thread reach the listener exactly as reading them one after the other would have
 * told it: same tables in the same order, each row and problem in its place.
 */
class BundleReaderTest {

    private static final Path ECOTAXA = Path.of("../fixtures/external/ecotaxa_back/QA/py/data");
    private static final int MAX_LINE_BYTES = 1 << 20;

    @TempDir
    Path tree;

    @Test
    void theUpstreamTablesAndALargeOneArriveAsIfReadOneAfterTheOther() throws IOException {
        copy(ECOTAXA, tree);
        Path large = tree.resolve("zz_large/ecotaxa_large.tsv");
        writeLargeTable(tree.resolve("import_test"), large);
        // its rows name images of its own folder: copied, so that the rows are valid ones
        copy(large.getParent().resolveSibling("import_test/m106_mn01_n1_sml"), large.getParent());
        assertThat(Files.size(large)).as("streamed, not read ahead").isGreaterThan(2L * 1024 * 1024);

        Recorder readAhead = new Recorder();
        int tables = new BundleReader(MAX_LINE_BYTES).read(UnpackedArchive.onDisk(tree), readAhead);

        Recorder oneAfterTheOther = new Recorder();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(tree)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(file -> EcotaxaTableReader.isTableName(file.getFileName().toString())).sorted().toList();
        }
        for (Path file : files) {
            String relative = tree.relativize(file).toString();
            oneAfterTheOther.beginTable(relative, EcotaxaTableReader.FIELDS);
            try (InputStream in = Files.newInputStream(file)) {
                new EcotaxaTableReader(MAX_LINE_BYTES).read(relative, in, path -> !path.isEmpty()
                        && tree.resolve(path).normalize().startsWith(tree)
                        && Files.isRegularFile(tree.resolve(path).normalize()), oneAfterTheOther);
            }
        }
        assertThat(tables).isEqualTo(files.size()).isGreaterThan(30);
        assertThat(readAhead.events).containsExactlyElementsOf(oneAfterTheOther.events);
        assertThat(readAhead.events).filteredOn(event -> event.startsWith("row SourceRow[file=zz_large/"))
                .hasSizeGreaterThan(1_000);
        assertThat(readAhead.events).anyMatch(event -> event.startsWith("problem"));
    }

    /** The valid table of {@code folder}, its data rows repeated past 2 MB, in a folder of its own. */
    private static void writeLargeTable(Path folder, Path target) throws IOException {
        Path source;
        try (Stream<Path> list = Files.walk(folder)) {
            source = list.filter(file -> EcotaxaTableReader.isTableName(file.getFileName().toString())).findFirst()
                    .orElseThrow();
        }
        List<String> lines = Files.readAllLines(source, java.nio.charset.StandardCharsets.ISO_8859_1);
        List<String> out = new ArrayList<>(lines.subList(0, 2)); // header and type row
        long bytes = 0;
        while (bytes < 2_300_000) {
            for (String row : lines.subList(2, lines.size())) {
                out.add(row);
                bytes += row.length() + 1;
            }
        }
        Files.createDirectories(target.getParent());
        Files.write(target, out, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }

    /** Everything the listener hears, as text. */
    private static final class Recorder implements TableListener {
        final List<String> events = new ArrayList<>();

        @Override
        public void beginTable(String file, SourceFields fields) {
            events.add("table " + file);
        }

        @Override
        public void row(SourceRow row) {
            events.add("row " + row);
        }

        @Override
        public void problem(RowProblem problem) {
            events.add("problem " + problem);
        }
    }
}
