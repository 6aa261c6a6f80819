package org.aqqua.metadata.ecotaxa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.aqqua.metadata.RowProblem;
import org.aqqua.metadata.SourceRow;
import org.junit.jupiter.api.Test;

/** Line ends, encodings, quoting and line length, on small tables written here. */
class EcotaxaLinesAndEncodingTest {

    private static final String HEADER = "object_id\timg_file_name\tobject_lat\tobject_annotation_category\t"
            + "object_annotation_status";
    private static final String TYPES = "[t]\t[t]\t[f]\t[t]\t[t]";

    @Test
    void lfCrLfAndCrOnlyLineEndsGiveTheSameRowsOnTheSameLines() throws IOException {
        String[] lines = {HEADER, TYPES, "a\ta.png\t1.5\tCopepoda\tvalidated", "b\tb.png\t-2\t\t"};
        for (String end : new String[] {"\n", "\r\n", "\r"}) {
            Collected read = Collected.fromText("ecotaxa_x.tsv", String.join(end, lines) + end);

            assertThat(read.problems).as("line end %s", end.replace("\r", "CR").replace("\n", "LF")).isEmpty();
            assertThat(read.rows).extracting(SourceRow::line, SourceRow::objectId, SourceRow::latitude)
                    .containsExactly(tuple(3, "a", 1.5), tuple(4, "b", -2.0));
        }
    }

    @Test
    void mixedLineEndsAndNoFinalLineEnd() throws IOException {
        Collected read = Collected.fromText("ecotaxa_x.tsv", HEADER + "\r" + TYPES + "\r\n"
                + "a\ta.png\t1\t\t\n" + "b\tb.png\t2\t\t");

        assertThat(read.rows).extracting(SourceRow::line, SourceRow::objectId).containsExactly(tuple(3, "a"),
                tuple(4, "b"));
    }

    @Test
    void withoutTypeRowTheFirstDataLineIsLineTwoAndObjectColumnsAreUntyped() throws IOException {
        Collected read = Collected.fromText("ecotaxa_x.tsv", """
                object_id\timg_file_name\tobject_area\tobject_note
                a\ta.png\t12.5\tround
                """);

        assertThat(read.problems).isEmpty();
        SourceRow row = read.row(2);
        assertThat(row.traits()).containsExactly(java.util.Map.entry("object_area", 12.5));
        assertThat(row.raw()).containsEntry("object_note", "round");
    }

    @Test
    void latin1WithoutByteOrderMarkIsReadAsLatin1AndUtf8AsUtf8() throws IOException {
        byte[] latin1 = (HEADER + "\n" + TYPES + "\nkäfer\tk.png\t43°0 0\tCopépode\tpredicted\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] utf8 = (HEADER + "\n" + TYPES + "\nkäfer\tk.png\t43°0 0\tCopépode\tpredicted\n")
                .getBytes(StandardCharsets.UTF_8);

        for (byte[] bytes : new byte[][] {latin1, utf8}) {
            Collected read = Collected.fromBytes("ecotaxa_x.tsv", bytes, 1000);
            assertThat(read.problems).isEmpty();
            assertThat(read.row(3).objectId()).isEqualTo("käfer");
            assertThat(read.row(3).latitude()).isEqualTo(43.0);
            assertThat(read.row(3).label()).isEqualTo("Copépode");
        }
    }

    @Test
    void byteOrderMarkDeclaresUtf8AndInvalidBytesAreAProblemOfTheirLine() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.write((HEADER + "\n" + TYPES + "\nok\tok.png\t1\tCopépode\tvalidated\n").getBytes(StandardCharsets.UTF_8));
        bytes.write("bad\tbad.png\t1\tCop".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE9); // é in latin-1: not UTF-8
        bytes.write("pode\tvalidated\nlast\tlast.png\t2\t\t\n".getBytes(StandardCharsets.UTF_8));

        Collected read = Collected.fromBytes("ecotaxa_bom.tsv", bytes.toByteArray(), 1000);

        assertThat(read.problems).extracting(RowProblem::line, RowProblem::field, RowProblem::reason)
                .containsExactly(tuple(4, null, "invalid UTF-8 byte 0xE9 at byte 18 of the line: the table starts "
                        + "with a UTF-8 byte-order mark, so it must be UTF-8 throughout"));
        assertThat(read.rows).extracting(SourceRow::line, SourceRow::objectId, SourceRow::label)
                .containsExactly(tuple(3, "ok", "Copépode"), tuple(5, "last", null));
        assertThat(read.summary).isEqualTo(new TableSummary(2, 1, true));
    }

    @Test
    void aLineLongerThanTheLimitIsAProblemAndEndsTheTable() throws IOException {
        String longLine = "x\tx.png\t1\t" + "a".repeat(5000) + "\tpredicted";
        Collected read = Collected.fromBytes("ecotaxa_long.tsv", (HEADER + "\n" + TYPES + "\nok\tok.png\t1\t\t\n"
                + longLine + "\nafter\tafter.png\t1\t\t\n").getBytes(StandardCharsets.UTF_8), 200);

        assertThat(read.problems).extracting(RowProblem::line, RowProblem::reason).containsExactly(
                tuple(4, "line is longer than 200 bytes; the rest of the table is not read"));
        assertThat(read.rows).extracting(SourceRow::objectId).containsExactly("ok");
        assertThat(read.summary).isEqualTo(new TableSummary(1, 1, false));
    }

    @Test
    void anEndlessLineIsNeverBuffered() throws IOException {
        InputStream endless = new InputStream() {
            private long served;

            @Override
            public int read() {
                served++;
                return served <= HEADER.length() ? HEADER.charAt((int) served - 1) : 'z';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                for (int i = 0; i < len; i++) {
                    b[off + i] = (byte) read();
                }
                return len;
            }
        };

        Collected read = Collected.read("ecotaxa_endless.tsv", endless, path -> true, 1 << 16);

        assertThat(read.problems).extracting(RowProblem::line, RowProblem::reason).containsExactly(
                tuple(1, "line is longer than 65536 bytes; the rest of the table is not read"));
        assertThat(read.summary.complete()).isFalse();
    }

    @Test
    void quotedCellsHoldTabsQuotesAndLineEndsAndCountAsOneRecord() throws IOException {
        Collected read = Collected.fromText("ecotaxa_q.tsv", HEADER + "\tobject_note\n" + TYPES + "\t[t]\n"
                + "a\ta.png\t1\t\"Cope\tpoda\"\tvalidated\t\"say \"\"hi\"\"\nsecond line\"\n"
                + "b\tb.png\t2\tmid\"quote\tpredicted\t\n");

        assertThat(read.problems).isEmpty();
        assertThat(read.row(3).raw()).containsEntry("object_annotation_category", "Cope\tpoda")
                .containsEntry("object_note", "say \"hi\"\nsecond line");
        // EcoTaxa numbers records, not physical lines: the next record is "line 4".
        assertThat(read.row(4).label()).isEqualTo("mid\"quote");
    }

    @Test
    void blankLinesAreSkippedButCounted() throws IOException {
        Collected read = Collected.fromText("ecotaxa_x.tsv", HEADER + "\n" + TYPES + "\n\na\ta.png\t1\t\t\n\n");

        assertThat(read.problems).isEmpty();
        assertThat(read.rows).extracting(SourceRow::line).containsExactly(4);
    }

    @Test
    void typeRowAloneIsATableWithoutData() throws IOException {
        Collected read = Collected.fromText("ecotaxa_x.tsv", HEADER + "\n" + TYPES + "\n");

        assertThat(read.problems).extracting(RowProblem::line, RowProblem::reason)
                .containsExactly(tuple(null, "No object to import: the table has a header but no data rows."));
    }

    @Test
    void byteOrderMarkAloneIsAnEmptyTable() throws IOException {
        Collected read = Collected.fromBytes("ecotaxa_x.tsv", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                100);

        assertThat(read.problems).extracting(RowProblem::reason)
                .containsExactly("No object to import: the table is empty, it has no header.");
    }
}
