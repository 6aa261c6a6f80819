package org.aqqua.metadata.ifcb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values of an IFCB {@code .hdr} file, by key (keys compared ignoring case: instruments write both
 * {@code softwareVersion} and {@code SoftwareVersion}), values trimmed but otherwise as written. Three forms
 * exist (as pyifcb reads them):
 * <ul>
 * <li>instruments since 2010: a first line {@code softwareVersion: ...}, then {@code key: value} lines;</li>
 * <li>the first instruments: quoted lines, of which the first is the software version, lines
 * {@code "key = value"}, and the last two a line of column names ({@code Temp Humidity BinarizeThresh
 * PMT1hv(ssc) PMT2hv(chl) BlobSizeThresh}) and a line of their values, read under pyifcb's names
 * ({@code temperature}, {@code humidity}, {@code binarizeThreshold}, {@code scatteringPhotomultiplierSetting},
 * {@code fluorescencePhotomultiplierSetting}, {@code blobSizeThreshold});</li>
 * <li>a 2010 variant whose second line starts {@code Sample Date}: {@code run time = X s inhibit time = Y} and
 * {@code X temperature, Y humidity} lines.</li>
 * </ul>
 * The software version line is always kept as {@code softwareVersion}.
 */
public final class IfcbHeader {

    /** A header is a few kilobytes; anything this large is not one, and the rest is not read. */
    static final int MAX_BYTES = 1 << 20;

    private static final Map<String, String> OLD_COLUMNS = Map.of("Temp", "temperature", "Humidity", "humidity",
            "BinarizeThresh", "binarizeThreshold", "PMT1hv(ssc)", "scatteringPhotomultiplierSetting",
            "PMT2hv(chl)", "fluorescencePhotomultiplierSetting", "BlobSizeThresh", "blobSizeThreshold");
    private static final Pattern RUN_TIME =
            Pattern.compile("^run time = ([\\d.]+) s\\s+inhibit time = ([\\d.]+).*");
    private static final Pattern TEMPERATURE = Pattern.compile("^([\\d.]+) temperature,\\s+([\\d.]+) humidity.*");
    private static final Pattern SOFTWARE_VERSION = Pattern.compile("^[Ss]oftwareVersion:\\s*(.*)");

    private final Map<String, String> values;
    private final boolean truncated;

    private IfcbHeader(Map<String, String> values, boolean truncated) {
        this.values = Collections.unmodifiableMap(values);
        this.truncated = truncated;
    }

    /** An empty header: no values. */
    public static IfcbHeader empty() {
        return new IfcbHeader(new TreeMap<>(String.CASE_INSENSITIVE_ORDER), false);
    }

    /** Reads a header (ASCII text; any byte is accepted) of at most {@value #MAX_BYTES} bytes. */
    public static IfcbHeader read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        boolean truncated = bytes.length > MAX_BYTES;
        String text = new String(bytes, 0, Math.min(bytes.length, MAX_BYTES), StandardCharsets.ISO_8859_1);
        return new IfcbHeader(parse(text.lines().map(String::strip).toList()), truncated);
    }

    /** The value of a key (any case), as written without surrounding white space. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** Every value, by key (lookups ignore case). */
    public Map<String, String> values() {
        return values;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Whether the file was larger than {@value #MAX_BYTES} bytes and only its beginning was read. */
    public boolean truncated() {
        return truncated;
    }

    private static Map<String, String> parse(List<String> lines) {
        Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (lines.stream().allMatch(String::isEmpty)) {
            return values;
        }
        Matcher version = SOFTWARE_VERSION.matcher(lines.get(0));
        if (version.matches()) {
            values.put("softwareVersion", version.group(1).strip());
            for (String line : lines.subList(1, lines.size())) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    values.putIfAbsent(line.substring(0, colon).strip(), line.substring(colon + 2).strip());
                }
            }
            return values;
        }
        values.put("softwareVersion", unquote(lines.get(0)));
        if (lines.size() > 1 && unquote(lines.get(1)).startsWith("Sample Date")) {
            for (String line : lines) {
                Matcher m = RUN_TIME.matcher(line);
                if (m.matches()) {
                    values.put("runTime", m.group(1));
                    values.put("inhibitTime", m.group(2));
                }
                m = TEMPERATURE.matcher(line);
                if (m.matches()) {
                    values.put("temperature", m.group(1));
                    values.put("humidity", m.group(2));
                }
            }
            return values;
        }
        for (String line : lines.subList(1, lines.size())) {
            String unquoted = unquote(line);
            int equals = unquoted.indexOf(" = ");
            if (equals > 0) {
                values.putIfAbsent(unquoted.substring(0, equals).strip(), unquoted.substring(equals + 3).strip());
            }
        }
        if (lines.size() >= 6) {
            String[] names = unquote(lines.get(lines.size() - 2)).split(" +");
            String[] cells = lines.get(lines.size() - 1).replace("\"", " ").replace(",", " ").strip().split(" +");
            for (int i = 0; i < Math.min(names.length, cells.length); i++) {
                if (!names[i].isEmpty() && !cells[i].isEmpty()) {
                    values.putIfAbsent(OLD_COLUMNS.getOrDefault(names[i], names[i]), cells[i]);
                }
            }
        }
        return values;
    }

    private static String unquote(String line) {
        String s = line.strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s.strip();
    }
}
