package org.aqqua.ingest.job;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One archive being ingested into one dataset: its state, progress counters and outcome. */
@Entity
@Table(name = "job")
public class Job extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "dataset_id", nullable = false)
    public UUID datasetId;

    @Column(name = "submitter_subject", nullable = false)
    public String submitterSubject;

    @Convert(converter = PolicyColumn.class)
    @Column(nullable = false)
    public JobPolicy policy;

    @Convert(converter = StateColumn.class)
    @Column(nullable = false)
    public JobState state;

    @Column(name = "source_name")
    public String sourceName;

    @Column(name = "archive_bucket", nullable = false)
    public String archiveBucket;

    @Column(name = "archive_key", nullable = false)
    public String archiveKey;

    @Column(name = "archive_bytes", nullable = false)
    public long archiveBytes;

    @Column(name = "archive_sha256")
    public String archiveSha256;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public int attempts;

    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "cancel_requested")
    public boolean cancelRequested;

    @Column(name = "bytes_read")
    public long bytesRead;

    @Column(name = "rows_checked")
    public long rowsChecked;

    @Column(name = "rows_valid")
    public long rowsValid;

    @Column(name = "rows_invalid")
    public long rowsInvalid;

    @Column(name = "images_stored")
    public long imagesStored;

    @Column(name = "duplicate_images")
    public long duplicateImages;

    @Column(name = "rows_registered")
    public long rowsRegistered;

    @Column(name = "rows_already_held")
    public long rowsAlreadyHeld;

    @Column(name = "problem_count")
    public long problemCount;

    public String failure;

    @Column(name = "cleaned_up")
    public boolean cleanedUp;

    @Converter
    static class StateColumn implements AttributeConverter<JobState, String> {
        @Override
        public String convertToDatabaseColumn(JobState state) {
            return state == null ? null : state.wireName();
        }

        @Override
        public JobState convertToEntityAttribute(String value) {
            return value == null ? null : JobState.fromWireName(value);
        }
    }

    @Converter
    static class PolicyColumn implements AttributeConverter<JobPolicy, String> {
        @Override
        public String convertToDatabaseColumn(JobPolicy policy) {
            return policy == null ? null : policy.wireName();
        }

        @Override
        public JobPolicy convertToEntityAttribute(String value) {
            return value == null ? null : JobPolicy.fromWireName(value).orElseThrow();
        }
    }
}
