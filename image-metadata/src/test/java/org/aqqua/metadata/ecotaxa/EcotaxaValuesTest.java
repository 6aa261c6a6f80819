package org.aqqua.metadata.ecotaxa;

import org.aqqua.metadata.ArchivePaths;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.aqqua.metadata.LabelStatus;
import org.aqqua.metadata.RowProblem;
import org.aqqua.metadata.SourceRow;
import org.junit.jupiter.api.Test;

/** EcoTaxa's value forms, one rule at a time. */
class EcotaxaValuesTest {

    @Test
    void datesAreYyyymmddOrDashedAndRealDays() {
        assertThat(EcotaxaDateTime.date("20140420")).isEqualTo(LocalDate.of(2014, 4, 20));
        assertThat(EcotaxaDateTime.date("2014-04-20")).isEqualTo(LocalDate.of(2014, 4, 20));
        assertThat(EcotaxaDateTime.date("20160229")).isEqualTo(LocalDate.of(2016, 2, 29));
        assertThat(List.of("20140433", "2015-11-31", "20150229", "00000101", "2014-4-20", "140420", "2014/04/20",
                "20140420x")).allSatisfy(bad -> assertThat(EcotaxaDateTime.date(bad)).as(bad).isNull());
    }

    @Test
    void timesArePaddedAsEcoTaxaPadsThem() {
        assertThat(EcotaxaDateTime.time("420")).isEqualTo(LocalTime.of(4, 20)); // 0420 then 042000
        assertThat(EcotaxaDateTime.time("5")).isEqualTo(LocalTime.of(0, 5));
        assertThat(EcotaxaDateTime.time("0420")).isEqualTo(LocalTime.of(4, 20));
        assertThat(EcotaxaDateTime.time("12345")).isEqualTo(LocalTime.of(12, 34, 50));
        assertThat(EcotaxaDateTime.time("153100")).isEqualTo(LocalTime.of(15, 31));
        assertThat(EcotaxaDateTime.time("04:20:00")).isEqualTo(LocalTime.of(4, 20));
        assertThat(EcotaxaDateTime.time("020139.315")).isEqualTo(LocalTime.of(2, 1, 39, 315_000_000));
        assertThat(EcotaxaDateTime.time("23:59:59.5")).isEqualTo(LocalTime.of(23, 59, 59, 500_000_000));
        assertThat(List.of("9920", "90239", "5:31", "15:31", "240000", "126000", "1234.5", "1234567", "4h20", "-420"))
                .allSatisfy(bad -> assertThat(EcotaxaDateTime.time(bad)).as(bad).isNull());
    }

    @Test
    void positionsAreDecimalOrDegreesMinutesSeconds() {
        assertThat(Coordinates.parse("43°0 0", 90)).isEqualTo(43.0);
        assertThat(Coordinates.parse("43°30 36", 90)).isEqualTo(43.51);
        assertThat(Coordinates.parse("-0°30 0", 90)).isEqualTo(-0.5);
        assertThat(Coordinates.parse("-12°15 0", 180)).isEqualTo(-12.25);
        assertThat(Coordinates.parse("-24.4166666666667", 180)).isEqualTo(-24.4166666666667);
        assertThat(Coordinates.parse("90", 90)).isEqualTo(90.0);
        assertThat(List.of("100", "-90.5", "inf", "43°30.5", "N43", "")).allSatisfy(
                bad -> assertThat(Coordinates.parse(bad, 90)).as(bad).isNull());
        assertThat(Coordinates.parse("200", 180)).isNull();
        assertThat(Coordinates.parse("179.9", 180)).isEqualTo(179.9);
    }

    @Test
    void numbersAreWhatPythonsFloatReads() {
        assertThat(EcotaxaNumbers.parse("1.5e3")).isEqualTo(1500.0);
        assertThat(EcotaxaNumbers.parse("-.5")).isEqualTo(-0.5);
        assertThat(EcotaxaNumbers.parse("5.")).isEqualTo(5.0);
        assertThat(EcotaxaNumbers.parse("1_000")).isEqualTo(1000.0);
        assertThat(EcotaxaNumbers.parse("+Inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(EcotaxaNumbers.parse("NaN")).isNaN();
        assertThat(EcotaxaNumbers.parse("-24.4166666666667")).isEqualTo(-24.4166666666667);
        assertThat(EcotaxaNumbers.parse("+7")).isEqualTo(7.0);
        assertThat(EcotaxaNumbers.parse("-0")).isEqualTo(-0.0);
        assertThat(EcotaxaNumbers.parse("0010.50")).isEqualTo(10.5);
        assertThat(List.of("a", "-inf", "-Infinity", "1d", "0x10", "1e", ".", "1,5", "1__0", "_1", "Infinityy",
                "-", "+", "-.", "1.2.3", "1.-2", "--1", "\u0661\u0662", "1 ", "1.5f"))
                .allSatisfy(bad -> assertThat(EcotaxaNumbers.parse(bad)).as(bad).isNull());
    }

    @Test
    void imagePathsStayInsideTheArchive() {
        assertThat(ArchivePaths.resolveNextTo("s1/ecotaxa_s1.tsv", "a.png")).isEqualTo("s1/a.png");
        assertThat(ArchivePaths.resolveNextTo("ecotaxa_b.tsv", "sub1/x.png")).isEqualTo("sub1/x.png");
        assertThat(ArchivePaths.resolveNextTo("s1/ecotaxa_s1.tsv", "../s2/./b.png")).isEqualTo("s2/b.png");
        assertThat(ArchivePaths.resolveNextTo("a/b/ecotaxa.tsv", "c//d.png")).isEqualTo("a/b/c/d.png");
        assertThat(ArchivePaths.resolveNextTo("s1/ecotaxa_s1.tsv", "../../etc/passwd")).isNull();
        assertThat(ArchivePaths.resolveNextTo("ecotaxa.tsv", "/etc/passwd")).isNull();
        assertThat(ArchivePaths.resolveNextTo("ecotaxa.tsv", "C:\\images\\a.png")).isNull();
        assertThat(ArchivePaths.resolveNextTo("ecotaxa.tsv", "\\\\server\\a.png")).isNull();
    }

    @Test
    void tableNamesFollowEcoTaxasRule() {
        assertThat(EcotaxaTableReader.isTableName("ecotaxa_m106.tsv")).isTrue();
        assertThat(EcotaxaTableReader.isTableName("sub/dir/EcoTaxa_export.TXT")).isTrue();
        assertThat(EcotaxaTableReader.isTableName("ecotaxa.tsv")).isTrue();
        assertThat(EcotaxaTableReader.isTableName("m106/.~lock.ecotaxa_m106.tsv#")).isFalse();
        assertThat(EcotaxaTableReader.isTableName("data_ecotaxa.tsv")).isFalse();
        assertThat(EcotaxaTableReader.isTableName("ecotaxa/table.tsv")).isFalse();
        assertThat(EcotaxaTableReader.isTableName("ecotaxa_m106.csv")).isFalse();
    }

    @Test
    void fieldsNameEcoTaxasColumns() {
        assertThat(EcotaxaTableReader.FIELDS.image()).isEqualTo("img_file_name");
        assertThat(EcotaxaTableReader.FIELDS.latitude()).isEqualTo("object_lat");
        assertThat(EcotaxaTableReader.FIELDS.longitude()).isEqualTo("object_lon");
        assertThat(EcotaxaTableReader.FIELDS.depth()).isEqualTo("object_depth_min");
        assertThat(EcotaxaTableReader.FIELDS.altitude()).isEqualTo("object_altitude");
        assertThat(EcotaxaTableReader.FIELDS.observedAt()).isEqualTo("object_date");
        assertThat(EcotaxaTableReader.FIELDS.pixelSize()).isEqualTo("process_pixel");
        assertThat(EcotaxaTableReader.FIELDS.instrument()).isEqualTo("acq_instrument");
    }

    @Test
    void statusesAreEcoTaxasWordsInAnyCase() throws IOException {
        Collected read = Collected.fromText("ecotaxa_s.tsv", """
                object_id\timg_file_name\tobject_annotation_category\tobject_annotation_status
                [t]\t[t]\t[t]\t[t]
                a\ta.png\tCopepoda\tValidated
                b\tb.png\tCopepoda\tDUBIOUS
                c\tc.png\tCopepoda\tpredicted
                d\td.png\tCopepoda\tdiscarded
                e\te.png\tCopepoda\tnoid
                f\tf.png\tCopepoda\tV
                g\tg.png\t\t
                """);

        assertThat(read.problems).extracting(RowProblem::line, RowProblem::field, RowProblem::value)
                .containsExactly(tuple(8, "object_annotation_status", "V"));
        assertThat(read.rows).extracting(SourceRow::objectId, SourceRow::label, SourceRow::labelStatus)
                .containsExactly(tuple("a", "Copepoda", LabelStatus.VALIDATED),
                        tuple("b", "Copepoda", LabelStatus.DUBIOUS), tuple("c", "Copepoda", LabelStatus.PREDICTED),
                        tuple("d", null, null), // discarded: "is not Copepoda", kept in raw only
                        tuple("e", "Copepoda", null), tuple("f", "Copepoda", null), tuple("g", null, null));
        assertThat(read.row(6).raw()).containsEntry("object_annotation_status", "discarded");
    }

    @Test
    void headerNeedsTableFieldNamesKnownTablesAndTypedObjectColumns() throws IOException {
        Collected read = Collected.fromText("ecotaxa_h.tsv", """
                object_id\tImg_File_Name \timg_extra\tobject_size\tobject_kind\tobject_code\tobject_id\tprocess_pixel\t
                [t]\t[t]\t[t]\t[f]\t[t]\t[n]\t[t]\t[f]\t
                a\ta.png\tx\t3\tround\t7\ta2\t10.6\t
                """);

        assertThat(read.problems).extracting(RowProblem::line, RowProblem::field, RowProblem::value,
                RowProblem::reason).containsExactly(
                tuple(1, "img_extra", "img_extra", "Invalid Header 'img_extra'. Unknown table prefix 'img'."),
                tuple(2, "object_code", "[n]", "Invalid Type '[n]' for field 'object_code'."),
                tuple(1, "object_id", "object_id", "Duplicate column 'object_id': only its first occurrence is read."),
                tuple(1, "", "", "Invalid Header ''. Format must be Table_Field."),
                tuple(1, "process_id", null,
                        "Field process_id is mandatory as there are some process columns: ['process_pixel']."));
        SourceRow row = read.row(3);
        assertThat(row.objectId()).isEqualTo("a");
        assertThat(row.imagePath()).isEqualTo("a.png");
        assertThat(row.pixelSizeUm()).isEqualTo(10.6);
        assertThat(row.traits()).containsExactly(java.util.Map.entry("object_size", 3.0));
        assertThat(row.raw()).containsEntry("object_kind", "round").containsEntry("object_code", "7")
                .containsEntry("img_extra", "x").containsEntry("object_id", "a");
    }

    @Test
    void numericCellsAcceptNanAndMissingColumnsAreEmpty() throws IOException {
        Collected read = Collected.fromText("ecotaxa_n.tsv", """
                object_id\timg_file_name\tobject_lat\tobject_lon\tobject_depth_min\tobject_depth_max\tobject_area\tobject_altitude\tacq_id\tacq_pixel
                [t]\t[t]\t[f]\t[f]\t[f]\t[f]\t[f]\t[f]\t[t]\t[f]
                a\ta.png\tNaN\tna\tnan\t12\t1e2\t372.5\tacq\t73
                b\tb.png\t1
                c\tc.png\t\t\t\t\tbig\t\tacq\tseventy
                """);

        assertThat(read.problems).extracting(RowProblem::line, RowProblem::field, RowProblem::value)
                .containsExactly(tuple(5, "object_area", "big"), tuple(5, "acq_pixel", "seventy"));
        SourceRow a = read.row(3);
        assertThat(a.latitude()).isNull();
        assertThat(a.longitude()).isNull();
        assertThat(a.depthMin()).isNull();
        assertThat(a.depthMax()).isEqualTo(12.0);
        assertThat(a.altitude()).isEqualTo(372.5);
        assertThat(a.pixelSizeUm()).isEqualTo(73.0);
        assertThat(a.traits()).containsExactly(java.util.Map.entry("object_area", 100.0));
        assertThat(read.row(4).latitude()).isEqualTo(1.0);
        assertThat(read.row(4).raw()).containsOnlyKeys("object_id", "img_file_name", "object_lat");
    }

    @Test
    void imagesOutsideTheArchiveOrMissingAreProblems() throws IOException {
        Collected read = Collected.read("s1/ecotaxa_s1.tsv", new java.io.ByteArrayInputStream("""
                object_id\timg_file_name
                a\t../../x.png
                b\t
                c\tthere.png
                d\tnot-there.png
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "s1/there.png"::equals, 1000);

        assertThat(read.problems).extracting(RowProblem::line, RowProblem::field, RowProblem::value,
                RowProblem::reason).containsExactly(
                tuple(2, "img_file_name", "../../x.png", "Image path '../../x.png' leads outside the archive."),
                tuple(3, "img_file_name", null, "Missing img_file_name."),
                tuple(5, "img_file_name", "not-there.png", "Missing Image 'not-there.png'."));
        assertThat(read.rows).extracting(SourceRow::imagePath).containsExactly(null, null, "s1/there.png",
                "s1/not-there.png");
    }

    @Test
    void tableWithoutImageColumnSaysSoOnce() throws IOException {
        Collected read = Collected.fromText("ecotaxa_n.tsv", "object_id\nx\ny\n");

        assertThat(read.problems).extracting(RowProblem::line, RowProblem::field, RowProblem::reason)
                .containsExactly(tuple(1, "img_file_name", "Missing column img_file_name: each row must name its image."));
        assertThat(read.rows).extracting(SourceRow::objectId).containsExactly("x", "y");
    }
}
