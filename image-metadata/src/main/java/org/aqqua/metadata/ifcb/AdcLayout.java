package org.aqqua.metadata.ifcb;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of an IFCB {@code .adc} file (no header row; one row per trigger) and where the ROI's width, height
 * and byte offset in the {@code .roi} are. Column names follow pyifcb's {@code ifcb/data/adc.py} schemas, in
 * camel case; they become the traits and raw keys of every ROI:
 * <ul>
 * <li>{@link #V1} (old-style bins {@code IFCBn_YYYY_DDD_HHMMSS}), 15 columns, rows end with a comma:
 * {@code trigger, processingEndTime, fluorescenceLow, fluorescenceHigh, scatteringLow, scatteringHigh,
 * comparatorPulse, triggerOpenTime, frameGrabTime, roiX, roiY, roiWidth, roiHeight, startByte, valveStatus};</li>
 * <li>{@link #V2} (new-style bins {@code DYYYYMMDDTHHMMSS_IFCBnnn}), 24 columns:
 * {@code trigger, adcTime, pmtA, pmtB, pmtC, pmtD, peakA, peakB, peakC, peakD, timeOfFlight, grabTimeStart,
 * grabTimeEnd, roiX, roiY, roiWidth, roiHeight, startByte, comparatorOut, startPoint, signalLength, status,
 * runTime, inhibitTime}.</li>
 * </ul>
 * A new-style header may list the columns itself ({@code ADCFileFormat: trigger#, ADCtime, PMTA, ...}). When that
 * list agrees with {@link #V2} (24 columns, RoiWidth, RoiHeight and StartByte at positions 16 to 18, compared
 * ignoring case and punctuation) V2 is used; when it differs its own names and positions are used.
 *
 * @param roiWidth  0-based column of the ROI width (pixels per image row)
 * @param roiHeight 0-based column of the ROI height (image rows)
 * @param startByte 0-based column of the ROI's first byte in the {@code .roi} file
 */
public record AdcLayout(String name, List<String> columns, int roiWidth, int roiHeight, int startByte) {

    public static final AdcLayout V1 = new AdcLayout("v1", List.of("trigger", "processingEndTime",
            "fluorescenceLow", "fluorescenceHigh", "scatteringLow", "scatteringHigh", "comparatorPulse",
            "triggerOpenTime", "frameGrabTime", "roiX", "roiY", "roiWidth", "roiHeight", "startByte",
            "valveStatus"), 11, 12, 13);

    public static final AdcLayout V2 = new AdcLayout("v2", List.of("trigger", "adcTime", "pmtA", "pmtB", "pmtC",
            "pmtD", "peakA", "peakB", "peakC", "peakD", "timeOfFlight", "grabTimeStart", "grabTimeEnd", "roiX",
            "roiY", "roiWidth", "roiHeight", "startByte", "comparatorOut", "startPoint", "signalLength", "status",
            "runTime", "inhibitTime"), 15, 16, 17);

    /** The header key that lists a new-style instrument's ADC columns. */
    public static final String ADC_FILE_FORMAT = "ADCFileFormat";

    public AdcLayout {
        columns = List.copyOf(columns);
    }

    /**
     * The layout of a bin's ADC file: by its name's style, or by the header's {@value #ADC_FILE_FORMAT} when a
     * new-style header lists other columns. Empty when that list lacks a width, height or start byte column.
     */
    public static Optional<AdcLayout> of(IfcbBinName bin, IfcbHeader header) {
        if (bin.style() == IfcbBinName.Style.OLD) {
            return Optional.of(V1);
        }
        Optional<String> format = header.get(ADC_FILE_FORMAT).filter(f -> !f.isBlank());
        if (format.isEmpty()) {
            return Optional.of(V2);
        }
        List<String> written = new ArrayList<>();
        for (String column : format.get().split(",")) {
            written.add(column.strip());
        }
        List<String> keys = written.stream().map(AdcLayout::key).toList();
        int width = keys.indexOf("roiwidth");
        int height = keys.indexOf("roiheight");
        int start = keys.indexOf("startbyte");
        if (width < 0 || height < 0 || start < 0) {
            return Optional.empty();
        }
        if (written.size() == V2.columns.size() && width == V2.roiWidth && height == V2.roiHeight
                && start == V2.startByte) {
            return Optional.of(V2);
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            String name = written.get(i).isEmpty() ? "column" + (i + 1) : written.get(i);
            names.add(names.contains(name) ? name + "_" + (i + 1) : name);
        }
        return Optional.of(new AdcLayout(ADC_FILE_FORMAT, names, width, height, start));
    }

    private static String key(String column) {
        return column.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
