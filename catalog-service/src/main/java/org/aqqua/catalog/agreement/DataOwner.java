package org.aqqua.catalog.agreement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The person who signs sharing agreements, identified by their Keycloak subject. Contact details are personal
 * data: only the owner and curators see them, and an erasure request clears them while the name stays for credit.
 */
@Entity
@Table(name = "data_owner")
public class DataOwner extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String subject;

    @Column(name = "given_name", nullable = false)
    public String givenName;

    @Column(nullable = false)
    public String surname;

    /** Null once erased. */
    public String email;

    @Column(nullable = false)
    public String institute;

    public String orcid;

    @Column(name = "mailing_list", nullable = false)
    public boolean mailingList;

    @Column(name = "erased_at")
    public Instant erasedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<DataOwner> findBySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }

    public String displayName() {
        return givenName + " " + surname;
    }
}
