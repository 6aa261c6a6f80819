package org.aqqua.release.scheduler;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The release claim of one dataset (see V2__dataset_release.sql). */
@Entity
@Table(name = "dataset_release")
public class DatasetRelease extends PanacheEntityBase {

    public static final String PENDING = "pending";
    public static final String RELEASED = "released";

    @Id
    @Column(name = "dataset_id")
    public UUID datasetId;

    @Column(nullable = false)
    public String state;

    @Column(name = "embargo_until", nullable = false)
    public Instant embargoUntil;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    @Column(name = "released_by")
    public String releasedBy;

    @Column(name = "released_at")
    public Instant releasedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
