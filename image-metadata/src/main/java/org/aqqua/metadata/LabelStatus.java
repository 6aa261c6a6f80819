package org.aqqua.metadata;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** How sure the label is, in EcoTaxa's terms: predicted by a classifier, validated by a person, or dubious. */
public enum LabelStatus {
    PREDICTED, VALIDATED, DUBIOUS;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static LabelStatus fromWireName(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName().equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown label status '" + value
                        + "', expected predicted, validated or dubious"));
    }
}
