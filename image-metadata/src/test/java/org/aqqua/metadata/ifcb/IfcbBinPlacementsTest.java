package org.aqqua.metadata.ifcb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aqqua.metadata.RowProblem;
import org.aqqua.metadata.SourceRow;
import org.junit.jupiter.api.Test;

class IfcbBinPlacementsTest {

    private static final Path PYIFCB = Path.of("../fixtures/external/pyifcb/ifcb/tests/data/test_data");

    private final List<RowProblem> problems = new ArrayList<>();

    private BinPlacements read(String csv) throws IOException {
        return BinPlacements.read("up/ifcb_bins.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                problems::add);
    }

    @Test
    void readsOneRowPerBin() throws IOException {
        BinPlacements placements = read("\uFEFFBin,Latitude,Longitude,Depth,pixel_size_um,notes\r\n"
                + "D20130526T095207_IFCB013,41.5253,-70.6717,4,0.2907,dock\r\n"
                + "IFCB5_2012_028_081515.adc,41.325,-70.5667,4.5,,\r\n");

        assertThat(problems).isEmpty();
        assertThat(placements.size()).isEqualTo(2);
        assertThat(placements.file()).isEqualTo("up/ifcb_bins.csv");
        assertThat(placements.find("D20130526T095207_IFCB013")).contains(new BinPlacement("up/ifcb_bins.csv", 2,
                "D20130526T095207_IFCB013", 41.5253, -70.6717, 4.0, null, 0.2907));
        assertThat(placements.find("IFCB5_2012_028_081515")).contains(new BinPlacement("up/ifcb_bins.csv", 3,
                "IFCB5_2012_028_081515", 41.325, -70.5667, 4.5, null, null));
        assertThat(placements.find("D20130526T095207_IFCB013.roi")).isPresent();
        assertThat(placements.find("D20150411T205456_IFCB012")).isEmpty();
        assertThat(BinPlacements.FILE_NAME).isEqualTo("ifcb_bins.csv");
        assertThat(org.aqqua.metadata.aqquacsv.AqquaCsvReader.isTableName(BinPlacements.FILE_NAME))
                .as("not read as an AqQua CSV table").isFalse();
    }

    @Test
    void aBinMissingFromTheTableGetsAProblemAndNoPositionWhenRead() throws IOException {
        BinPlacements placements = read("bin,latitude,longitude,depth\nIFCB5_2012_028_081515,41.325,-70.5667,4\n");
        String dir = "white/D2013/D201305/D20130526";
        String stem = "D20130526T095207_IFCB013";
        Path base = PYIFCB.resolve(dir);
        IfcbBinReaderTest.Collected sink = new IfcbBinReaderTest.Collected();
        try (InputStream hdr = Files.newInputStream(base.resolve(stem + ".hdr"));
                InputStream adc = Files.newInputStream(base.resolve(stem + ".adc"));
                InputStream roi = Files.newInputStream(base.resolve(stem + ".roi"))) {
            new IfcbBinReader().read(dir + "/" + stem, hdr, adc, roi, placements.find(stem).orElse(null), sink);
        }

        assertThat(problems).isEmpty();
        assertThat(sink.problems).containsExactly(new RowProblem("ifcb_bins.csv", null, "bin", stem,
                "no row for this bin in ifcb_bins.csv: its images have no latitude, longitude or depth"));
        assertThat(sink.rows).hasSize(19).extracting(SourceRow::latitude).containsOnlyNulls();
    }

    @Test
    void reportsEachBadCellWithLineColumnAndValue() throws IOException {
        BinPlacements placements = read("bin,latitude,longitude,depth,altitude,pixel_size_um\n"
                + "D20130526T095207_IFCB013,\"41,5\",-70.6717,4,,0.29\n"
                + "D20130526T095207_IFCB013,41.5,-70.6,5,,\n"
                + "IFCB5_2012_028_081515,95,-200,-1,,0\n"
                + "not_a_bin,1,2,3,,\n"
                + ",1,2,3,,\n"
                + "D20150411T205456_IFCB012,1,2\n"
                + "IFCB5_2017_001_033645,46.45,6.59,,372,x\n");

        assertThat(problems).containsExactly(
                new RowProblem("up/ifcb_bins.csv", 2, "latitude", "41,5",
                        "not a number: use a dot as the decimal separator"),
                new RowProblem("up/ifcb_bins.csv", 3, "bin", "D20130526T095207_IFCB013",
                        "this bin already has a row on line 2, which is the one used"),
                new RowProblem("up/ifcb_bins.csv", 4, "latitude", "95", "latitude must be within -90..90"),
                new RowProblem("up/ifcb_bins.csv", 4, "longitude", "-200", "longitude must be within -180..180"),
                new RowProblem("up/ifcb_bins.csv", 4, "depth", "-1", "depth must be 0 or more metres"),
                new RowProblem("up/ifcb_bins.csv", 4, "pixel_size_um", "0", "pixel size must be greater than 0"),
                new RowProblem("up/ifcb_bins.csv", 5, "bin", "not_a_bin",
                        "not an IFCB bin id (DYYYYMMDDTHHMMSS_IFCBnnn or IFCBn_YYYY_DDD_HHMMSS)"),
                new RowProblem("up/ifcb_bins.csv", 6, "bin", null, "the bin id is required"),
                new RowProblem("up/ifcb_bins.csv", 7, null, "3", "this row has 3 cells but the header has 6 columns"),
                new RowProblem("up/ifcb_bins.csv", 8, "pixel_size_um", "x", "not a number"));

        assertThat(placements.find("D20130526T095207_IFCB013")).get()
                .extracting(BinPlacement::line, BinPlacement::latitude, BinPlacement::depth)
                .containsExactly(2, null, 4.0);
        assertThat(placements.find("IFCB5_2012_028_081515")).get().extracting(BinPlacement::latitude)
                .as("out of range: reported here and kept, so AqQua's minimum reports it on each ROI too")
                .isEqualTo(95.0);
        assertThat(placements.find("D20150411T205456_IFCB012")).get()
                .extracting(BinPlacement::latitude, BinPlacement::depth).containsExactly(1.0, null);
        assertThat(placements.find("IFCB5_2017_001_033645")).get()
                .extracting(BinPlacement::altitude, BinPlacement::depth, BinPlacement::pixelSizeUm)
                .containsExactly(372.0, null, null);
    }

    @Test
    void aHeaderWithoutTheRequiredColumnsPlacesNothing() throws IOException {
        BinPlacements placements = read("bin,lat,lon\nD20130526T095207_IFCB013,1,2\n");

        assertThat(placements.size()).isZero();
        assertThat(problems).extracting(RowProblem::line, RowProblem::field).containsExactly(
                tuple(1, "latitude"), tuple(1, "longitude"), tuple(1, "depth"));
    }

    @Test
    void anEmptyTableIsAFileProblem() throws IOException {
        BinPlacements placements = read("");

        assertThat(placements.size()).isZero();
        assertThat(problems).containsExactly(RowProblem.ofFile("up/ifcb_bins.csv", "the file is empty: the IFCB "
                + "placement table needs a header row bin,latitude,longitude,depth and a row per bin"));
    }
}
