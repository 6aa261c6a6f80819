package org.aqqua.runtime.security;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The realm roles of DESIGN.md and what they imply. */
public final class Roles {

    public static final String PROVIDER = "provider";
    public static final String MEMBER = "member";
    public static final String CURATOR = "curator";
    public static final String SERVICE = "service";

    private Roles() {
    }

    /** Members and curators read the whole internal catalog. */
    public static boolean seesWholeCatalog(SecurityIdentity identity) {
        return identity.hasRole(MEMBER) || identity.hasRole(CURATOR);
    }

    /** The Keycloak subject ({@code sub}) of the caller: the stable id AqQua stores as owner. */
    public static String subject(SecurityIdentity identity) {
        return identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getSubject()
                : identity.getPrincipal().getName();
    }
}
