package org.aqqua.catalog.agreement;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.aqqua.runtime.problem.ProblemException;
import org.aqqua.runtime.security.Roles;

/** Sharing agreements: signed by providers, read by their owner and curators. */
@ApplicationScoped
public class AgreementService {

    private final Clock clock;

    AgreementService(Clock clock) {
        this.clock = clock;
    }

    /** Records a filled form; the owner's contact details are taken from it (the latest form wins). */
    @Transactional
    public SharingAgreement sign(SecurityIdentity caller, AgreementRequest form) {
        Instant now = clock.instant();
        DataOwner owner = DataOwner.findBySubject(Roles.subject(caller)).orElseGet(() -> {
            DataOwner created = new DataOwner();
            created.id = UUID.randomUUID();
            created.subject = Roles.subject(caller);
            created.createdAt = now;
            return created;
        });
        owner.givenName = form.owner().givenName().strip();
        owner.surname = form.owner().surname().strip();
        owner.email = form.owner().email().strip();
        owner.institute = form.owner().institute().strip();
        owner.orcid = blankToNull(form.owner().orcid());
        owner.mailingList = form.owner().mailingList();
        owner.erasedAt = null;
        owner.updatedAt = now;
        owner.persist();

        SharingAgreement agreement = new SharingAgreement();
        agreement.id = UUID.randomUUID();
        agreement.owner = owner;
        agreement.permitsModelDevelopment = form.permissions().modelDevelopment();
        agreement.permitsPublicRelease = form.permissions().publicRelease();
        agreement.permitsModelRelease = form.permissions().modelRelease();
        agreement.furtherUses = names(form.furtherUses());
        agreement.coauthorship = names(form.coauthorship());
        agreement.interimLicenceSpdx = blankToNull(form.interimLicence().spdx());
        agreement.interimLicenceOther = blankToNull(form.interimLicence().other());
        Optional.ofNullable(form.attribution()).ifPresent(attribution -> {
            agreement.acknowledgements = attribution.acknowledgements();
            agreement.funding = attribution.funding();
            agreement.papersToCite = attribution.papersToCite() == null ? List.of() : attribution.papersToCite();
            agreement.copyright = attribution.copyright();
        });
        agreement.contributors = form.contributors() == null ? List.of() : form.contributors();
        agreement.createdAt = now;
        agreement.updatedAt = now;
        agreement.persist();
        return agreement;
    }

    public List<SharingAgreement> visibleTo(SecurityIdentity caller) {
        return caller.hasRole(Roles.CURATOR) ? SharingAgreement.list("order by createdAt, id")
                : SharingAgreement.ownedBy(Roles.subject(caller));
    }

    /** The agreement if the caller signed it or is a curator; anyone else's is answered like a missing one. */
    public SharingAgreement readableBy(SecurityIdentity caller, UUID id) {
        return SharingAgreement.<SharingAgreement>findByIdOptional(id)
                .filter(a -> caller.hasRole(Roles.CURATOR) || a.owner.subject.equals(Roles.subject(caller)))
                .orElseThrow(() -> ProblemException.notFound("No agreement " + id + "."));
    }

    private static List<String> names(List<? extends Enum<?>> values) {
        return values == null ? List.of() : values.stream().map(Enum::name).distinct().toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
