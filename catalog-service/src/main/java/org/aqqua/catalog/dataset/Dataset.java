package org.aqqua.catalog.dataset;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Entity
@Table(name = "dataset")
public class Dataset extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String title;

    public String comment;

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

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<Dataset> findByIdOptional(UUID id) {
        return Optional.ofNullable(findById(id));
    }

    public static List<Dataset> listOwnedBy(String ownerSubject, int limit) {
        return find("ownerSubject = ?1 order by createdAt, id", ownerSubject).page(0, limit).list();
    }

    public static List<Dataset> listAll(Optional<DatasetStatus> status, int limit) {
        return status.map(s -> find("status = ?1 order by createdAt, id", s))
                .orElseGet(() -> find("order by createdAt, id")).page(0, limit).list();
    }
}
