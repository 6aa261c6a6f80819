package org.aqqua.catalog.agreement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An agreement as its owner and curators see it, contact details included; never shown to anyone else. */
public record AgreementView(UUID id, OwnerView owner, AgreementRequest.Permissions permissions,
        List<String> furtherUses, List<String> coauthorship, AgreementRequest.InterimLicence interimLicence,
        AgreementRequest.Attribution attribution, List<AgreementRequest.Contributor> contributors,
        Instant createdAt) {

    /** {@code email} is null once the owner's contact details were erased on request. */
    public record OwnerView(String givenName, String surname, String email, String institute, String orcid,
            boolean mailingList, boolean erased) {

        static OwnerView of(DataOwner owner) {
            return new OwnerView(owner.givenName, owner.surname, owner.email, owner.institute, owner.orcid,
                    owner.mailingList, owner.erasedAt != null);
        }
    }

    static AgreementView of(SharingAgreement a) {
        return new AgreementView(a.id, OwnerView.of(a.owner),
                new AgreementRequest.Permissions(a.permitsModelDevelopment, a.permitsPublicRelease,
                        a.permitsModelRelease),
                a.furtherUses, a.coauthorship,
                new AgreementRequest.InterimLicence(a.interimLicenceSpdx, a.interimLicenceOther),
                new AgreementRequest.Attribution(a.acknowledgements, a.funding, a.papersToCite, a.copyright),
                a.contributors, a.createdAt);
    }
}
