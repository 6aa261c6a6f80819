package org.aqqua.catalog.dataset;

import org.aqqua.metadata.Instrument;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.aqqua.catalog.agreement.DataOwner;
import org.aqqua.catalog.agreement.SharingAgreement;

@Entity
@Table(name = "dataset")
public class Dataset extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String title;

    public String comment;

    /** Vocabulary label of the imaging device ({@link Instrument}); "other" with {@link #instrumentName}. */
    @Column(nullable = false)
    public String instrument;

    /** Keycloak subject ({@code sub}) of the data owner. */
    @Column(name = "owner_subject", nullable = false)
    public String ownerSubject;

    @Column(nullable = false)
    public DatasetStatus status = DatasetStatus.DRAFT;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "embargo_until", nullable = false)
    public Instant embargoUntil;

    /** Loaded with the dataset: every view of a dataset shows the agreement's licence. */
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "agreement_id")
    public SharingAgreement agreement;

    @Column(name = "instrument_name")
    public String instrumentName;

    @Column(name = "default_pixel_size_um")
    public Double defaultPixelSizeUm;

    @Column(name = "sample_unit")
    public String sampleUnit;

    @Column(name = "sampled_volume")
    public String sampledVolume;

    @Column(nullable = false)
    public boolean culture;

    @Column(name = "ecotaxa_project_id")
    public Integer ecotaxaProjectId;

    @Column(name = "image_count", nullable = false)
    public long imageCount;

    @Column(name = "image_bytes", nullable = false)
    public long imageBytes;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Whoever owns the dataset: its agreement's owner, or the owner registered under its subject. */
    public Optional<DataOwner> owner() {
        return agreement != null ? Optional.of(agreement.owner) : DataOwner.findBySubject(ownerSubject);
    }

    /** Whether the public may see the dataset at {@code now}: released, and its embargo instant passed. */
    public boolean isPublicAt(Instant now) {
        return status == DatasetStatus.RELEASED && !embargoUntil.isAfter(now);
    }

    public static List<Dataset> listOwnedBy(String ownerSubject, int limit) {
        return find("ownerSubject = ?1 order by createdAt, id", ownerSubject).page(0, limit).list();
    }

    public static List<Dataset> listAll(Optional<DatasetStatus> status, int limit) {
        return status.map(s -> find("status = ?1 order by createdAt, id", s))
                .orElseGet(() -> find("order by createdAt, id")).page(0, limit).list();
    }
}
