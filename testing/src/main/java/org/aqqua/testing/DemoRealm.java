package org.aqqua.testing;

import java.util.List;

/**
 * What deploy/keycloak/aqqua-realm.json defines for dev and test: demo users (password = user name) and the
 * confidential service clients with their dev secrets. Production realms have neither.
 */
public final class DemoRealm {

    public static final String PROVIDER = "demo-provider";
    public static final String OTHER_PROVIDER = "demo-provider-2";
    public static final String MEMBER = "demo-member";
    public static final String CURATOR = "demo-curator";
    public static final String SERVICE_USER = "demo-service";

    public static final String CLI_CLIENT = "aqqua-cli";
    public static final String INGEST_CLIENT = "ingest-service";
    public static final String INGEST_SECRET = "ingest-service-dev-secret";
    public static final String RELEASE_CLIENT = "release-service";
    public static final String RELEASE_SECRET = "release-service-dev-secret";

    /** User name, role and what the user is for, as printed by the local platform and listed in README. */
    public record DemoUser(String username, String role) {
        public String password() {
            return username;
        }
    }

    public static final List<DemoUser> USERS = List.of(
            new DemoUser(PROVIDER, "provider"),
            new DemoUser(OTHER_PROVIDER, "provider"),
            new DemoUser(MEMBER, "member"),
            new DemoUser(CURATOR, "curator"),
            new DemoUser(SERVICE_USER, "service"));

    private DemoRealm() {
    }
}
