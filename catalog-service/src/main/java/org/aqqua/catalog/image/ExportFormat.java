package org.aqqua.catalog.image;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The formats an image selection is exported in: training manifests (CSV, JSON Lines, Parquet), EcoTaxa's table. */
public enum ExportFormat {
    CSV("text/csv; charset=UTF-8", "csv"),
    JSONL("application/x-ndjson", "jsonl"),
    ECOTAXA("text/tab-separated-values; charset=UTF-8", "tsv"),
    PARQUET("application/vnd.apache.parquet", "parquet");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String fileName() {
        return this == ECOTAXA ? "ecotaxa_aqqua_export.tsv" : "aqqua_images." + extension;
    }

    /** The names clients give: csv, jsonl, ecotaxa, parquet. */
    public static final Set<String> NAMES = Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());

    public static ExportFormat parse(String value) {
        return Arrays.stream(values()).filter(f -> f.name().toLowerCase(Locale.ROOT).equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of " + new TreeSet<>(NAMES)));
    }
}
