package org.aqqua.release.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.aqqua.catalog.client.CatalogReleaseFacts;

/**
 * The release rule of issue 6, pure so that it can be tested at any instant: a dataset is released at {@code T}
 * when {@code T} is at or after its embargo, its sharing agreement holds all three mandatory permissions, its
 * ingest is complete (status ready) and it is not withdrawn. A dataset released before stays released.
 *
 * <p>The configured release instant is a floor under every embargo: a dataset whose embargo_until is earlier (a
 * row written by hand or before the instant was configured) is still not released before the release instant.
 */
public final class ReleasePolicy {

    public static final String MODEL_DEVELOPMENT = "model-development";
    public static final String PUBLIC_RELEASE = "public-release";
    public static final String MODEL_RELEASE = "model-release";

    private final Instant releaseInstant;

    public ReleasePolicy(Instant releaseInstant) {
        this.releaseInstant = Objects.requireNonNull(releaseInstant);
    }

    public Instant releaseInstant() {
        return releaseInstant;
    }

    /** The instant from which the dataset may be public: its embargo, never earlier than the release instant. */
    public Instant embargoOf(CatalogReleaseFacts dataset) {
        Instant embargo = dataset.embargoUntil();
        return embargo == null || embargo.isBefore(releaseInstant) ? releaseInstant : embargo;
    }

    public ReleaseDecision decide(CatalogReleaseFacts dataset, Instant asOf) {
        String status = dataset.status();
        if ("released".equals(status)) {
            return new ReleaseDecision(ReleaseDecision.Verdict.ALREADY_RELEASED, List.of());
        }
        List<String> reasons = new ArrayList<>();
        Instant embargo = embargoOf(dataset);
        if (asOf.isBefore(embargo)) {
            reasons.add("embargo until " + embargo);
        }
        if ("withdrawn".equals(status)) {
            String why = dataset.statusReason();
            reasons.add(why == null || why.isBlank() ? "withdrawn" : "withdrawn: " + why.strip());
        } else if (!"ready".equals(status)) {
            reasons.add("ingest not complete (status " + status + ")");
        }
        if (dataset.agreementId() == null) {
            reasons.add("no sharing agreement: permissions " + MODEL_DEVELOPMENT + ", " + PUBLIC_RELEASE + ", "
                    + MODEL_RELEASE + " not on record");
        } else {
            lacking(reasons, dataset.permitsModelDevelopment(), MODEL_DEVELOPMENT);
            lacking(reasons, dataset.permitsPublicRelease(), PUBLIC_RELEASE);
            lacking(reasons, dataset.permitsModelRelease(), MODEL_RELEASE);
        }
        return reasons.isEmpty() ? new ReleaseDecision(ReleaseDecision.Verdict.RELEASE, List.of())
                : new ReleaseDecision(ReleaseDecision.Verdict.WITHHELD, reasons);
    }

    private static void lacking(List<String> reasons, Boolean permitted, String permission) {
        if (!Boolean.TRUE.equals(permitted)) {
            reasons.add("agreement lacks permission " + permission);
        }
    }
}
