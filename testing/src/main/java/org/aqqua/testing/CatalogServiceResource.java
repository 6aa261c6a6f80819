package org.aqqua.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;

/**
 * Runs the packaged catalog-service next to the service under test, on the shared infrastructure, so that
 * calls between services are tested for real, tokens included. Needs catalog-service built first (the reactor
 * builds it before ingest-service and release-service).
 */
public class CatalogServiceResource implements QuarkusTestResourceLifecycleManager {

    private static ServiceProcess catalog;

    public static synchronized String catalogUrl() {
        if (catalog == null) {
            Infrastructure infrastructure = Infrastructure.shared();
            catalog = ServiceProcess.start("catalog-service", FreePorts.next(),
                    ServiceConfig.forService("catalog-service", infrastructure.endpoints()), infrastructure.dataDir(),
                    List.of("-Xmx256m"));
            Runtime.getRuntime().addShutdownHook(new Thread(catalog::close, "stop-catalog-service"));
        }
        return catalog.url();
    }

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.rest-client.catalog.url", catalogUrl());
    }

    @Override
    public void stop() {
        // Stopped when the JVM exits, like the infrastructure it runs on.
    }

    @Override
    public int order() {
        return 1;
    }
}
