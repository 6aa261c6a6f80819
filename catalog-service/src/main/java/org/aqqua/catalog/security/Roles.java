package org.aqqua.catalog.security;

import io.quarkus.security.identity.SecurityIdentity;

/** The realm roles of DESIGN.md. */
public final class Roles {

    public static final String PROVIDER = "provider";
    public static final String MEMBER = "member";
    public static final String CURATOR = "curator";
    public static final String SERVICE = "service";

    private Roles() {
    }

    public static boolean seesWholeCatalog(SecurityIdentity identity) {
        return identity.hasRole(MEMBER) || identity.hasRole(CURATOR);
    }
}
