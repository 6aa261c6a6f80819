package org.aqqua.catalog.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Body of a dataset state change: {@code status} is a wire name (receiving, ready, released, withdrawn).
 * {@code expectedEmbargoUntil}, when set, is a precondition: the catalog refuses the change (409) if the dataset's
 * embargo is no longer that instant (a curator postponed it after the caller read it).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusChangeRequest(String status, String reason, Instant expectedEmbargoUntil) {

    public StatusChangeRequest(String status, String reason) {
        this(status, reason, null);
    }
}
