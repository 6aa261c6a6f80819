package org.aqqua.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Realistic image rows, reproducible from a seed: many datasets, each with one instrument and a cruise area
 * somewhere on the globe, 20 years of observations, depths down to 2000 m, 30% labelled with common taxa.
 */
final class ImageRowGenerator {

    static final List<String> INSTRUMENTS = List.of("UVP5HD", "UVP5SD", "UVP6", "Zooscan", "IFCB", "FlowCam",
            "PlanktoScope", "CPICS", "ISIIS", "LISST-Holo", "VPR", "Loki", "CytoSense");
    static final List<String> LABELS = List.of("Copepoda", "Calanoida", "Oithona", "Chaetognatha", "Appendicularia",
            "Ostracoda", "Euphausiacea", "Diatoms", "Dinoflagellata", "Rhizaria", "Acantharea", "Foraminifera",
            "Trichodesmium", "Cnidaria", "Pteropoda", "detritus", "fiber", "bubble", "badfocus", "artefact");
    private static final long START = LocalDate.of(2005, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    private static final long SPAN = LocalDate.of(2025, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() - START;

    /** One dataset's character: where and with what it was sampled. */
    record DatasetProfile(int index, String instrument, double centerLat, double centerLon, long firstSecond,
            long spanSeconds) {
    }

    record Row(String objectId, String sha256, long bytes, int width, int height, double pixelSize, double lat,
            double lon, double depthMin, double depthMax, Instant observedAt, String instrument, String sampleId,
            String label, String labelStatus) {
    }

    static DatasetProfile profile(int index) {
        SplittableRandom random = new SplittableRandom(1_000_003L * index);
        long first = START + random.nextLong(SPAN - 86_400L * 365);
        return new DatasetProfile(index, INSTRUMENTS.get(random.nextInt(INSTRUMENTS.size())),
                random.nextDouble(-75, 75), random.nextDouble(-180, 180), first, 86_400L * random.nextInt(10, 365));
    }

    /** Row {@code n} of a dataset; the SHA-256 is unique across the whole run (dataset index and n). */
    static Row row(DatasetProfile dataset, long n) {
        SplittableRandom random = new SplittableRandom(dataset.index() * 1_000_000_007L + n);
        double lat = clamp(dataset.centerLat() + random.nextDouble(-5, 5), -90, 90);
        double lon = wrap(dataset.centerLon() + random.nextDouble(-8, 8));
        double depthMin = random.nextDouble() < 0.8 ? random.nextDouble(0, 200) : random.nextDouble(200, 2000);
        boolean labelled = random.nextDouble() < 0.3;
        String label = labelled ? LABELS.get((int) Math.min(LABELS.size() - 1,
                Math.abs(random.nextGaussian()) * 5)) : null;
        return new Row("obj-" + n, String.format("%016x%016x%016x%016x", dataset.index(), n, ~n, n * 31L + 7),
                2_000 + random.nextInt(60_000), 20 + random.nextInt(900), 20 + random.nextInt(900),
                dataset.instrument().startsWith("UVP") ? 73 : 1 + random.nextDouble(0, 20), lat, lon,
                depthMin, depthMin + random.nextDouble(0, 5),
                Instant.ofEpochSecond(dataset.firstSecond() + random.nextLong(dataset.spanSeconds())),
                dataset.instrument(), "cast-" + (n / 500), label,
                labelled ? (random.nextDouble() < 0.7 ? "validated" : "predicted") : null);
    }

    /** The row as a line of the catalog's internal NDJSON registration API. */
    static String ndjson(Row r) {
        StringBuilder s = new StringBuilder(420);
        s.append("{\"objectId\":\"").append(r.objectId()).append("\",\"sha256\":\"").append(r.sha256())
                .append("\",\"storageKey\":\"sha256/").append(r.sha256(), 0, 2).append('/').append(r.sha256())
                .append("\",\"bytes\":").append(r.bytes()).append(",\"width\":").append(r.width())
                .append(",\"height\":").append(r.height()).append(",\"format\":\"png\",\"pixelSizeUm\":")
                .append(r.pixelSize()).append(",\"latitude\":").append(r.lat()).append(",\"longitude\":")
                .append(r.lon()).append(",\"depthMin\":").append(r.depthMin()).append(",\"depthMax\":")
                .append(r.depthMax()).append(",\"observedAt\":\"").append(r.observedAt())
                .append("\",\"instrument\":\"").append(r.instrument()).append("\",\"sampleId\":\"")
                .append(r.sampleId()).append('"');
        if (r.label() != null) {
            s.append(",\"label\":\"").append(r.label()).append("\",\"labelStatus\":\"").append(r.labelStatus())
                    .append('"');
        }
        return s.append("}\n").toString();
    }

    /** The same row as a line of PostgreSQL COPY text for the image table's columns (the raw baseline). */
    static String copyText(java.util.UUID datasetId, Row r) {
        return datasetId + "\t" + r.objectId() + "\t" + r.sha256() + "\tsha256/" + r.sha256().substring(0, 2) + "/"
                + r.sha256() + "\t" + r.bytes() + "\t" + r.width() + "\t" + r.height() + "\tpng\t" + r.pixelSize()
                + "\t" + r.lat() + "\t" + r.lon() + "\t" + r.depthMin() + "\t" + r.depthMax() + "\t\\N\t"
                + r.observedAt() + "\t" + r.instrument() + "\t" + r.sampleId() + "\t"
                + (r.label() == null ? "\\N" : r.label()) + "\t" + (r.labelStatus() == null ? "\\N" : r.labelStatus())
                + "\t\\N\t\\N\n";
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    private static double wrap(double lon) {
        return lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon;
    }
}
