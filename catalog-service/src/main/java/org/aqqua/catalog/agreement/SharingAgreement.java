package org.aqqua.catalog.agreement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One filled AqQua Data Sharing Form. */
@Entity
@Table(name = "sharing_agreement")
public class SharingAgreement extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "owner_id")
    public DataOwner owner;

    @Column(name = "permits_model_development", nullable = false)
    public boolean permitsModelDevelopment;

    @Column(name = "permits_public_release", nullable = false)
    public boolean permitsPublicRelease;

    @Column(name = "permits_model_release", nullable = false)
    public boolean permitsModelRelease;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "further_uses", nullable = false)
    public List<String> furtherUses = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> coauthorship = new ArrayList<>();

    @Column(name = "interim_licence_spdx")
    public String interimLicenceSpdx;

    @Column(name = "interim_licence_other")
    public String interimLicenceOther;

    public String acknowledgements;

    public String funding;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "papers_to_cite", nullable = false)
    public List<String> papersToCite = new ArrayList<>();

    public String copyright;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<AgreementRequest.Contributor> contributors = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static List<SharingAgreement> ownedBy(String subject) {
        return list("owner.subject = ?1 order by createdAt, id", subject);
    }
}
