package org.aqqua.metadata.ecotaxa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.aqqua.metadata.LabelStatus;
import org.aqqua.metadata.SourceRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** EcoTaxa's valid import sets read without a problem, into the values their tables hold. */
class EcotaxaValidFixturesTest {

    private static final Instant APRIL_20_0420 = Instant.parse("2014-04-20T04:20:00Z");

    @Test
    void importTestReadsElevenObjectsOnEightImagesWithoutProblems() throws IOException {
        Collected n1 = Collected.fromSet("import_test", "m106_mn01_n1_sml/ecotaxa_m106_mn01_n1_sml.tsv");
        Collected n2 = Collected.fromSet("import_test", "m106_mn01_n2_sml/ecotaxa_m106_mn01_n2_sml.tsv");

        assertThat(n1.problems).isEmpty();
        assertThat(n2.problems).isEmpty();
        assertThat(n1.summary).isEqualTo(new TableSummary(8, 0, true));
        assertThat(n2.summary).isEqualTo(new TableSummary(3, 0, true));
        // Four objects of n1 share one image: 11 objects, the 8 images EcoTaxa's images-only import counts.
        assertThat(Stream.concat(n1.rows.stream(), n2.rows.stream()).map(SourceRow::imagePath).distinct())
                .hasSize(8).allMatch(path -> Files.isRegularFile(Collected.ECOTAXA_DATA.resolve("import_test")
                        .resolve(path)));
        assertThat(n1.rows).extracting(SourceRow::line).containsExactly(3, 4, 5, 6, 7, 8, 9, 10);

        SourceRow first = n1.row(3);
        assertThat(first.file()).isEqualTo("m106_mn01_n1_sml/ecotaxa_m106_mn01_n1_sml.tsv");
        assertThat(first.objectId()).isEqualTo("m106_mn01_n1_sml_409");
        assertThat(first.imagePath()).isEqualTo("m106_mn01_n1_sml/m106_mn01_n1_sml_409.jpg");
        assertThat(first.latitude()).isEqualTo(-44.72543333333333);
        assertThat(first.longitude()).isEqualTo(145.5351);
        assertThat(first.depthMin()).isEqualTo(600.0);
        assertThat(first.depthMax()).isEqualTo(1000.0);
        assertThat(first.observedAt()).isEqualTo(APRIL_20_0420); // 20140420 and the truncated time 420
        assertThat(first.pixelSizeUm()).isEqualTo(10.6);
        assertThat(first.instrument()).isEqualTo("epson");
        assertThat(first.sampleId()).isEqualTo("m106_mn01_n1_sml");
        assertThat(first.label()).isEqualTo("t001");
        assertThat(first.labelStatus()).isEqualTo(LabelStatus.PREDICTED);
        assertThat(first.traits()).containsEntry("object_area", 516.0).containsEntry("object_new_field", 1.0)
                .containsEntry("object_feret", 102.599998474121)
                .doesNotContainKeys("object_lat", "object_depth_min", "object_annotation_category_id");
        assertThat(first.raw()).containsEntry("object_time", "420").containsEntry("acq_id",
                "generic_m106_mn01_n1_sml").containsEntry("object_lat", "-44.72543333333333")
                .doesNotContainKey("img_rank"); // empty in this row
        assertThat(n1.row(8).objectId()).isEqualTo("m106_mn01_n1_sml_852");
        assertThat(n1.row(8).imagePath()).isEqualTo("m106_mn01_n1_sml/m106_mn01_n1_sml_850.jpg");
        assertThat(n1.row(8).label()).isEqualTo("Other (Biota)");
        assertThat(n2.row(5).label()).isEqualTo("egg<other");
        assertThat(n2.row(5).depthMin()).isEqualTo(300.0);
    }

    @Test
    void importTestZipIsReadStraightFromTheArchive() throws IOException {
        try (ZipFile zip = new ZipFile(Collected.ECOTAXA_DATA.resolve("import_test.zip").toFile())) {
            Set<String> entries = zip.stream().map(ZipEntry::getName).collect(Collectors.toSet());
            List<String> tables = entries.stream().filter(EcotaxaTableReader::isTableName).sorted().toList();
            assertThat(tables).containsExactly("m106_mn01_n1_sml/ecotaxa_m106_mn01_n1_sml.tsv",
                    "m106_mn01_n2_sml/ecotaxa_m106_mn01_n2_sml.tsv"); // not the .~lock...tsv# file
            int rows = 0;
            for (String table : tables) {
                try (InputStream in = zip.getInputStream(zip.getEntry(table))) {
                    Collected read = Collected.read(table, in, entries::contains, 1 << 20);
                    assertThat(read.problems).isEmpty();
                    rows += read.rows.size();
                }
            }
            assertThat(rows).isEqualTo(8); // the zip holds an older n1 table, of 5 objects

        }
    }

    @Test
    void weirdFormsOfDatesAndTimesAreAccepted() throws IOException {
        Collected weird = Collected.fromSet("import_test_weird", "m106_mn01_n4_sml/ecotaxa_m106_mn01_n4_sml.tsv");

        assertThat(weird.problems).isEmpty();
        assertThat(weird.rows).extracting(SourceRow::line, SourceRow::objectId, SourceRow::observedAt)
                .containsExactly(
                        tuple(3, "m106_mn01_n4_sml_1", APRIL_20_0420), // 2014-04-20 04:20:00
                        tuple(4, "m106_mn01_n4_sml_2", APRIL_20_0420), // 20140420 420
                        tuple(5, "m106_mn01_n4_sml_3", APRIL_20_0420),
                        tuple(6, "m106_mn01_n4_sml_4", Instant.parse("2014-04-21T04:20:00Z")));
        // A quoted cell holding a tab: "Pilimelia<TAB>" is the category Pilimelia.
        assertThat(weird.row(5).label()).isEqualTo("Pilimelia");
        assertThat(weird.row(5).raw()).containsEntry("object_annotation_category", "Pilimelia\t")
                .containsEntry("object_extra", "Extra3");
        assertThat(weird.rows).extracting(r -> r.raw().get("acq_id")).containsExactly("generic_m106_mn01_n4_sml",
                "generic_m106_mn01_n8_sml", "generic_m106_mn01_nX_sml", "generic_m106_mn01_nZ_sml");
    }

    @Test
    void aStatusAndACategoryAloneAreEnough() throws IOException {
        Collected read = Collected.fromSet("import_v_or_d_just_state",
                "m106_mn01_n4_sml/ecotaxa_m106_mn04_n1_sml.tsv");

        assertThat(read.problems).isEmpty();
        assertThat(read.rows).extracting(SourceRow::objectId, SourceRow::label, SourceRow::labelStatus)
                .containsExactly(tuple("m106_mn04_n1_sml_409", "t001", LabelStatus.DUBIOUS),
                        tuple("m106_mn04_n1_sml_410", "t001", LabelStatus.VALIDATED)); // "..._410<TAB>" cleaned
    }

    /** The second zip has the bundle in a folder: the table's folder is the base of its images' paths. */
    @ParameterizedTest
    @CsvSource(value = {"UVP6_example.zip,''", "import_uvp6_zip_in_dir/b_da_19_Images.zip,b_da_19_Images/"})
    void uvp6BundleReadsFifteenObjectsInSubfolders(String bundle, String folder, @TempDir Path unpacked)
            throws IOException {
        Path zip = Collected.ECOTAXA_DATA.resolve(bundle);
        if (bundle.equals("UVP6_example.zip")) {
            try (ZipFile outer = new ZipFile(zip.toFile())) {
                try (InputStream inner = outer.getInputStream(outer.getEntry("b_da_19_Images.zip"))) {
                    unzip(inner, unpacked);
                }
            }
        } else {
            try (InputStream inner = Files.newInputStream(zip)) {
                unzip(inner, unpacked);
            }
        }

        Collected uvp6 = Collected.fromDisk(unpacked, folder + "ecotaxa_b_da_19.tsv",
                path -> Files.isRegularFile(unpacked.resolve(path)));

        assertThat(uvp6.problems).isEmpty();
        assertThat(uvp6.summary).isEqualTo(new TableSummary(15, 0, true));
        assertThat(uvp6.rows).allSatisfy(row -> {
            assertThat(row.latitude()).isEqualTo(43.0); // 43°0 0, the ° in latin-1
            assertThat(row.longitude()).isEqualTo(17.0);
            assertThat(row.pixelSizeUm()).isEqualTo(73.0); // acq_pixel
            assertThat(row.instrument()).isEqualTo("uvp6");
            assertThat(row.sampleId()).isEqualTo("b_da_19");
        });
        SourceRow first = uvp6.row(3);
        assertThat(first.imagePath()).isEqualTo(folder + "sub1/20200205-111823_3.png");
        assertThat(first.objectId()).isEqualTo("20200205-111823_3");
        assertThat(first.observedAt()).isEqualTo(Instant.parse("2020-02-05T11:18:23Z"));
        assertThat(first.depthMin()).isEqualTo(194.63);
        assertThat(first.traits()).containsEntry("object_area", 207.0).containsEntry("object_perim.", 71.0122);
        assertThat(first.raw()).containsEntry("object_lat", "43°0 0");
        assertThat(uvp6.row(17).imagePath()).isEqualTo(folder + "sub2/20200205-112059_1.png");
    }

    @Test
    void carriageReturnOnlyTableWithNumericTypeCodesReadsSixObjects() throws IOException {
        Collected read = Collected.fromSet("import de categories ambigues", "ecotaxa.tsv");

        assertThat(read.problems).isEmpty();
        assertThat(read.rows).extracting(SourceRow::line, SourceRow::imagePath, SourceRow::label,
                SourceRow::labelStatus).containsExactly(
                        tuple(3, "1.jpg", "part (Annelida)", LabelStatus.VALIDATED),
                        tuple(4, "2.jpg", "part (Cnidaria)", LabelStatus.VALIDATED),
                        tuple(5, "3.jpg", "part", LabelStatus.PREDICTED),
                        tuple(6, "4.jpg", "part", LabelStatus.PREDICTED),
                        tuple(7, "5.jpg", "part", LabelStatus.DUBIOUS),
                        tuple(8, "6.jpg", "part", LabelStatus.DUBIOUS));
        assertThat(read.row(3).latitude()).isEqualTo(2.0);
        assertThat(read.row(3).longitude()).isEqualTo(1.0);
        assertThat(read.row(3).observedAt()).isEqualTo(Instant.parse("1999-01-01T00:00:00Z"));
        assertThat(read.row(3).raw()).containsEntry("object_annotation_parent_category", "Annelida");
    }

    @Test
    void sparseVprTableKeepsItsRowsAndFractionalSeconds() throws IOException {
        Collected sparse = Collected.fromSet("import_sparse",
                "ecotaxa_20160719B-163000ish-HealyVPR08-2016_d200_h18_roi.tsv");

        assertThat(sparse.rows).extracting(SourceRow::objectId).containsExactly("roi.0729931500",
                "roi.0729937400", "roi.0729943300", "roi.0729949200", "roi.0729955200", "roi.0729961200");
        SourceRow first = sparse.row(3);
        assertThat(first.imagePath()).isEqualTo("roi.0729931500.png");
        assertThat(first.observedAt()).isEqualTo(Instant.parse("2016-07-19T02:01:39.315Z")); // 020139.315
        assertThat(first.latitude()).isEqualTo(77.0709);
        assertThat(first.longitude()).isEqualTo(161.8121);
        assertThat(first.depthMin()).isEqualTo(120.4473);
        assertThat(first.instrument()).isEqualTo("VPR");
        assertThat(first.sampleId()).isNull();
        assertThat(first.traits()).containsEntry("object_salinity_minimum", 32.1283)
                .containsEntry("object_temperature_degrees_minimum", -1.1783).hasSize(6);
        // Its only problems are the two missing ids (EcoTaxaBrokenFixturesTest), none for the rows.
        assertThat(sparse.problems).extracting(p -> p.line()).containsOnly(1);
    }

    private static void unzip(InputStream zip, Path into) throws IOException {
        try (ZipInputStream entries = new ZipInputStream(zip)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("entry outside the folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(entries, target);
                }
            }
        }
    }
}
