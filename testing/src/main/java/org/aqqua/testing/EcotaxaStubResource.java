package org.aqqua.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Runs one {@link EcotaxaStub} per test JVM and points ingest-service's EcoTaxa pulls at it, with its credentials,
 * a fast poll and a short time-out so that a never-finishing export fails within seconds. Project
 * {@value #IMPORT_TEST_PROJECT} serves the upstream {@code import_test.zip}.
 */
public class EcotaxaStubResource implements QuarkusTestResourceLifecycleManager {

    public static final long IMPORT_TEST_PROJECT = 4242;

    /** The longest a test's export may take before the pull fails with a time-out. */
    public static final String TIMEOUT = "PT5S";

    private static EcotaxaStub stub;

    public static synchronized EcotaxaStub stub() {
        if (stub == null) {
            stub = new EcotaxaStub(FreePorts.next()).start()
                    .project(IMPORT_TEST_PROJECT, EcotaxaStub.upstreamFixture("import_test.zip"));
            Runtime.getRuntime().addShutdownHook(new Thread(stub::stop, "stop-ecotaxa-stub"));
        }
        return stub;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("aqqua.ecotaxa.url", stub().url(), "aqqua.ecotaxa.username", EcotaxaStub.USERNAME,
                "aqqua.ecotaxa.password", EcotaxaStub.PASSWORD, "aqqua.ecotaxa.timeout", TIMEOUT,
                "aqqua.ecotaxa.poll-interval", "PT0.2S", "aqqua.ecotaxa.request-timeout", "PT5S");
    }

    @Override
    public void stop() {
        // Stopped when the JVM exits, like the rest of the harness.
    }
}
