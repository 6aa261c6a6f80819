package org.aqqua.ingest.upload;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A resumable upload of one archive: an S3 multipart upload the client fills part by part. */
@Entity
@Table(name = "upload")
public class Upload extends PanacheEntityBase {

    public enum State { open, completed, aborted }

    @Id
    public UUID id;

    @Column(name = "dataset_id", nullable = false)
    public UUID datasetId;

    @Column(name = "owner_subject", nullable = false)
    public String ownerSubject;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(name = "part_size", nullable = false)
    public long partSize;

    @Column(name = "part_count", nullable = false)
    public int partCount;

    @Column(nullable = false)
    public String bucket;

    @Column(name = "object_key", nullable = false)
    public String objectKey;

    @Column(name = "s3_upload_id", nullable = false)
    public String s3UploadId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    /** The job that ingests the assembled archive, once the upload is completed. */
    @Column(name = "job_id")
    public UUID jobId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static List<Upload> forDataset(UUID datasetId) {
        return list("datasetId = ?1 order by createdAt desc", datasetId);
    }
}
