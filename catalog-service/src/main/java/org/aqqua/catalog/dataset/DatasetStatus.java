package org.aqqua.catalog.dataset;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.aqqua.runtime.problem.FieldError;
import org.aqqua.runtime.problem.ProblemException;

/**
 * Life cycle of a dataset. Ingest moves it between draft, receiving and ready; release moves a ready dataset to
 * released; a curator may withdraw it at any time. Released and withdrawn are final except that a released
 * dataset can still be withdrawn.
 */
public enum DatasetStatus {
    DRAFT, RECEIVING, READY, RELEASED, WITHDRAWN;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static DatasetStatus fromWireName(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown status '" + value + "', expected one of "
                        + Arrays.stream(values()).map(DatasetStatus::wireName).toList()));
    }

    /**
     * A {@code status} query parameter, read as text so that a bad one is a 400 naming it (JAX-RS would answer a
     * failed conversion with 404); absent or blank is no filter.
     */
    public static Optional<DatasetStatus> parameter(String wireName) {
        if (wireName == null || wireName.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(fromWireName(wireName));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("status is not a dataset status.",
                    List.of(FieldError.of("status", wireName, e.getMessage())));
        }
    }

    public Set<DatasetStatus> successors() {
        return switch (this) {
            case DRAFT -> EnumSet.of(RECEIVING, WITHDRAWN);
            case RECEIVING -> EnumSet.of(READY, DRAFT, WITHDRAWN);
            case READY -> EnumSet.of(RECEIVING, RELEASED, WITHDRAWN);
            case RELEASED -> EnumSet.of(WITHDRAWN);
            case WITHDRAWN -> EnumSet.noneOf(DatasetStatus.class);
        };
    }

    public boolean canMoveTo(DatasetStatus next) {
        return this == next || successors().contains(next);
    }
}
