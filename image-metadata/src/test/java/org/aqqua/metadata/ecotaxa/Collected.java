package org.aqqua.metadata.ecotaxa;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.aqqua.metadata.RowProblem;
import org.aqqua.metadata.RowSink;
import org.aqqua.metadata.SourceRow;

/** A sink that keeps what a table gave, in order, and ways to read fixtures and inline tables into it. */
final class Collected implements RowSink {

    static final Path ECOTAXA_DATA = Path.of("../fixtures/external/ecotaxa_back/QA/py/data");
    static final Path IRFCB_DATA = Path.of("../fixtures/external/irfcb/inst/exdata");

    final List<SourceRow> rows = new ArrayList<>();
    final List<RowProblem> problems = new ArrayList<>();
    /** Rows and problems as they arrived. */
    final List<Object> events = new ArrayList<>();
    TableSummary summary;

    @Override
    public void row(SourceRow row) {
        rows.add(row);
        events.add(row);
    }

    @Override
    public void problem(RowProblem problem) {
        problems.add(problem);
        events.add(problem);
    }

    /** A table of an upstream set: {@code set} is the archive's root, {@code table} the path inside it. */
    static Collected fromSet(String set, String table) throws IOException {
        Path root = ECOTAXA_DATA.resolve(set);
        return fromDisk(root, table, path -> Files.isRegularFile(root.resolve(path)));
    }

    static Collected fromDisk(Path root, String table, Predicate<String> imageExists) throws IOException {
        try (InputStream in = Files.newInputStream(root.resolve(table))) {
            return read(table, in, imageExists, 1 << 20);
        }
    }

    static Collected fromText(String table, String text) throws IOException {
        return fromBytes(table, text.getBytes(StandardCharsets.UTF_8), 1 << 20);
    }

    static Collected fromBytes(String table, byte[] bytes, int maxLineBytes) throws IOException {
        return read(table, new ByteArrayInputStream(bytes), path -> true, maxLineBytes);
    }

    static Collected read(String table, InputStream in, Predicate<String> imageExists, int maxLineBytes)
            throws IOException {
        Collected collected = new Collected();
        collected.summary = new EcotaxaTableReader(maxLineBytes).read(table, in, imageExists, collected);
        return collected;
    }

    SourceRow row(int line) {
        return rows.stream().filter(r -> r.line() == line).findFirst()
                .orElseThrow(() -> new AssertionError("no row at line " + line + " in " + rows));
    }
}
