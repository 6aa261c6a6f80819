package org.aqqua.ingest.upload;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One part of an upload that its client reported as sent, with the ETag S3 gave it. */
@Entity
@Table(name = "upload_part")
public class UploadPart extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "upload_id") UUID uploadId, @Column(name = "part_number") int partNumber)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public String etag;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public static List<UploadPart> of(UUID uploadId) {
        return list("key.uploadId = ?1 order by key.partNumber", uploadId);
    }
}
