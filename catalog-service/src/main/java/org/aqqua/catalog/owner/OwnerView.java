package org.aqqua.catalog.owner;

import java.time.Instant;
import java.util.UUID;
import org.aqqua.catalog.agreement.DataOwner;

/** A data owner with contact details, for curators only. {@code email} is null once erased on request. */
public record OwnerView(UUID id, String givenName, String surname, String email, String institute, String orcid,
        boolean mailingList, Instant erasedAt) {

    static OwnerView of(DataOwner owner) {
        return new OwnerView(owner.id, owner.givenName, owner.surname, owner.email, owner.institute, owner.orcid,
                owner.mailingList, owner.erasedAt);
    }
}
