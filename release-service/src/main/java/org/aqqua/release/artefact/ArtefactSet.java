package org.aqqua.release.artefact;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.aqqua.catalog.client.CatalogAttribution;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The artefacts of one dataset's release: where they are, what they are, and whether the public may have them. */
@Entity
@Table(name = "artefact_set")
public class ArtefactSet extends PanacheEntityBase {

    @Id
    @Column(name = "dataset_id")
    public UUID datasetId;

    @Column(nullable = false)
    public String prefix;

    @Column(name = "release_instant", nullable = false)
    public Instant releaseInstant;

    @Column(name = "built_for_updated_at", nullable = false)
    public Instant builtForUpdatedAt;

    @Column(name = "built_at", nullable = false)
    public Instant builtAt;

    @Column(name = "image_count", nullable = false)
    public long imageCount;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Artefact> files = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public CatalogAttribution attribution;

    @Column(nullable = false)
    public String doi;

    @Column(nullable = false)
    public String citation;

    @Column(name = "schema_org", nullable = false)
    public String schemaOrg;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    /** Every set the public may have at {@code now}: published by then and not withdrawn. */
    public static List<ArtefactSet> allPublicAt(Instant now) {
        return list("publishedAt <= ?1 and withdrawnAt is null", now);
    }

    /** Whether the public may download the files at {@code now}. */
    public boolean publicAt(Instant now) {
        return publishedBy(now) && withdrawnAt == null;
    }

    /** Whether the release published these files by {@code now} (withdrawn or not: a tombstone needs it too). */
    public boolean publishedBy(Instant now) {
        return publishedAt != null && !publishedAt.isAfter(now);
    }
}
