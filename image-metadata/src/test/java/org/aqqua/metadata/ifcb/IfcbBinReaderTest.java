package org.aqqua.metadata.ifcb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.aqqua.metadata.AqquaMinimum;
import org.aqqua.metadata.RowProblem;
import org.aqqua.metadata.SourceRow;
import org.junit.jupiter.api.Test;

class IfcbBinReaderTest {

    private static final Path PYIFCB = Path.of("../fixtures/external/pyifcb/ifcb/tests/data/test_data");
    private static final Path IRFCB_ZIP = Path.of("../fixtures/external/irfcb/tests/testthat/test_data/test_data.zip");
    private static final String WHITE_DIR = "white/D2013/D201305/D20130526";
    private static final String WHITE = "D20130526T095207_IFCB013";
    private static final String OLD_DIR = "data/2012/IFCB5_2012_028";
    private static final String OLD = "IFCB5_2012_028_081515";

    /** pyifcb's fileset_info.py: roi_numbers of the white bin. */
    private static final List<Integer> WHITE_ROI_NUMBERS =
            List.of(7, 11, 13, 21, 32, 33, 47, 49, 54, 61, 66, 68, 73, 78, 80, 92, 99, 102, 114);

    static final class Collected implements RoiSink {
        final List<Object> events = new ArrayList<>();
        final List<SourceRow> rows = new ArrayList<>();
        final List<byte[]> pngs = new ArrayList<>();
        final List<RowProblem> problems = new ArrayList<>();
        int returned;

        @Override
        public void roi(SourceRow row, byte[] png) {
            events.add(row);
            rows.add(row);
            pngs.add(png);
        }

        @Override
        public void problem(RowProblem problem) {
            events.add(problem);
            problems.add(problem);
        }

        BufferedImage image(String objectId) throws IOException {
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).objectId().equals(objectId)) {
                    return ImageIO.read(new ByteArrayInputStream(pngs.get(i)));
                }
            }
            throw new AssertionError("no ROI " + objectId);
        }

        List<Integer> roiNumbers() {
            return rows.stream().map(r -> Integer.parseInt(r.objectId().substring(r.objectId().length() - 5)))
                    .toList();
        }
    }

    private static final BinPlacement WHITE_PLACEMENT =
            new BinPlacement("ifcb_bins.csv", 2, WHITE, 41.5253, -70.6717, 4.0, null, 0.2907);

    private static byte[] bytes(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllBytes(file) : null;
    }

    private static InputStream stream(byte[] bytes) {
        return bytes == null ? null : new ByteArrayInputStream(bytes);
    }

    /** Reads the bin {@code dir/stem} of pyifcb's test data, a missing file passed as {@code null}. */
    private static Collected readFixture(String dir, String stem, BinPlacement placement) throws IOException {
        Path base = PYIFCB.resolve(dir);
        return read(dir + "/" + stem, bytes(base.resolve(stem + ".hdr")), bytes(base.resolve(stem + ".adc")),
                bytes(base.resolve(stem + ".roi")), placement);
    }

    private static Collected read(String binPath, byte[] hdr, byte[] adc, byte[] roi, BinPlacement placement)
            throws IOException {
        Collected sink = new Collected();
        sink.returned = new IfcbBinReader().read(binPath, stream(hdr), stream(adc), stream(roi), placement, sink);
        return sink;
    }

    private static int[][] topLeft(BufferedImage image, int size) {
        Raster raster = image.getRaster();
        int[][] pixels = new int[size][size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                pixels[y][x] = raster.getSample(x, y, 0);
            }
        }
        return pixels;
    }

    @Test
    void whiteBinGivesItsNineteenRoisAsPngs() throws IOException {
        Collected sink = readFixture(WHITE_DIR, WHITE, WHITE_PLACEMENT);

        assertThat(sink.problems).isEmpty();
        assertThat(sink.returned).isEqualTo(19);
        assertThat(sink.roiNumbers()).isEqualTo(WHITE_ROI_NUMBERS);

        // ROI 99 has shape (34, 64) in pyifcb: 34 rows of 64 pixels; its top-left 5×5 as pyifcb reads it
        BufferedImage roi99 = sink.image("D20130526T095207_IFCB013_00099");
        assertThat(roi99.getWidth()).isEqualTo(64);
        assertThat(roi99.getHeight()).isEqualTo(34);
        assertThat(roi99.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(topLeft(roi99, 5)).isDeepEqualTo(new int[][] {
                {172, 168, 172, 166, 171},
                {168, 170, 172, 171, 170},
                {167, 174, 171, 175, 168},
                {173, 171, 173, 170, 171},
                {176, 169, 176, 173, 172}});

        SourceRow first = sink.rows.get(0);
        assertThat(first.objectId()).isEqualTo("D20130526T095207_IFCB013_00007");
        assertThat(first.imagePath()).isEqualTo(WHITE_DIR + "/D20130526T095207_IFCB013_00007.png");
        assertThat(first.file()).isEqualTo(WHITE_DIR + "/" + WHITE + ".adc");
        assertThat(first.line()).isEqualTo(7);
        assertThat(first.observedAt()).isEqualTo(Instant.parse("2013-05-26T09:52:07Z"));
        assertThat(first.latitude()).isEqualTo(41.5253);
        assertThat(first.longitude()).isEqualTo(-70.6717);
        assertThat(first.depthMin()).isEqualTo(4.0);
        assertThat(first.depthMax()).isEqualTo(4.0);
        assertThat(first.pixelSizeUm()).isEqualTo(0.2907);
        assertThat(first.instrument()).isEqualTo("IFCB");
        assertThat(first.sampleId()).isEqualTo(WHITE);
        assertThat(first.label()).isNull();
        // ADC row 7: 7,54.688000,0.00689,...,1060,161,88,34,0,-999.000000,0,0,0,54.730898,0.592945
        assertThat(first.traits()).hasSize(24).containsEntry("trigger", 7.0).containsEntry("adcTime", 54.688)
                .containsEntry("pmtA", 0.00689).containsEntry("roiX", 1060.0).containsEntry("roiY", 161.0)
                .containsEntry("roiWidth", 88.0).containsEntry("roiHeight", 34.0).containsEntry("startByte", 0.0)
                .containsEntry("comparatorOut", -999.0).containsEntry("inhibitTime", 0.592945);
        assertThat(first.raw()).containsEntry("adcTime", "54.688000").containsEntry("roiWidth", "88")
                .containsEntry("hdr.softwareVersion",
                        "Imaging FlowCytobot Acquisition Software version 2.0, build 380; May 2010")
                .containsEntry("hdr.sampleTime", "2013-05-26T09:52:07Z")
                .containsEntry("hdr.binarizeThreshold", "8")
                .containsEntry("hdr.SyringeSampleVolume", "5.000000")
                .containsEntry("hdr.PMTAhighVoltage", "0.450000")
                .doesNotContainKey("hdr.KloehnPort");
        assertThat(AqquaMinimum.check(first, IfcbBinReader.FIELDS)).isEmpty();

        // every PNG decodes to the size its ADC row gives
        for (int i = 0; i < sink.rows.size(); i++) {
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(sink.pngs.get(i)));
            assertThat(png.getWidth()).isEqualTo(((Double) sink.rows.get(i).traits().get("roiWidth")).intValue());
            assertThat(png.getHeight()).isEqualTo(((Double) sink.rows.get(i).traits().get("roiHeight")).intValue());
        }
    }

    @Test
    void oldStyleBinGivesSixRois() throws IOException {
        BinPlacement placement = new BinPlacement("ifcb_bins.csv", 3, OLD, 41.325, -70.5667, 4.0, null, null);
        Collected sink = readFixture(OLD_DIR, OLD, placement);

        assertThat(sink.problems).isEmpty();
        assertThat(sink.returned).isEqualTo(6);
        assertThat(sink.rows).extracting(SourceRow::objectId, SourceRow::line).containsExactly(
                tuple("IFCB5_2012_028_081515_00001", 1), tuple("IFCB5_2012_028_081515_00002", 2),
                tuple("IFCB5_2012_028_081515_00003", 3), tuple("IFCB5_2012_028_081515_00004", 4),
                tuple("IFCB5_2012_028_081515_00005", 5), tuple("IFCB5_2012_028_081515_00006", 6));
        SourceRow first = sink.rows.get(0);
        assertThat(first.observedAt()).as("2012, day 28 = 28 January").isEqualTo(Instant.parse("2012-01-28T08:15:15Z"));
        assertThat(first.pixelSizeUm()).as("the dataset default then applies").isNull();
        assertThat(first.imagePath()).isEqualTo(OLD_DIR + "/IFCB5_2012_028_081515_00001.png");
        // ADC row 1: 1,.3105469,...,202,673,96,45,1,-.27557373046875,
        assertThat(first.traits()).hasSize(15).containsEntry("trigger", 1.0)
                .containsEntry("processingEndTime", 0.3105469).containsEntry("roiX", 202.0)
                .containsEntry("roiWidth", 96.0).containsEntry("roiHeight", 45.0).containsEntry("startByte", 1.0)
                .containsEntry("valveStatus", -0.27557373046875);
        assertThat(first.raw()).containsEntry("hdr.binarizeThreshold", "30")
                .containsEntry("hdr.fluorescencePhotomultiplierSetting", ".6")
                .containsEntry("hdr.temperature", "11.4799732421875")
                .containsEntry("hdr.softwareVersion",
                        "Imaging FlowCytobot Acquisition Software version 1.0; October 2005");

        // pyifcb: ROI 1 has shape (45, 96) and this top-left corner
        BufferedImage roi1 = sink.image("IFCB5_2012_028_081515_00001");
        assertThat(roi1.getWidth()).isEqualTo(96);
        assertThat(roi1.getHeight()).isEqualTo(45);
        assertThat(topLeft(roi1, 5)).isDeepEqualTo(new int[][] {
                {208, 207, 206, 206, 207},
                {206, 206, 206, 207, 206},
                {206, 207, 205, 206, 208},
                {208, 208, 208, 208, 209},
                {206, 206, 205, 207, 207}});
    }

    @Test
    void headersReadAsPyifcbReadsThem() throws IOException {
        IfcbHeader white = IfcbHeader.read(stream(bytes(PYIFCB.resolve(WHITE_DIR + "/" + WHITE + ".hdr"))));
        assertThat(white.get("KloehnPort")).contains("COM3");
        assertThat(white.get("laserMotorSmallStep_ms")).contains("1000");
        assertThat(white.get("blobXgrowAmount")).contains("20");
        assertThat(white.get("SOFTWAREVERSION")).as("keys ignore case").isPresent();

        IfcbHeader old = IfcbHeader.read(stream(bytes(PYIFCB.resolve(OLD_DIR + "/" + OLD + ".hdr"))));
        assertThat(old.get("binarizeThreshold")).contains("30");
        assertThat(old.get("fluorescencePhotomultiplierSetting").map(Double::parseDouble)).contains(0.6);
        assertThat(old.get("SyringeStatus")).contains("0");
    }

    @Test
    void emptyBinsGiveNoRoiAndNoProblem() throws IOException {
        for (String stem : List.of("D20150411T205456_IFCB012", "IFCB5_2017_001_033645")) {
            Collected withPlacement = readFixture("empty", stem,
                    new BinPlacement("ifcb_bins.csv", 2, stem, 41.0, -70.0, 1.0, null, null));
            assertThat(withPlacement.returned).as(stem).isZero();
            assertThat(withPlacement.events).as(stem).isEmpty();

            Collected withoutPlacement = readFixture("empty", stem, null);
            assertThat(withoutPlacement.events).as(stem + ": no image needs a position").isEmpty();
        }
    }

    @Test
    void zeroByteFilesAreAnEmptyBinWithAnEmptyHeaderProblem() throws IOException {
        Collected invalid = readFixture("invalid", "D20130101T101010_IFCB099", WHITE_PLACEMENT);
        assertThat(invalid.returned).isZero();
        assertThat(invalid.problems).containsExactly(RowProblem.ofFile("invalid/D20130101T101010_IFCB099.hdr",
                "the .hdr file of IFCB bin D20130101T101010_IFCB099 is empty"));

        Collected skip = readFixture("data/skip", "IFCB5_2006_001_121212", WHITE_PLACEMENT);
        assertThat(skip.returned).isZero();
        assertThat(skip.problems).extracting(RowProblem::file)
                .containsExactly("data/skip/IFCB5_2006_001_121212.hdr");

        // a 0-byte .adc with a good header (the decoy.adc of pyifcb is one) is just an empty bin
        byte[] hdr = bytes(PYIFCB.resolve(OLD_DIR + "/" + OLD + ".hdr"));
        byte[] decoy = bytes(PYIFCB.resolve(OLD_DIR + "/000_decoy/decoy.adc"));
        assertThat(decoy).isEmpty();
        Collected empty = read(OLD_DIR + "/" + OLD, hdr, decoy, new byte[0], null);
        assertThat(empty.returned).isZero();
        assertThat(empty.events).isEmpty();
    }

    @Test
    void aBinWithoutItsRoiOrAdcFileIsAFileProblem() throws IOException {
        Collected partial = readFixture("partial", OLD, null);
        assertThat(partial.returned).isZero();
        assertThat(partial.problems).containsExactly(RowProblem.ofFile("partial/IFCB5_2012_028_081515.roi",
                "IFCB bin IFCB5_2012_028_081515 has no .roi file: its images are missing"));

        Path base = PYIFCB.resolve(WHITE_DIR);
        Collected noAdc = read("x/" + WHITE, bytes(base.resolve(WHITE + ".hdr")), null,
                bytes(base.resolve(WHITE + ".roi")), WHITE_PLACEMENT);
        assertThat(noAdc.returned).isZero();
        assertThat(noAdc.problems).containsExactly(RowProblem.ofFile("x/" + WHITE + ".adc", "IFCB bin " + WHITE
                + " has no .adc file: without it its images cannot be found in the .roi"));

        Collected noHdr = read("x/" + WHITE, null, bytes(base.resolve(WHITE + ".adc")),
                bytes(base.resolve(WHITE + ".roi")), WHITE_PLACEMENT);
        assertThat(noHdr.returned).as("the header only adds raw values").isEqualTo(19);
        assertThat(noHdr.problems).containsExactly(RowProblem.ofFile("x/" + WHITE + ".hdr",
                "IFCB bin " + WHITE + " has no .hdr file"));
    }

    @Test
    void irfcbBinGivesOneRoiPerAdcRowWithASizeAndTheSamePixelsAsIrfcb() throws IOException {
        String stem = "D20220522T003051_IFCB134";
        try (ZipFile zip = new ZipFile(IRFCB_ZIP.toFile())) {
            byte[] hdr = zip.getInputStream(zip.getEntry("test_data/data/" + stem + ".hdr")).readAllBytes();
            byte[] adc = zip.getInputStream(zip.getEntry("test_data/data/" + stem + ".adc")).readAllBytes();
            byte[] roi = zip.getInputStream(zip.getEntry("test_data/data/" + stem + ".roi")).readAllBytes();
            byte[] irfcbPng = zip.getInputStream(zip.getEntry(
                    "test_data/png2/Mesodinium_rubrum/" + stem + "_00003.png")).readAllBytes();

            // independently of the reader: rows whose RoiWidth × RoiHeight (columns 16 and 17) is not 0
            List<Integer> expected = new ArrayList<>();
            List<String> lines = new String(adc, StandardCharsets.US_ASCII).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String[] cells = lines.get(i).split(",");
                if (Integer.parseInt(cells[15]) * Integer.parseInt(cells[16]) != 0) {
                    expected.add(i + 1);
                }
            }
            assertThat(expected).containsExactly(2, 3);

            BinPlacement placement = new BinPlacement("ifcb_bins.csv", 2, stem, 58.25, 11.43, 2.0, null, 0.2732);
            Collected sink = read("data/" + stem, hdr, adc, roi, placement);

            assertThat(sink.problems).isEmpty();
            assertThat(sink.returned).isEqualTo(expected.size());
            assertThat(sink.roiNumbers()).isEqualTo(expected);
            assertThat(sink.rows.get(1).objectId()).isEqualTo("D20220522T003051_IFCB134_00003");
            assertThat(sink.rows.get(1).observedAt()).isEqualTo(Instant.parse("2022-05-22T00:30:51Z"));
            assertThat(sink.rows.get(1).raw()).containsEntry("hdr.runTime", "715.6575")
                    .containsEntry("hdr.inhibitTime", "0.15215060763888888")
                    .containsEntry("hdr.temperature", "19.940374608987575");

            // iRfcb extracted the same ROI as a PNG, contrast-stretched (its normalize option: darkest pixel 0,
            // brightest 255): same size, and the same pixels once ours are stretched alike
            BufferedImage ours = sink.image("D20220522T003051_IFCB134_00003");
            BufferedImage theirs = ImageIO.read(new ByteArrayInputStream(irfcbPng));
            assertThat(ours.getWidth()).isEqualTo(theirs.getWidth()).isEqualTo(144);
            assertThat(ours.getHeight()).isEqualTo(theirs.getHeight()).isEqualTo(114);
            int[] ourPixels = ours.getRaster().getPixels(0, 0, 144, 114, (int[]) null);
            int[] theirPixels = theirs.getRaster().getPixels(0, 0, 144, 114, (int[]) null);
            assertThat(ourPixels).as("ours are the raw bytes of the .roi")
                    .isEqualTo(unsigned(Arrays.copyOfRange(roi, 14432, 14432 + 144 * 114)));
            int min = Arrays.stream(ourPixels).min().orElseThrow();
            int max = Arrays.stream(ourPixels).max().orElseThrow();
            assertThat(max - min).isGreaterThan(100);
            for (int i = 0; i < ourPixels.length; i++) {
                double stretched = (ourPixels[i] - min) * 255.0 / (max - min);
                assertThat((double) theirPixels[i]).as("pixel %d", i).isCloseTo(stretched, within(1.0));
            }
        }
    }

    @Test
    void aTruncatedRoiFileIsAProblemOnEachAdcRowPastItsEnd() throws IOException {
        Path base = PYIFCB.resolve(WHITE_DIR);
        byte[] roi = Arrays.copyOf(bytes(base.resolve(WHITE + ".roi")), 80_000); // ROI 99 ends at 79648
        Collected sink = read(WHITE, bytes(base.resolve(WHITE + ".hdr")), bytes(base.resolve(WHITE + ".adc")), roi,
                WHITE_PLACEMENT);

        assertThat(sink.returned).isEqualTo(17);
        assertThat(sink.roiNumbers()).endsWith(92, 99);
        assertThat(sink.problems).containsExactly(
                new RowProblem(WHITE + ".adc", 102, "startByte", "79648", "this ROI (72 × 34 = 2448 bytes from "
                        + "byte 79648) runs past the end of " + WHITE + ".roi, which has 80000 bytes: the .roi file is "
                        + "truncated"),
                new RowProblem(WHITE + ".adc", 114, "startByte", "82096", "this ROI (184 × 89 = 16376 bytes from "
                        + "byte 82096) runs past the end of " + WHITE + ".roi, which has 80000 bytes: the .roi file is "
                        + "truncated"));
        assertThat(sink.rows.get(0).imagePath()).as("a bin at the upload's root")
                .isEqualTo("D20130526T095207_IFCB013_00007.png");
    }

    @Test
    void malformedAdcNumbersAreProblemsOnTheirRow() throws IOException {
        Path base = PYIFCB.resolve(WHITE_DIR);
        List<String> lines = new ArrayList<>(Files.readAllLines(base.resolve(WHITE + ".adc")));
        lines.set(10, lines.get(10).replace("0.00845,", "n/a,")); // line 11, pmtA
        lines.set(12, replaceCell(lines.get(12), 15, "7x2")); // line 13, roiWidth
        lines.set(20, lines.get(20) + ",1"); // line 21, one value too many
        lines.set(31, replaceCell(lines.get(31), 16, "-42")); // line 32, roiHeight
        byte[] adc = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.US_ASCII);
        Collected sink = read(WHITE, bytes(base.resolve(WHITE + ".hdr")), adc, bytes(base.resolve(WHITE + ".roi")),
                WHITE_PLACEMENT);

        assertThat(sink.problems).containsExactly(
                new RowProblem(WHITE + ".adc", 11, "pmtA", "n/a", "not a number"),
                new RowProblem(WHITE + ".adc", 13, "roiWidth", "7x2", "not a number"),
                new RowProblem(WHITE + ".adc", 21, null, "25", "this ADC row has 25 values but the v2 layout has 24, "
                        + "so its ROI cannot be located"),
                new RowProblem(WHITE + ".adc", 32, "roiHeight", "-42", "must be a whole number, 0 or more, at most "
                        + Integer.MAX_VALUE));
        assertThat(sink.roiNumbers()).as("ROI 11 keeps its image, 13, 21 and 32 cannot be located")
                .containsExactly(7, 11, 33, 47, 49, 54, 61, 66, 68, 73, 78, 80, 92, 99, 102, 114);
        assertThat(sink.rows.get(1).traits()).doesNotContainKey("pmtA").containsEntry("pmtB", 0.01907);
        assertThat(sink.rows.get(1).raw()).containsEntry("pmtA", "n/a");
        // problems come before the ROI they concern
        assertThat(sink.events.indexOf(sink.problems.get(0))).isLessThan(sink.events.indexOf(sink.rows.get(1)));
    }

    @Test
    void aBinWithoutPlacementIsAProblemBeforeItsFirstRoiAndItsRoisHaveNoPosition() throws IOException {
        Collected sink = readFixture(WHITE_DIR, WHITE, null);

        assertThat(sink.returned).isEqualTo(19);
        assertThat(sink.problems).containsExactly(new RowProblem("ifcb_bins.csv", null, "bin", WHITE,
                "no row for this bin in ifcb_bins.csv: its images have no latitude, longitude or depth"));
        assertThat(sink.events.get(0)).isEqualTo(sink.problems.get(0));
        assertThat(sink.rows).allSatisfy(row -> {
            assertThat(row.latitude()).isNull();
            assertThat(row.longitude()).isNull();
            assertThat(row.depthMin()).isNull();
        });
        assertThat(AqquaMinimum.check(sink.rows.get(0), IfcbBinReader.FIELDS)).extracting(RowProblem::field)
                .containsExactly("pixel_size_um", "latitude", "longitude", "depth");
    }

    @Test
    void anAdcColumnListInTheHeaderThatMovesTheRoiColumnsIsFollowed() throws IOException {
        // a made-up new-style layout: the v2 columns without the four peak columns
        String hdr = "softwareVersion: test\nADCFileFormat: trigger#, ADCtime, PMTA, PMTB, PMTC, PMTD, "
                + "TimeOfFlight, GrabTimeStart, GrabTimeEnd, RoiX, RoiY, RoiWidth, RoiHeight, StartByte\n";
        String adc = "1,0.1,0,0,0,0,0,0,0,0,0,0,0,0\n2,0.2,0,0,0,0,0,0,0,5,6,3,2,0\n3,0.3,0,0,0,0,0,0,0,5,6,2,2,6\n";
        byte[] roi = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        Collected sink = read("D20240101T000000_IFCB999", hdr.getBytes(StandardCharsets.US_ASCII),
                adc.getBytes(StandardCharsets.US_ASCII), roi, null);

        assertThat(sink.roiNumbers()).containsExactly(2, 3);
        assertThat(sink.rows.get(0).traits()).containsEntry("RoiWidth", 3.0).containsEntry("trigger#", 2.0);
        BufferedImage second = sink.image("D20240101T000000_IFCB999_00003");
        assertThat(second.getRaster().getPixels(0, 0, 2, 2, (int[]) null)).containsExactly(7, 8, 9, 10);

        Collected unknown = read("D20240101T000000_IFCB999", "softwareVersion: x\nADCFileFormat: a, b, c\n"
                .getBytes(StandardCharsets.US_ASCII), adc.getBytes(StandardCharsets.US_ASCII), roi, null);
        assertThat(unknown.returned).isZero();
        assertThat(unknown.problems).extracting(RowProblem::file, RowProblem::field, RowProblem::value)
                .containsExactly(tuple("D20240101T000000_IFCB999.hdr", "ADCFileFormat", "a, b, c"));
    }

    @Test
    void aRoiStartingBeforeThePreviousEndIsAProblem() throws IOException {
        String adc = "1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,2,2,4,0,0,0,0,0,0\n"
                + "2,0,0,0,0,0,0,0,0,0,0,0,0,0,0,2,2,0,0,0,0,0,0,0\n"
                + "3,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,2,8,0,0,0,0,0,0\n";
        Collected sink = read("D20240101T000000_IFCB999", "softwareVersion: x\n".getBytes(StandardCharsets.US_ASCII),
                adc.getBytes(StandardCharsets.US_ASCII), new byte[10], null);

        assertThat(sink.roiNumbers()).containsExactly(1, 3);
        assertThat(sink.problems).extracting(RowProblem::line, RowProblem::field, RowProblem::value)
                .containsExactly(tuple(null, "bin", "D20240101T000000_IFCB999"), tuple(2, "startByte", "0"));
    }

    @Test
    void binNamesInBothStyles() {
        assertThat(IfcbBinReader.parseName("D20130526T095207_IFCB013")).contains(new IfcbBinName(
                "D20130526T095207_IFCB013", Instant.parse("2013-05-26T09:52:07Z"), 13, IfcbBinName.Style.NEW));
        assertThat(IfcbBinReader.parseName("data/2012/IFCB5_2012_028_081515.adc")).contains(new IfcbBinName(
                "IFCB5_2012_028_081515", Instant.parse("2012-01-28T08:15:15Z"), 5, IfcbBinName.Style.OLD));
        assertThat(IfcbBinReader.parseName("IFCB1_2008_366_235959.roi")).map(IfcbBinName::timestamp)
                .contains(Instant.parse("2008-12-31T23:59:59Z"));
        assertThat(IfcbBinReader.parseName("IFCB1_2009_366_000000")).as("2009 has 365 days").isEmpty();
        assertThat(IfcbBinReader.parseName("D20130230T000000_IFCB013")).as("30 February").isEmpty();
        assertThat(IfcbBinReader.parseName("D20130526T095207_IFCB013_00007.png")).as("a single ROI").isEmpty();
        assertThat(IfcbBinReader.parseName("decoy.adc")).isEmpty();
        assertThat(new IfcbBinName("D20130526T095207_IFCB013", Instant.EPOCH, 13, IfcbBinName.Style.NEW)
                .roiId(99)).isEqualTo("D20130526T095207_IFCB013_00099");
    }

    private static int[] unsigned(byte[] bytes) {
        int[] values = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            values[i] = bytes[i] & 0xFF;
        }
        return values;
    }

    private static String replaceCell(String line, int index, String value) {
        String[] cells = line.split(",", -1);
        cells[index] = value;
        return String.join(",", cells);
    }
}
