package org.aqqua.metadata.ifcb;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.aqqua.metadata.RowProblem;
import org.aqqua.metadata.SourceFields;
import org.aqqua.metadata.SourceRow;
import org.aqqua.metadata.aqquacsv.Decimals;

/**
 * Reads an IFCB (Imaging FlowCytobot) raw bin: a {@code .hdr} text header, a {@code .adc} table with one row per
 * trigger (no header row; columns by {@link AdcLayout}), and a {@code .roi} file of raw 8-bit grayscale images
 * placed end to end, each at the byte offset, width and height its ADC row gives. Every ROI with a width and a
 * height becomes a PNG and a {@link SourceRow}:
 * <ul>
 * <li>object id {@code <bin>_<ROI number in 5 digits>} (the IFCB convention, e.g.
 * {@code D20130526T095207_IFCB013_00007}); the ROI number is the ADC row number, counting from 1;</li>
 * <li>image path {@code <bin's folder>/<object id>.png}, where the caller stores the PNG;</li>
 * <li>file the bin's {@code .adc} and line the ADC row (the first row is line 1);</li>
 * <li>observed at the bin's time from its name (UTC); latitude, longitude, depth, altitude and pixel size from
 * its {@link BinPlacement}; instrument {@value #INSTRUMENT}; sample id the bin id;</li>
 * <li>traits every numeric ADC column by its layout name; raw every ADC column as written plus the header values
 * {@link #KEPT_HEADER_KEYS} present, under {@value #HEADER_PREFIX}{@code <key>}.</li>
 * </ul>
 * The {@code .roi} is read once, front to back (ROIs are in offset order), never held whole.
 */
public final class IfcbBinReader {

    /** AqQua's minimum as this format gives it: positions come from the placement table, time from the bin. */
    public static final SourceFields FIELDS = new SourceFields("roi", "latitude", "longitude", "depth", "altitude",
            "bin", "pixel_size_um", "instrument");

    public static final String INSTRUMENT = "IFCB";

    /** Prefix of the header values in a row's raw map ({@code hdr.runTime}), apart from the ADC columns. */
    public static final String HEADER_PREFIX = "hdr.";

    /**
     * The header values kept with every ROI (when the header has them): the software, when and for how long the
     * syringe was sampled (volume analysed follows from run and inhibit time), the conditions, and the
     * detector settings that decide which particles were imaged.
     */
    public static final List<String> KEPT_HEADER_KEYS = List.of("softwareVersion", "sampleTime", "runTime",
            "inhibitTime", "SyringeSampleVolume", "temperature", "humidity", "binarizeThreshold", "PMTAhighVoltage",
            "PMTBhighVoltage", "scatteringPhotomultiplierSetting", "fluorescencePhotomultiplierSetting");

    /** Larger than any IFCB camera frame (1380 × 1034); a larger ROI comes from a broken ADC row. */
    public static final int DEFAULT_MAX_ROI_PIXELS = 4096 * 4096;

    /** An ADC row is a few hundred bytes; a longer line means the file is not an ADC table. */
    static final int MAX_ADC_LINE_BYTES = 64 * 1024;

    private final int maxRoiPixels;

    public IfcbBinReader() {
        this(DEFAULT_MAX_ROI_PIXELS);
    }

    /** @param maxRoiPixels the largest ROI (width × height) decoded; a larger one is a problem */
    public IfcbBinReader(int maxRoiPixels) {
        if (maxRoiPixels < 1) {
            throw new IllegalArgumentException("maxRoiPixels must be at least 1, got " + maxRoiPixels);
        }
        this.maxRoiPixels = maxRoiPixels;
    }

    /** The bin a file name names (folder and {@code .adc/.hdr/.roi} extension allowed), see {@link IfcbBinName}. */
    public static Optional<IfcbBinName> parseName(String fileName) {
        return IfcbBinName.parse(fileName);
    }

    /**
     * Streams every ROI of one bin to the sink, each after its problems. A missing {@code .adc} or {@code .roi}
     * (passed as {@code null}) is a problem and no ROI is read; a missing or empty {@code .hdr} is a problem but
     * the ROIs are read (the header only adds raw values). An empty {@code .adc} is an empty bin: no ROI, no
     * problem. A {@code null} placement is a problem (field {@code bin}, value the bin id) reported before the
     * first ROI, whose positions then stay {@code null}.
     *
     * @param binPath the bin's path inside the upload, without extension ({@code a/D20130526T095207_IFCB013})
     * @return the number of ROIs sent to the sink
     */
    public int read(String binPath, InputStream hdr, InputStream adc, InputStream roi, BinPlacement placement,
            RoiSink sink) throws IOException {
        String base = binPath.replace('\\', '/').replaceFirst("(?i)\\.(adc|hdr|roi)$", "");
        String stem = base.substring(base.lastIndexOf('/') + 1);
        String folder = base.lastIndexOf('/') < 0 ? "" : base.substring(0, base.lastIndexOf('/') + 1);
        Optional<IfcbBinName> parsed = IfcbBinName.parse(stem);
        if (parsed.isEmpty()) {
            sink.problem(RowProblem.ofFile(base + ".adc", "'" + stem + "' is not an IFCB bin name "
                    + "(DYYYYMMDDTHHMMSS_IFCBnnn or IFCBn_YYYY_DDD_HHMMSS), so its time is unknown"));
            return 0;
        }
        IfcbBinName name = parsed.get();
        if (adc == null) {
            sink.problem(RowProblem.ofFile(base + ".adc", "IFCB bin " + stem + " has no .adc file: without it its "
                    + "images cannot be found in the .roi"));
        }
        if (roi == null) {
            sink.problem(RowProblem.ofFile(base + ".roi", "IFCB bin " + stem + " has no .roi file: its images are "
                    + "missing"));
        }
        if (adc == null || roi == null) {
            return 0;
        }
        IfcbHeader header = IfcbHeader.empty();
        if (hdr == null) {
            sink.problem(RowProblem.ofFile(base + ".hdr", "IFCB bin " + stem + " has no .hdr file"));
        } else {
            header = IfcbHeader.read(hdr);
            if (header.isEmpty()) {
                sink.problem(RowProblem.ofFile(base + ".hdr", "the .hdr file of IFCB bin " + stem + " is empty"));
            } else if (header.truncated()) {
                sink.problem(RowProblem.ofFile(base + ".hdr", "larger than " + IfcbHeader.MAX_BYTES
                        + " bytes, which no IFCB header is; only its beginning was read"));
            }
        }
        Optional<AdcLayout> layout = AdcLayout.of(name, header);
        if (layout.isEmpty()) {
            sink.problem(new RowProblem(base + ".hdr", null, AdcLayout.ADC_FILE_FORMAT,
                    header.get(AdcLayout.ADC_FILE_FORMAT).orElse(null), "the ADC column list names no RoiWidth, "
                            + "RoiHeight or StartByte column, so the images cannot be found in the .roi"));
            return 0;
        }
        Bin bin = new Bin(name, base, folder, layout.get(), keptHeaderValues(header), placement, sink);
        return bin.read(new BufferedInputStream(adc), roi);
    }

    private static Map<String, String> keptHeaderValues(IfcbHeader header) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String key : KEPT_HEADER_KEYS) {
            header.get(key).filter(v -> !v.isEmpty()).ifPresent(v -> kept.put(HEADER_PREFIX + key, v));
        }
        return kept;
    }

    /** One bin being read: the ADC rows in order, and the position reached in the {@code .roi}. */
    private final class Bin {

        private final IfcbBinName name;
        private final String adcFile;
        private final String roiFile;
        private final String folder;
        private final AdcLayout layout;
        private final Map<String, String> headerValues;
        private final BinPlacement placement;
        private final RoiSink sink;
        private long roiPosition;
        private boolean roiEnded;
        private boolean placementChecked;

        Bin(IfcbBinName name, String base, String folder, AdcLayout layout, Map<String, String> headerValues,
                BinPlacement placement, RoiSink sink) {
            this.name = name;
            this.adcFile = base + ".adc";
            this.roiFile = base + ".roi";
            this.folder = folder;
            this.layout = layout;
            this.headerValues = headerValues;
            this.placement = placement;
            this.sink = sink;
        }

        int read(InputStream adc, InputStream roi) throws IOException {
            int count = 0;
            int line = 0;
            int roiNumber = 0;
            for (String text = adcLine(adc, line + 1); text != null; text = adcLine(adc, line + 1)) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                roiNumber++;
                List<RowProblem> problems = new ArrayList<>();
                Target target = target(text, line, problems);
                byte[] pixels = target == null ? null : pixels(target, line, roi, problems);
                if (pixels != null && !placementChecked) {
                    placementChecked = true;
                    if (placement == null) {
                        sink.problem(new RowProblem(BinPlacements.FILE_NAME, null, "bin", name.stem(), "no row for "
                                + "this bin in " + BinPlacements.FILE_NAME + ": its images have no latitude, "
                                + "longitude or depth"));
                    }
                }
                problems.forEach(sink::problem);
                if (pixels != null) {
                    sink.roi(row(line, roiNumber, target), png(target.width, target.height, pixels));
                    count++;
                }
            }
            return count;
        }

        /** The next ADC line without its line break, or {@code null} at the end of the file. */
        private String adcLine(InputStream adc, int line) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            int b = adc.read();
            if (b < 0) {
                return null;
            }
            while (b >= 0 && b != '\n') {
                if (bytes.size() >= MAX_ADC_LINE_BYTES) {
                    sink.problem(RowProblem.ofField(adcFile, line, null, null, "line longer than "
                            + MAX_ADC_LINE_BYTES + " bytes: this is not an IFCB ADC table; reading stopped"));
                    return null;
                }
                bytes.write(b);
                b = adc.read();
            }
            String text = bytes.toString(StandardCharsets.ISO_8859_1);
            return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        }

        /** The ROI an ADC row describes, or {@code null} when it has none or cannot be read. */
        private Target target(String text, int line, List<RowProblem> problems) {
            List<String> cells = new ArrayList<>(List.of(text.split(",", -1)));
            if (text.stripTrailing().endsWith(",") && cells.size() > 1) {
                cells.remove(cells.size() - 1); // old instruments end every row with a comma
            }
            List<String> columns = layout.columns();
            if (cells.size() != columns.size()) {
                problems.add(RowProblem.ofField(adcFile, line, null, String.valueOf(cells.size()), "this ADC row has "
                        + cells.size() + " values but the " + layout.name() + " layout has " + columns.size()
                        + ", so its ROI cannot be located"));
                return null;
            }
            Map<String, Object> traits = new LinkedHashMap<>();
            Map<String, String> raw = new LinkedHashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                String cell = cells.get(i).strip();
                if (cell.isEmpty()) {
                    continue;
                }
                raw.put(columns.get(i), cell);
                Double value = Decimals.parse(cell);
                if (value == null) {
                    problems.add(RowProblem.ofField(adcFile, line, columns.get(i), cell, "not a number"));
                } else {
                    traits.put(columns.get(i), value);
                }
            }
            Long width = size(traits, raw, layout.roiWidth(), line, problems);
            Long height = size(traits, raw, layout.roiHeight(), line, problems);
            Long start = size(traits, raw, layout.startByte(), line, problems);
            if (width == null || height == null || start == null || width == 0 || height == 0) {
                return null;
            }
            if (width * height > maxRoiPixels) {
                problems.add(RowProblem.ofField(adcFile, line, columns.get(layout.roiWidth()), width + "x" + height,
                        "a ROI of " + width + " × " + height + " pixels is larger than any IFCB image ("
                                + maxRoiPixels + " pixels at most); this ADC row is wrong"));
                return null;
            }
            raw.putAll(headerValues);
            return new Target(width.intValue(), height.intValue(), start, traits, raw);
        }

        /** A width, height or offset: a whole number, 0 or more; {@code null} (and a problem) otherwise. */
        private Long size(Map<String, Object> traits, Map<String, String> raw, int column, int line,
                List<RowProblem> problems) {
            String name = layout.columns().get(column);
            Object value = traits.get(name);
            if (value == null) {
                if (!raw.containsKey(name)) { // an unreadable value is already a problem
                    problems.add(RowProblem.ofField(adcFile, line, name, null,
                            "required to locate the ROI in the .roi file"));
                }
                return null;
            }
            double number = (Double) value;
            if (number < 0 || number != Math.rint(number)
                    || number > (column == layout.startByte() ? Long.MAX_VALUE / 2 : Integer.MAX_VALUE)) {
                problems.add(RowProblem.ofField(adcFile, line, name, raw.get(name), "must be a whole number, 0 or more"
                        + (column == layout.startByte() ? "" : ", at most " + Integer.MAX_VALUE)));
                return null;
            }
            return (long) number;
        }

        /** The ROI's pixels, read from the {@code .roi} after skipping to its offset; {@code null} if impossible. */
        private byte[] pixels(Target target, int line, InputStream roi, List<RowProblem> problems)
                throws IOException {
            int length = target.width * target.height;
            if (target.start < roiPosition) {
                problems.add(RowProblem.ofField(adcFile, line, layout.columns().get(layout.startByte()),
                        String.valueOf(target.start), "this ROI starts before the end of the previous one (byte "
                                + roiPosition + " of the .roi); ROIs must follow each other in the file"));
                return null;
            }
            if (!roiEnded) {
                skip(roi, target.start - roiPosition);
            }
            byte[] pixels = roiEnded ? new byte[0] : roi.readNBytes(length);
            roiPosition += pixels.length;
            if (pixels.length < length) {
                roiEnded = true;
                problems.add(RowProblem.ofField(adcFile, line, layout.columns().get(layout.startByte()),
                        String.valueOf(target.start), "this ROI (" + target.width + " × " + target.height + " = "
                                + length + " bytes from byte " + target.start + ") runs past the end of "
                                + roiFile + ", which has " + roiPosition + " bytes: the .roi file is truncated"));
                return null;
            }
            return pixels;
        }

        private void skip(InputStream roi, long bytes) throws IOException {
            long remaining = bytes;
            while (remaining > 0) {
                long skipped = roi.skip(remaining);
                if (skipped <= 0) {
                    if (roi.read() < 0) {
                        roiEnded = true;
                        return;
                    }
                    skipped = 1;
                }
                remaining -= skipped;
                roiPosition += skipped;
            }
        }

        private SourceRow row(int line, int roiNumber, Target target) {
            String objectId = name.roiId(roiNumber);
            BinPlacement p = placement;
            return new SourceRow(adcFile, line, objectId, folder + objectId + ".png", p == null ? null : p.latitude(),
                    p == null ? null : p.longitude(), p == null ? null : p.depth(), p == null ? null : p.depth(),
                    p == null ? null : p.altitude(), name.timestamp(), p == null ? null : p.pixelSizeUm(),
                    INSTRUMENT, name.stem(), null, null, Collections.unmodifiableMap(target.traits),
                    Collections.unmodifiableMap(target.raw));
        }
    }

    private record Target(int width, int height, long start, Map<String, Object> traits, Map<String, String> raw) {
    }

    /** An 8-bit gray PNG of the pixels, row after row ({@code width} bytes each), as the .roi stores them. */
    static byte[] png(int width, int height, byte[] pixels) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(pixels, 0, data, 0, pixels.length);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IllegalStateException("no PNG writer in this Java runtime");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream out = new ByteArrayOutputStream(pixels.length / 2 + 128);
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(new IIOImage(image, null, null));
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
