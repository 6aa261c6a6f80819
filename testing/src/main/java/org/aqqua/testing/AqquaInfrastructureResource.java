package org.aqqua.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points the service under test at the shared real PostgreSQL, Keycloak and S3 of this test JVM. The init
 * argument {@code service} names the module, e.g. {@code catalog-service}.
 */
public class AqquaInfrastructureResource implements QuarkusTestResourceLifecycleManager {

    private String service;

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.getOrDefault("service", "catalog-service");
    }

    @Override
    public Map<String, String> start() {
        return ServiceConfig.forService(service, Infrastructure.shared().endpoints());
    }

    @Override
    public void stop() {
        // The infrastructure lives until the JVM exits: other test classes reuse it.
    }

    @Override
    public int order() {
        return 0;
    }
}
