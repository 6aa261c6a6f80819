package org.aqqua.catalog.image;

import org.aqqua.metadata.LabelStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.aqqua.runtime.problem.FieldError;
import org.aqqua.runtime.problem.ProblemException;

/**
 * The filters of image search, statistics and exports, parsed from query parameters. Every problem is reported
 * at once, naming the parameter and its value; an unknown parameter is refused rather than silently ignored.
 */
public record ImageFilter(List<UUID> datasets, BoundingBox bbox, Instant from, Instant to, Double depthMin,
        Double depthMax, List<String> instruments, List<String> labels, LabelStatus labelStatus, Boolean labelled) {

    public static final Set<String> PARAMETERS = Set.of("dataset", "bbox", "from", "to", "depthMin", "depthMax",
            "instrument", "label", "labelStatus", "labelled");

    /**
     * Parses the filter parameters of {@code query}; {@code otherParameters} are those the endpoint takes besides
     * (paging, grouping, format). Anything else is a 400.
     */
    public static ImageFilter parse(Map<String, List<String>> query, Set<String> otherParameters) {
        List<FieldError> errors = new ArrayList<>();
        new TreeMap<>(query).forEach((name, values) -> {
            if (!PARAMETERS.contains(name) && !otherParameters.contains(name)) {
                errors.add(FieldError.of(name, String.join(",", values), "unknown parameter; known are "
                        + new java.util.TreeSet<>(union(otherParameters))));
            }
        });
        Parser parser = new Parser(query, errors);
        List<UUID> datasets = parser.all("dataset", UUID::fromString, "must be a dataset id (UUID)");
        BoundingBox bbox = parser.one("bbox", BoundingBox::parse, null);
        Instant from = parser.one("from", Instant::parse, "must be an ISO 8601 instant such as 2020-01-01T00:00:00Z");
        Instant to = parser.one("to", Instant::parse, "must be an ISO 8601 instant such as 2021-01-01T00:00:00Z");
        Double depthMin = parser.one("depthMin", ImageFilter::depth, null);
        Double depthMax = parser.one("depthMax", ImageFilter::depth, null);
        List<String> instruments = parser.all("instrument", String::strip, null);
        List<String> labels = parser.all("label", String::strip, null);
        LabelStatus labelStatus = parser.one("labelStatus", LabelStatus::fromWireName, null);
        Boolean labelled = parser.one("labelled", ImageFilter::bool, null);
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(FieldError.of("from", from, "must be before to (" + to + ")"));
        }
        if (depthMin != null && depthMax != null && depthMin > depthMax) {
            errors.add(FieldError.of("depthMin", depthMin, "must not be greater than depthMax (" + depthMax + ")"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("Invalid query parameter(s): " + errors.stream()
                    .map(FieldError::field).distinct().reduce((a, b) -> a + ", " + b).orElse("") + ".", errors);
        }
        return new ImageFilter(datasets, bbox, from, to, depthMin, depthMax, instruments, labels, labelStatus,
                labelled);
    }

    /** A stable text of the filter, so that a cursor can be tied to the filters it was issued for. */
    public String fingerprint() {
        return String.join("|", String.valueOf(datasets), String.valueOf(bbox), String.valueOf(from),
                String.valueOf(to), String.valueOf(depthMin), String.valueOf(depthMax), String.valueOf(instruments),
                String.valueOf(labels), String.valueOf(labelStatus), String.valueOf(labelled));
    }

    private static Set<String> union(Set<String> other) {
        Set<String> all = new java.util.HashSet<>(PARAMETERS);
        all.addAll(other);
        return all;
    }

    private static double depth(String value) {
        double depth;
        try {
            depth = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a depth in metres, 0 or more");
        }
        if (!(depth >= 0) || Double.isInfinite(depth)) {
            throw new IllegalArgumentException("must be a depth in metres, 0 or more");
        }
        return depth;
    }

    private static boolean bool(String value) {
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("must be true or false");
        }
        return Boolean.parseBoolean(value);
    }

    /** Reads parameters, collecting errors instead of stopping at the first. */
    private record Parser(Map<String, List<String>> query, List<FieldError> errors) {

        <T> T one(String name, Function<String, T> parse, String message) {
            List<T> values = all(name, parse, message);
            if (values.size() > 1) {
                errors.add(FieldError.of(name, String.join(",", query.get(name)), "give it at most once"));
                return null;
            }
            return values.isEmpty() ? null : values.get(0);
        }

        <T> List<T> all(String name, Function<String, T> parse, String message) {
            List<T> parsed = new ArrayList<>();
            for (String value : query.getOrDefault(name, List.of())) {
                try {
                    parsed.add(parse.apply(value));
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    errors.add(FieldError.of(name, value, message != null || e.getMessage() == null ? message
                            : e.getMessage()));
                }
            }
            return parsed;
        }
    }
}
