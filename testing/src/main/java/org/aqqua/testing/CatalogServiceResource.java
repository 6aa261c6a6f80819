package org.aqqua.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Runs the packaged catalog-service next to the service under test, on the shared infrastructure, so that
 * calls between services are tested for real, tokens included. Needs catalog-service built first (the reactor
 * builds it before ingest-service and release-service).
 *
 * <p>When the system property {@value #CLOCK_PROPERTY} names an instant (a module's surefire configuration sets
 * it), the catalog runs with its clock frozen there, e.g. just after the release instant so that what
 * release-service releases is public at once.
 */
public class CatalogServiceResource implements QuarkusTestResourceLifecycleManager {

    /** System property: an ISO instant at which the catalog of this test JVM freezes its clock. */
    public static final String CLOCK_PROPERTY = "aqqua.test.catalog-clock";

    private static ServiceProcess catalog;

    public static synchronized String catalogUrl() {
        if (catalog == null) {
            Infrastructure infrastructure = Infrastructure.shared();
            Map<String, String> config = ServiceConfig.forService("catalog-service", infrastructure.endpoints());
            String clock = System.getProperty(CLOCK_PROPERTY, "");
            if (!clock.isBlank()) {
                config = ServiceConfig.withFixedClock(config, Instant.parse(clock));
            }
            catalog = ServiceProcess.start("catalog-service", FreePorts.next(), config, infrastructure.dataDir(),
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
