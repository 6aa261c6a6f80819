package org.aqqua.metadata.ifcb;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of an IFCB bin, which is also when it was sampled (UTC) and by which instrument:
 * {@code DYYYYMMDDTHHMMSS_IFCBnnn} for instruments since 2010 ({@link Style#NEW}, e.g.
 * {@code D20130526T095207_IFCB013}) and {@code IFCBn_YYYY_DDD_HHMMSS} (year, day of the year, time) for the first
 * instruments ({@link Style#OLD}, e.g. {@code IFCB5_2012_028_081515}). The style also decides the ADC column
 * layout ({@link AdcLayout}).
 *
 * @param stem       the bin id, without folder or extension
 * @param instrument the instrument number ({@code 13} for {@code IFCB013})
 */
public record IfcbBinName(String stem, Instant timestamp, int instrument, Style style) {

    public enum Style {
        /** {@code IFCBn_YYYY_DDD_HHMMSS}: ADC schema version 1. */
        OLD,
        /** {@code DYYYYMMDDTHHMMSS_IFCBnnn}: ADC schema version 2. */
        NEW
    }

    private static final Pattern NEW_NAME =
            Pattern.compile("D(\\d{4})(\\d{2})(\\d{2})T(\\d{2})(\\d{2})(\\d{2})_IFCB(\\d{1,6})");
    private static final Pattern OLD_NAME =
            Pattern.compile("IFCB(\\d{1,6})_(\\d{4})_(\\d{3})_(\\d{2})(\\d{2})(\\d{2})");
    private static final Pattern BIN_EXTENSION = Pattern.compile("\\.(adc|hdr|roi)$", Pattern.CASE_INSENSITIVE);

    /**
     * The bin a file name names: a bin id, optionally with a folder and a {@code .adc}, {@code .hdr} or
     * {@code .roi} extension. Empty for anything else (also for impossible dates such as day 366 of 2013), and for
     * the names of single ROIs ({@code D20130526T095207_IFCB013_00007.png}).
     */
    public static Optional<IfcbBinName> parse(String fileName) {
        String name = fileName.substring(fileName.replace('\\', '/').lastIndexOf('/') + 1);
        String stem = BIN_EXTENSION.matcher(name).replaceFirst("");
        try {
            Matcher m = NEW_NAME.matcher(stem);
            if (m.matches()) {
                LocalDateTime time = LocalDateTime.of(num(m, 1), num(m, 2), num(m, 3), num(m, 4), num(m, 5),
                        num(m, 6));
                return Optional.of(new IfcbBinName(stem, time.toInstant(ZoneOffset.UTC), num(m, 7), Style.NEW));
            }
            m = OLD_NAME.matcher(stem);
            if (m.matches()) {
                LocalDateTime time = LocalDate.ofYearDay(num(m, 2), num(m, 3))
                        .atTime(LocalTime.of(num(m, 4), num(m, 5), num(m, 6)));
                return Optional.of(new IfcbBinName(stem, time.toInstant(ZoneOffset.UTC), num(m, 1), Style.OLD));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The IFCB id of one of this bin's ROIs: the bin id and the ROI number in 5 digits. */
    public String roiId(int roiNumber) {
        return String.format("%s_%05d", stem, roiNumber);
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
