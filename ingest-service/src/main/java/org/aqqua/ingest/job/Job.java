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
import java.util.function.Function;

/** One source (archive, landing prefix, EcoTaxa project) being ingested into one dataset: state, progress, outcome. */
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

    @Convert(converter = SourceKindColumn.class)
    @Column(name = "source_kind", nullable = false)
    public SourceKind sourceKind;

    /** The staged archive's bucket, or the landing bucket. */
    @Column(name = "source_bucket")
    public String sourceBucket;

    /** The staged archive's key, or the landing prefix. */
    @Column(name = "source_key")
    public String sourceKey;

    @Column(name = "ecotaxa_project_id")
    public Long ecotaxaProjectId;

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

    /** An enum stored as its wire name, the same text the API shows and the table's check constraint lists. */
    abstract static class WireNameColumn<E> implements AttributeConverter<E, String> {
        private final Function<E, String> toColumn;
        private final Function<String, E> fromColumn;

        WireNameColumn(Function<E, String> toColumn, Function<String, E> fromColumn) {
            this.toColumn = toColumn;
            this.fromColumn = fromColumn;
        }

        @Override
        public String convertToDatabaseColumn(E value) {
            return value == null ? null : toColumn.apply(value);
        }

        @Override
        public E convertToEntityAttribute(String value) {
            return value == null ? null : fromColumn.apply(value);
        }
    }

    @Converter
    static class StateColumn extends WireNameColumn<JobState> {
        StateColumn() {
            super(JobState::wireName, JobState::fromWireName);
        }
    }

    @Converter
    static class SourceKindColumn extends WireNameColumn<SourceKind> {
        SourceKindColumn() {
            super(SourceKind::wireName, SourceKind::fromWireName);
        }
    }

    @Converter
    static class PolicyColumn extends WireNameColumn<JobPolicy> {
        PolicyColumn() {
            super(JobPolicy::wireName, value -> JobPolicy.fromWireName(value).orElseThrow());
        }
    }
}
