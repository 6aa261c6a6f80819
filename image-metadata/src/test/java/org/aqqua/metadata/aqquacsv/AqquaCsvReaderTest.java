package org.aqqua.metadata.aqquacsv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aqqua.metadata.AqquaMinimum;
import org.aqqua.metadata.LabelStatus;
import org.aqqua.metadata.RowProblem;
import org.aqqua.metadata.RowSink;
import org.aqqua.metadata.SourceRow;
import org.junit.jupiter.api.Test;

class AqquaCsvReaderTest {

    private static final String HEADER = "file,latitude,longitude,depth,datetime,pixel_size_um,instrument\n";
    private static final String GOOD = "a.png,43.5,7.25,5,2023-05-01T10:15:30Z,10.6,Zooscan\n";

    /** What the reader sent, in order: rows and problems interleaved. */
    private static final class Collected implements RowSink {
        final List<Object> events = new ArrayList<>();
        final List<SourceRow> rows = new ArrayList<>();
        final List<RowProblem> problems = new ArrayList<>();
        int returned;

        @Override
        public void row(SourceRow row) {
            events.add(row);
            rows.add(row);
        }

        @Override
        public void problem(RowProblem problem) {
            events.add(problem);
            problems.add(problem);
        }
    }

    private static Collected read(String file, byte[] content, Predicate<String> imageExists, int maxRecordBytes)
            throws IOException {
        Collected sink = new Collected();
        sink.returned = new AqquaCsvReader(maxRecordBytes).read(file, new ByteArrayInputStream(content), imageExists,
                sink);
        return sink;
    }

    private static Collected read(String content) throws IOException {
        return read("up/t.csv", content.getBytes(StandardCharsets.UTF_8), p -> true, 10_000);
    }

    /** The example of AQQUA-CSV.md, so the documented example is known to be valid. */
    private static String documentedExample() throws IOException {
        String doc = Files.readString(Path.of("AQQUA-CSV.md"));
        Matcher m = Pattern.compile("```csv\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(m.find()).as("AQQUA-CSV.md has a ```csv example").isTrue();
        return m.group(1);
    }

    @Test
    void readsTheDocumentedExampleIntoNormalisedRows() throws IOException {
        Set<String> images = Set.of("cruise42/st01/img_0001.png", "cruise42/st01/img_0002.png",
                "cruise42/st02/img_0001.png");
        Collected sink = read("cruise42/images.csv", documentedExample().getBytes(StandardCharsets.UTF_8),
                images::contains, 10_000);

        assertThat(sink.problems).isEmpty();
        assertThat(sink.returned).isEqualTo(3);
        SourceRow first = sink.rows.get(0);
        assertThat(first.file()).isEqualTo("cruise42/images.csv");
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.objectId()).isEqualTo("st01_0001");
        assertThat(first.imagePath()).isEqualTo("cruise42/st01/img_0001.png");
        assertThat(first.latitude()).isEqualTo(43.6852);
        assertThat(first.longitude()).isEqualTo(7.3128);
        assertThat(first.depthMin()).isEqualTo(0.0);
        assertThat(first.depthMax()).isEqualTo(10.0);
        assertThat(first.altitude()).isNull();
        assertThat(first.observedAt()).isEqualTo(Instant.parse("2023-05-01T10:15:30Z"));
        assertThat(first.pixelSizeUm()).isEqualTo(10.6);
        assertThat(first.instrument()).isEqualTo("Zooscan");
        assertThat(first.label()).isEqualTo("Copepoda");
        assertThat(first.labelStatus()).isEqualTo(LabelStatus.VALIDATED);
        assertThat(first.sampleId()).isEqualTo("st01_net1");
        assertThat(first.traits()).containsExactly(Map.entry("area", 1520.0), Map.entry("major_axis", 58.2));
        assertThat(first.raw()).containsEntry("file", "st01/img_0001.png").containsEntry("station", "Point B")
                .containsEntry("trait_area", "1520").hasSize(15);
        assertThat(AqquaMinimum.check(first, AqquaCsvReader.FIELDS)).isEmpty();

        assertThat(sink.rows.get(1).labelStatus()).isEqualTo(LabelStatus.PREDICTED);
        assertThat(sink.rows.get(1).traits()).containsEntry("area", 2210.5);

        SourceRow third = sink.rows.get(2);
        assertThat(third.line()).isEqualTo(4);
        assertThat(third.objectId()).as("defaults to the image path").isEqualTo("cruise42/st02/img_0001.png");
        assertThat(third.observedAt()).isEqualTo(Instant.parse("2023-05-01T10:40:00Z"));
        assertThat(third.depthMin()).isEqualTo(5.0);
        assertThat(third.label()).isNull();
        assertThat(third.labelStatus()).isNull();
        assertThat(third.traits()).containsExactly(Map.entry("area", 830.0));
        assertThat(third.raw()).containsEntry("station", "Villefranche, rade").doesNotContainKey("label")
                .doesNotContainKey("object_id");
    }

    @Test
    void headerNamesIgnoreCaseAndSingleDepthGivesMinAndMax() throws IOException {
        Collected sink = read("FILE,Latitude,LONGITUDE,Depth,DateTime,Pixel_Size_UM,Instrument,Altitude\n"
                + "sub/x.png,-12.5,-70,30,2020-02-29T23:59:59.250+01:00,0.5,uvp6,\n");

        assertThat(sink.problems).isEmpty();
        SourceRow row = sink.rows.get(0);
        assertThat(row.imagePath()).isEqualTo("up/sub/x.png");
        assertThat(row.latitude()).isEqualTo(-12.5);
        assertThat(row.longitude()).isEqualTo(-70.0);
        assertThat(row.depthMin()).isEqualTo(30.0);
        assertThat(row.depthMax()).isEqualTo(30.0);
        assertThat(row.observedAt()).isEqualTo(Instant.parse("2020-02-29T22:59:59.250Z"));
        assertThat(row.pixelSizeUm()).isEqualTo(0.5);
        assertThat(row.instrument()).isEqualTo("uvp6");
        assertThat(row.raw()).containsEntry("FILE", "sub/x.png").doesNotContainKey("Altitude");
    }

    @Test
    void byteOrderMarkCrlfAndQuotedLineBreaksKeepLineNumbers() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String body = "file,note,latitude\r\n"
                + "a.png,\"two\r\nlines\",1\r\n"
                + "\r\n"
                + "b.png,\"say \"\"hi\"\"\",x\r\n";
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.write(bom);
        content.write(body.getBytes(StandardCharsets.UTF_8));
        Collected sink = read("t.csv", content.toByteArray(), p -> true, 10_000);

        assertThat(sink.rows).extracting(SourceRow::line, SourceRow::imagePath)
                .containsExactly(tuple(2, "a.png"), tuple(5, "b.png"));
        assertThat(sink.rows.get(0).raw()).containsEntry("note", "two\r\nlines");
        assertThat(sink.rows.get(1).raw()).containsEntry("note", "say \"hi\"");
        assertThat(sink.problems).containsExactly(
                new RowProblem("t.csv", 5, "latitude", "x", "not a number"));
    }

    @Test
    void reportsEachBadCellWithLineColumnAndValueAndStillPassesTheRow() throws IOException {
        Collected sink = read("file,Latitude,longitude,depth_min,depth_max,datetime,label,label_status,trait_area\n"
                + "a.png,43.5,7,deep,10,2023-05-01T10:15:30Z,Copepoda,validated,12\n"
                + "b.png,north,NaN,1,2,2023-05-01T10:15:30,Copepoda,checked,1e3\n"
                + "c.png,43.5,7,1,2,2023-05-01,,predicted,big\n"
                + "d.png,43.5,7,1,,01/05/2023 10:15,Copepoda,dubious,\n");

        assertThat(sink.problems).containsExactlyInAnyOrder(
                new RowProblem("up/t.csv", 2, "depth_min", "deep", "not a number"),
                new RowProblem("up/t.csv", 3, "Latitude", "north", "not a number"),
                new RowProblem("up/t.csv", 3, "longitude", "NaN", "not a number"),
                new RowProblem("up/t.csv", 3, "datetime", "2023-05-01T10:15:30", "ambiguous: a date and time "
                        + "without a time zone; add Z for UTC (2023-05-01T10:15:30Z) or the offset it was written in "
                        + "(2023-05-01T12:15:30+02:00)"),
                new RowProblem("up/t.csv", 3, "label_status", "checked",
                        "label status must be predicted, validated or dubious"),
                new RowProblem("up/t.csv", 4, "datetime", "2023-05-01", "a date without a time: write the date "
                        + "and time with its time zone, e.g. 2023-05-01T10:15:30Z"),
                new RowProblem("up/t.csv", 4, "label_status", "predicted", "a label status needs a label in the "
                        + "same row"),
                new RowProblem("up/t.csv", 4, "trait_area", "big", "not a number"),
                new RowProblem("up/t.csv", 5, "datetime", "01/05/2023 10:15", "not an ISO 8601 date and time "
                        + "with a time zone, e.g. 2023-05-01T10:15:30Z"));

        assertThat(sink.rows).hasSize(4);
        SourceRow first = sink.rows.get(0);
        assertThat(first.depthMin()).as("unreadable: null, not the maximum").isNull();
        assertThat(first.depthMax()).isEqualTo(10.0);
        assertThat(first.observedAt()).isEqualTo(Instant.parse("2023-05-01T10:15:30Z"));
        assertThat(first.traits()).containsExactly(Map.entry("area", 12.0));
        assertThat(first.raw()).containsEntry("depth_min", "deep");
        SourceRow second = sink.rows.get(1);
        assertThat(second.latitude()).isNull();
        assertThat(second.longitude()).isNull();
        assertThat(second.observedAt()).isNull();
        assertThat(second.labelStatus()).isNull();
        assertThat(second.label()).isEqualTo("Copepoda");
        assertThat(second.traits()).containsExactly(Map.entry("area", 1000.0));
        SourceRow third = sink.rows.get(2);
        assertThat(third.labelStatus()).isEqualTo(LabelStatus.PREDICTED);
        assertThat(third.traits()).isEmpty();
        SourceRow fourth = sink.rows.get(3);
        assertThat(fourth.depthMin()).isEqualTo(1.0);
        assertThat(fourth.depthMax()).as("only a minimum: a single depth").isEqualTo(1.0);
        assertThat(fourth.labelStatus()).isEqualTo(LabelStatus.DUBIOUS);
        assertThat(fourth.observedAt()).isNull();
    }

    @Test
    void aRowWithAnotherNumberOfCellsThanTheHeaderIsAProblem() throws IOException {
        Collected sink = read("file,latitude\na.png,1,extra\nb.png\n");

        assertThat(sink.problems).containsExactly(
                new RowProblem("up/t.csv", 2, null, "3", "this row has 3 cells but the header has 2 columns "
                        + "(is a comma inside a value not enclosed in double quotes?)"),
                new RowProblem("up/t.csv", 2, "column 3", "extra", "a value in a column without a name in the header"),
                new RowProblem("up/t.csv", 3, null, "1", "this row has 1 cell but the header has 2 columns "
                        + "(is a comma inside a value not enclosed in double quotes?)"));
        assertThat(sink.rows).extracting(SourceRow::imagePath, SourceRow::latitude)
                .containsExactly(tuple("up/a.png", 1.0), tuple("up/b.png", null));
    }

    @Test
    void problemsComeBeforeTheirRow() throws IOException {
        Collected sink = read(HEADER + GOOD + "b.png,north,7,5,2023-05-01T10:15:30Z,10.6,Zooscan\n");

        assertThat(sink.events).hasSize(3);
        assertThat(sink.events.get(0)).isInstanceOf(SourceRow.class);
        assertThat(sink.events.get(1)).isEqualTo(new RowProblem("up/t.csv", 3, "latitude", "north", "not a number"));
        assertThat(((SourceRow) sink.events.get(2)).line()).isEqualTo(3);
    }

    @Test
    void decimalCommaGetsAHint() throws IOException {
        Collected sink = read("file,latitude\na.png,\"43,5\"\n");

        assertThat(sink.problems).containsExactly(new RowProblem("up/t.csv", 2, "latitude", "43,5",
                "not a number: use a dot as the decimal separator"));
    }

    @Test
    void imagePathsAreResolvedAgainstTheTableFolderAndMustStayInside() throws IOException {
        Set<String> present = Set.of("up/a.png", "other/b.png", "up/sub/c.png");
        String content = "file,object_id\n"
                + "a.png,\n"
                + "../other/b.png,B\n"
                + "sub\\c.png,\n"
                + "../../etc/passwd,\n"
                + "/etc/passwd,\n"
                + "C:/images/x.png,\n"
                + "https://example.org/x.png,\n"
                + "gone.png,\n"
                + ",X\n";
        Collected sink = read("up/t.csv", content.getBytes(StandardCharsets.UTF_8), present::contains, 10_000);

        String outside = "the image path must be relative to the table's folder and stay inside the upload "
                + "(no absolute path, URL or '..' leading out of it)";
        assertThat(sink.problems).containsExactly(
                new RowProblem("up/t.csv", 5, "file", "../../etc/passwd", outside),
                new RowProblem("up/t.csv", 6, "file", "/etc/passwd", outside),
                new RowProblem("up/t.csv", 7, "file", "C:/images/x.png", outside),
                new RowProblem("up/t.csv", 8, "file", "https://example.org/x.png", outside),
                new RowProblem("up/t.csv", 9, "file", "gone.png", "Missing image: up/gone.png is not in the upload"),
                new RowProblem("up/t.csv", 10, "file", null, "the image file is required"));
        assertThat(sink.rows).extracting(SourceRow::imagePath, SourceRow::objectId).containsExactly(
                tuple("up/a.png", "up/a.png"),
                tuple("other/b.png", "B"),
                tuple("up/sub/c.png", "up/sub/c.png"),
                tuple(null, "../../etc/passwd"),
                tuple(null, "/etc/passwd"),
                tuple(null, "C:/images/x.png"),
                tuple(null, "https://example.org/x.png"),
                tuple("up/gone.png", "up/gone.png"),
                tuple(null, "X"));
    }

    @Test
    void invalidUtf8IsAProblemOnItsLineAndColumn() throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.write("file,label\na.png,Copepoda\nb.png,Cop".getBytes(StandardCharsets.UTF_8));
        content.write(new byte[] {(byte) 0xE9, (byte) 0xFF});
        content.write("poda\n".getBytes(StandardCharsets.UTF_8));
        Collected sink = read("t.csv", content.toByteArray(), p -> true, 10_000);

        assertThat(sink.problems).hasSize(1);
        RowProblem problem = sink.problems.get(0);
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.field()).isEqualTo("label");
        assertThat(problem.value()).isEqualTo("Cop\uFFFD\uFFFDpoda");
        assertThat(problem.reason()).startsWith("not valid UTF-8");
        assertThat(sink.rows).hasSize(2);
    }

    @Test
    void aRecordLongerThanTheLimitIsAProblemAndStopsReading() throws IOException {
        StringBuilder content = new StringBuilder("file,note\n");
        for (int i = 0; i < 1000; i++) {
            content.append("img").append(i).append(".png,short\n"); // lines 2..1001, read ahead past the limit
        }
        content.append("long.png,").append("x".repeat(200)).append('\n'); // line 1002
        content.append("after.png,never read\n");
        Collected sink = read("t.csv", content.toString().getBytes(StandardCharsets.UTF_8), p -> true, 100);

        assertThat(sink.returned).isEqualTo(1000);
        assertThat(sink.rows.get(999).imagePath()).isEqualTo("img999.png");
        assertThat(sink.problems).containsExactly(new RowProblem("t.csv", 1002, null, null, "the record starting "
                + "on this line is longer than 100 bytes, so reading stopped (is a quote left open?)"));
    }

    @Test
    void anUnclosedQuoteStopsAtTheLimitNamingWhereItOpened() throws IOException {
        String content = "file,note\na.png,fine\nb.png,\"never closed\n" + "c.png,x\n".repeat(50);
        Collected sink = read("t.csv", content.getBytes(StandardCharsets.UTF_8), p -> true, 200);

        assertThat(sink.rows).extracting(SourceRow::line).containsExactly(2);
        assertThat(sink.problems).extracting(RowProblem::line).containsExactly(3);
        assertThat(sink.problems.get(0).reason()).contains("longer than 200 bytes");
    }

    @Test
    void brokenQuotingStopsWithTheLine() throws IOException {
        Collected sink = read(HEADER + GOOD + "\"b.png\"x,1,2,3,4,5,6\n" + GOOD);

        assertThat(sink.rows).hasSize(1);
        assertThat(sink.problems).hasSize(1);
        assertThat(sink.problems.get(0).line()).isEqualTo(3);
        assertThat(sink.problems.get(0).reason()).startsWith("the CSV quoting is broken here, so reading stopped");
    }

    @Test
    void headerProblemsStopBeforeAnyRow() throws IOException {
        assertThat(read("image,latitude\na.png,1\n").problems).containsExactly(new RowProblem("up/t.csv", 1, "file",
                null, "the header has no 'file' column; an AqQua CSV table names each row's image in a column "
                        + "called file"));
        Collected twice = read("file,Latitude,latitude\na.png,1,2\n");
        assertThat(twice.rows).isEmpty();
        assertThat(twice.problems).extracting(RowProblem::line, RowProblem::field)
                .containsExactly(tuple(1, "latitude"));
        Collected depths = read("file,depth,depth_min\na.png,1,2\n");
        assertThat(depths.rows).isEmpty();
        assertThat(depths.problems).containsExactly(new RowProblem("up/t.csv", 1, "depth", null,
                "give either a single 'depth' column or 'depth_min' and 'depth_max', not both"));
        assertThat(read("file,trait_\na.png,1\n").problems).extracting(RowProblem::field).containsExactly("trait_");
        Collected empty = read("");
        assertThat(empty.returned).isZero();
        assertThat(empty.problems).containsExactly(RowProblem.ofFile("up/t.csv", "the file is empty: an AqQua CSV "
                + "table needs a header row naming its columns (at least 'file')"));
    }

    @Test
    void aHeaderOnlyTableHasNoRowsAndNoProblem() throws IOException {
        Collected sink = read(HEADER);

        assertThat(sink.returned).isZero();
        assertThat(sink.events).isEmpty();
    }

    @Test
    void aTrailingCommaInHeaderAndRowsIsHarmless() throws IOException {
        Collected sink = read("file,latitude,\na.png,1,\n");

        assertThat(sink.problems).isEmpty();
        assertThat(sink.rows.get(0).raw()).containsExactly(Map.entry("file", "a.png"), Map.entry("latitude", "1"));
    }

    @Test
    void tableNamesAreCsvFilesOtherThanTheIfcbPlacementTable() {
        assertThat(AqquaCsvReader.isTableName("images.csv")).isTrue();
        assertThat(AqquaCsvReader.isTableName("a/b/IMAGES.CSV")).isTrue();
        assertThat(AqquaCsvReader.isTableName("ecotaxa_a.tsv")).isFalse();
        assertThat(AqquaCsvReader.isTableName("images.csv.bak")).isFalse();
        assertThat(AqquaCsvReader.isTableName("bins/ifcb_bins.csv")).isFalse();
    }
}
