package org.aqqua.metadata.ecotaxa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.time.Instant;
import org.aqqua.metadata.LabelStatus;
import org.aqqua.metadata.RowProblem;
import org.aqqua.metadata.SourceRow;
import org.junit.jupiter.api.Test;

/**
 * EcoTaxa's broken import sets give the problems EcoTaxa's own tests expect (QA/py/tests/test_import.py), on the
 * same lines, naming the field and the value.
 */
class EcotaxaBrokenFixturesTest {

    private static final String ISSUES = "import_issues/";

    @Test
    void tsvIssuesGivesEveryUpstreamMessageOnItsLine() throws IOException {
        Collected read = Collected.fromSet(ISSUES + "tsv_issues", "ecotaxa_m106_mn01_n3_sml.tsv");

        assertThat(read.problems).extracting(RowProblem::line, RowProblem::field, RowProblem::value,
                RowProblem::reason).containsExactly(
                tuple(1, "nounderscorecol", "NoUnderscoreCol",
                        "Invalid Header 'nounderscorecol'. Format must be Table_Field."),
                tuple(1, "unknown_target", "unknown_target",
                        "Invalid Header 'unknown_target'. Unknown table prefix 'unknown'."),
                tuple(2, "object_wrongtype", "[H]", "Invalid Type '[H]' for field 'object_wrongtype'."),
                tuple(3, "object_buggy_float", "a", "Invalid float value 'a' for field 'object_buggy_float'."),
                tuple(3, "object_lat", "100",
                        "Invalid Lat. value '100' for field 'object_lat'. Correct range is -90/+90°."),
                tuple(3, "object_lon", "200",
                        "Invalid Long. value '200' for field 'object_lon'. Correct range is -180/+180°."),
                tuple(3, "object_date", "20140433", "Invalid Date value '20140433' for field 'object_date'."),
                tuple(3, "object_time", "9920", "Invalid Time value '9920' for field 'object_time'."),
                tuple(3, "object_annotation_status", "predit",
                        "Invalid Annotation Status 'predit' for field 'object_annotation_status'."),
                tuple(5, "object_annotation_date", "2015-11-31",
                        "Invalid Date value '2015-11-31' for field 'object_annotation_date'."),
                tuple(5, "object_annotation_time", "5:31",
                        "Invalid Time value '5:31' for field 'object_annotation_time'."),
                tuple(6, "img_file_name", "m106_mn01_n3_sml_1081.jpg2", "Missing Image 'm106_mn01_n3_sml_1081.jpg2'."),
                // Upstream's line 7 (the corrupted image cannot be decoded) is the ingest's check, not the table's.
                tuple(8, "object_id", null, "Missing object_id."),
                tuple(8, "img_file_name", "nada.png", "Missing Image 'nada.png'."));
        assertThat(read.problems).allSatisfy(p -> assertThat(p.file()).isEqualTo("ecotaxa_m106_mn01_n3_sml.tsv"));

        // Rows with problems still go on, their problems first, bad values left out.
        assertThat(read.rows).extracting(SourceRow::line).containsExactly(3, 4, 5, 6, 7, 8);
        SourceRow line3 = read.row(3);
        assertThat(read.events.indexOf(line3)).isEqualTo(read.events.indexOf(read.problems.get(8)) + 1);
        assertThat(line3.latitude()).isNull();
        assertThat(line3.longitude()).isNull();
        assertThat(line3.observedAt()).isNull();
        assertThat(line3.labelStatus()).isNull();
        assertThat(line3.label()).isEqualTo("detritus");
        assertThat(line3.traits()).doesNotContainKeys("object_buggy_float", "object_wrongtype");
        assertThat(line3.raw()).containsEntry("object_buggy_float", "a").containsEntry("object_lat", "100");
        SourceRow line8 = read.row(8);
        assertThat(line8.objectId()).isNull();
        assertThat(line8.imagePath()).isEqualTo("nada.png");
        assertThat(read.row(4).observedAt()).isEqualTo(Instant.parse("2014-04-20T04:20:00Z"));
        assertThat(read.summary).isEqualTo(new TableSummary(6, 14, true));
    }

    @Test
    void duplicateObjectAndImageIsNamedWithItsFirstLine() throws IOException {
        Collected read = Collected.fromSet(ISSUES + "duplicate_in_tsv", "m106_mn01_n3_sml/ecotaxa_m106_mn01_n3_sml_pls.tsv");

        assertThat(read.problems).extracting(RowProblem::file, RowProblem::line, RowProblem::field,
                RowProblem::value, RowProblem::reason).containsExactly(tuple(
                "m106_mn01_n3_sml/ecotaxa_m106_mn01_n3_sml_pls.tsv", 4, "object_id", "m106_mn01_n3_sml_1120",
                "(Object 'm106_mn01_n3_sml_1120', Image 'm106_mn01_n3_sml_1111.jpg') is already in this TSV line 3."));
        assertThat(read.rows).hasSize(2);
    }

    @Test
    void predictedNeedsACategory() throws IOException {
        Collected read = Collected.fromSet(ISSUES + "predicted_but_what",
                "m106_mn01_n3_sml/ecotaxa_m106_mn01_n3_sml_pls.tsv");

        assertThat(read.problems).extracting(RowProblem::line, RowProblem::field, RowProblem::value,
                RowProblem::reason).containsExactly(tuple(3, "object_annotation_category", null,
                "When annotation status 'predicted' is provided there has to be a category."));
        assertThat(read.row(3).labelStatus()).isEqualTo(LabelStatus.PREDICTED);
        assertThat(read.row(3).label()).isNull();
    }

    @Test
    void aCategoryNeedsAStatus() throws IOException {
        Collected read = Collected.fromSet(ISSUES + "classif_without_state",
                "m106_mn01_n3_sml/ecotaxa_m106_mn01_n3_sml_pls.tsv");

        assertThat(read.problems).extracting(RowProblem::line, RowProblem::field, RowProblem::value,
                RowProblem::reason).containsExactly(tuple(3, "object_annotation_status", null,
                "When a category (84963) is provided it has to be with a status."));
        assertThat(read.row(3).raw()).containsEntry("object_annotation_category_id", "84963");
    }

    @Test
    void valuesBeyondTheHeaderAreRefusedWithTheirRow() throws IOException {
        Collected read = Collected.fromSet(ISSUES + "extra_data_without_header", "ecotaxa_m106_mn04_n1_sml.tsv");

        assertThat(read.problems).extracting(RowProblem::line, RowProblem::field, RowProblem::value,
                RowProblem::reason).containsExactly(
                tuple(3, null, null, "Value(s) ['Extra', 'Extra2'] must not be in a header-less column."));
        assertThat(read.rows).isEmpty();
    }

    @Test
    void headerWithoutDataIsExactlyOneProblem() throws IOException {
        Collected read = Collected.fromSet(ISSUES + "empty_tsv", "ecotaxa_m106_mn01_n365_sml.tsv");

        assertThat(read.problems).extracting(RowProblem::line, RowProblem::field, RowProblem::reason)
                .containsExactly(tuple(null, null, "No object to import: the table has a header but no data rows."));
        assertThat(read.summary).isEqualTo(new TableSummary(0, 1, true));
    }

    @Test
    void emptyFileIsExactlyOneProblem() throws IOException {
        Collected read = Collected.fromSet(ISSUES + "empty_tsv2", "ecotaxa_m106_mn01_n365_sml.tsv");

        assertThat(read.problems).extracting(RowProblem::file, RowProblem::line, RowProblem::reason)
                .containsExactly(tuple("ecotaxa_m106_mn01_n365_sml.tsv", null,
                        "No object to import: the table is empty, it has no header."));
        assertThat(read.rows).isEmpty();
    }

    @Test
    void freeColumnsBeyondEachTablesRoomCannotBeMapped() throws IOException {
        Collected read = Collected.fromSet(ISSUES + "tsv_too_many_cols", "ecotaxa_m106_mn01_n3_sml.tsv");

        String reason = "Field %s cannot be mapped. Too many custom fields, or bad type.";
        assertThat(read.problems).extracting(RowProblem::line, RowProblem::field, RowProblem::reason)
                .containsExactly(
                        tuple(1, "sample_cus59", reason.formatted("sample_cus59")),
                        tuple(1, "sample_cus60", reason.formatted("sample_cus60")),
                        tuple(1, "sample_cus61", reason.formatted("sample_cus61")),
                        tuple(1, "process_cus29", reason.formatted("process_cus29")),
                        tuple(1, "process_cus30", reason.formatted("process_cus30")),
                        tuple(1, "process_cus31", reason.formatted("process_cus31")),
                        tuple(1, "acq_cus29", reason.formatted("acq_cus29")),
                        tuple(1, "acq_cus30", reason.formatted("acq_cus30")),
                        tuple(1, "acq_cus31", reason.formatted("acq_cus31")));
        assertThat(read.rows).hasSize(1);
    }

    @Test
    void sparseTableMissesItsAcquisitionAndSampleIds() throws IOException {
        Collected read = Collected.fromSet("import_sparse", "ecotaxa_20160719B-163000ish-HealyVPR08-2016_d200_h18_roi.tsv");

        assertThat(read.problems).extracting(RowProblem::line, RowProblem::field, RowProblem::reason)
                .containsExactly(
                        tuple(1, "acq_id", "Field acq_id is mandatory as there are some acq columns: "
                                + "['acq_hardware', 'acq_imgtype', 'acq_instrument']."),
                        tuple(1, "sample_id", "Field sample_id is mandatory as there are some sample columns: "
                                + "['sample_program', 'sample_ship', 'sample_stationid']."));
        assertThat(read.rows).hasSize(6);
    }

    /** Cross-import and taxonomy rules need EcoTaxa's project and taxonomy server: these sets read clean here. */
    @Test
    void rulesNeedingEcoTaxaItselfAreNotChecked() throws IOException {
        Collected unknownTaxon = Collected.fromSet(ISSUES + "no_classif_id", "ecotaxa_m106_mn01_n3_sml.tsv");
        Collected otherSample = Collected.fromSet(ISSUES + "breaking_hierarchy",
                "m106_mn01_n1_sml/ecotaxa_breaking_hier.tsv");

        assertThat(unknownTaxon.problems).isEmpty();
        assertThat(unknownTaxon.row(3).raw()).containsEntry("object_annotation_category_id", "99999999");
        assertThat(otherSample.problems).isEmpty();
        assertThat(otherSample.row(3).sampleId()).isEqualTo("m106_mn01_n1_sml_brk");
    }

    @Test
    void anAcquisitionUnderTwoSamplesOfOneTableIsAProblem() throws IOException {
        Collected read = Collected.fromText("ecotaxa_h.tsv", """
                object_id\timg_file_name\tsample_id\tacq_id
                a\ta.png\ts1\tgeneric_m106
                b\tb.png\ts1\tgeneric_m106
                c\tc.png\ts2\tgeneric_m106
                d\td.png\ts2\tgeneric_m106
                """);

        assertThat(read.problems).extracting(RowProblem::line, RowProblem::field, RowProblem::value,
                RowProblem::reason).containsExactly(tuple(4, "acq_id", "generic_m106", "Acquisition 'generic_m106' "
                + "is already associated with sample 's1', it cannot be associated as well with 's2'."));
        assertThat(read.rows).hasSize(4);
    }

    @Test
    void irfcbMinimumTableHasNoProblem() throws IOException {
        Collected read = Collected.fromDisk(Collected.IRFCB_DATA, "ecotaxa_table_minimum.tsv", path -> true);

        assertThat(read.problems).isEmpty();
        assertThat(read.rows).extracting(SourceRow::objectId, SourceRow::imagePath).containsExactly(
                tuple("cce_p1106_cycle2_06_1", "cce_p1106_cycle2_06_1.jpg"),
                tuple("cce_p1106_cycle2_06_2", "cce_p1106_cycle2_06_2.jpg"),
                tuple("cce_p1106_cycle2_06_3", "cce_p1106_cycle2_06_3.jpg"));
        assertThat(read.row(3).latitude()).isNull(); // AqquaMinimum's to report, not the reader's
    }

    @Test
    void irfcbNanIsAnEmptyNumberAndItsUnpaddedTimesAreRefusedAsEcoTaxaRefusesThem() throws IOException {
        Collected read = Collected.fromDisk(Collected.IRFCB_DATA, "ecotaxa_table_with_classification.tsv",
                path -> true);

        // R wrote 09:02:39 as 90239 and 00:23:70 as 23700: EcoTaxa pads those to 90:23:90 and 23:70:00.
        assertThat(read.problems).extracting(RowProblem::field, RowProblem::value).containsOnly(
                tuple("object_time", "90239"), tuple("object_annotation_time", "23700"));
        assertThat(read.problems).hasSize(18).extracting(RowProblem::line).containsSubsequence(3, 3, 11, 11);
        SourceRow first = read.row(3);
        assertThat(first.pixelSizeUm()).isEqualTo(0.118); // process_pixel; acq_pixel is nan
        assertThat(first.raw()).containsEntry("object_esd", "nan").containsEntry("acq_pixel", "nan");
        assertThat(first.traits()).doesNotContainKey("object_esd").containsEntry("object_area", 34.0);
        assertThat(first.latitude()).isEqualTo(33.42133333);
        assertThat(first.observedAt()).isNull();
        assertThat(first.label()).isEqualTo("det_fiber");
        assertThat(first.labelStatus()).isEqualTo(LabelStatus.VALIDATED);
    }

    @Test
    void irfcbZooscanTableWithQuotedXmlReadsClean() throws IOException {
        Collected read = Collected.fromDisk(Collected.IRFCB_DATA, "ecotaxa_table_without_classification.tsv",
                path -> true);

        assertThat(read.problems).isEmpty();
        assertThat(read.rows).hasSize(7);
        SourceRow first = read.row(3);
        assertThat(first.observedAt()).isEqualTo(Instant.parse("2015-07-11T12:55:00Z"));
        assertThat(first.depthMin()).isEqualTo(0.0);
        assertThat(first.depthMax()).isEqualTo(200.0);
        assertThat(first.instrument()).isEqualTo("zooscan");
        assertThat(first.raw().get("sample_dataportal_descriptor")).startsWith("<bioimagingdescriptors")
                .contains("domain=\"bio-imaging\"");
    }

    @Test
    void irfcbIfcbExportWithCrLfReadsItsTwoRows() throws IOException {
        Collected read = Collected.fromDisk(Collected.IRFCB_DATA, "example_table_ifcb.tsv", path -> true);

        assertThat(read.problems).extracting(RowProblem::line, RowProblem::field, RowProblem::value)
                .containsExactly(tuple(3, "object_time", "93804")); // 09:38:04 unpadded, as above
        assertThat(read.rows).extracting(SourceRow::objectId, SourceRow::instrument, SourceRow::label)
                .containsExactly(tuple("D20230915T093804_IFCB134_02133", "IFCB", "Amphidinium-like"),
                        tuple("D20230915T113552_IFCB134_01413", "IFCB", "Amphidinium-like"));
        assertThat(read.row(4).observedAt()).isEqualTo(Instant.parse("2023-09-15T11:35:52Z"));
        assertThat(read.row(3).traits()).containsEntry("object_ring01", 1.598588942);
    }
}
