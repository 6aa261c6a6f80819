package org.aqqua.catalog.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.aqqua.runtime.security.Roles;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The internal API trusts only AqQua's own services. A token keeps the role {@code service} only when it was
 * issued to one of the configured confidential clients by client credentials ({@code azp} is that client and the
 * subject is its service account), so a user who was given the role by mistake still cannot call it.
 */
@ApplicationScoped
public class ServiceAccountRoleAugmentor implements SecurityIdentityAugmentor {

    private final Set<String> serviceClients;

    ServiceAccountRoleAugmentor(@ConfigProperty(name = "aqqua.security.service-clients") Set<String> serviceClients) {
        this.serviceClients = serviceClients;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!identity.hasRole(Roles.SERVICE) || isServiceAccount(identity)) {
            return Uni.createFrom().item(identity);
        }
        SecurityIdentity withoutServiceRole = new QuarkusSecurityIdentity.Builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addRoles(identity.getRoles().stream().filter(role -> !Roles.SERVICE.equals(role))
                        .collect(Collectors.toSet()))
                .build();
        return Uni.createFrom().item(withoutServiceRole);
    }

    private boolean isServiceAccount(SecurityIdentity identity) {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return false;
        }
        String client = jwt.getClaim("azp");
        String username = jwt.getClaim("preferred_username");
        return client != null && serviceClients.contains(client) && ("service-account-" + client).equals(username);
    }
}
