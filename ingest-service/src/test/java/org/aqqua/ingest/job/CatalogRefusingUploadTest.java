package org.aqqua.ingest.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.io.input.NullInputStream;
import org.aqqua.testing.AqquaInfrastructureResource;
import org.aqqua.testing.DemoRealm;
import org.aqqua.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * An upload that arrives while the catalog refuses ingest's own requests (as it did once in a benchmark, when
 * ingest's service token expired in flight: 401) is answered 502 with its problem, and its body is drained
 * without being kept: it is not read into the heap while the refusal is written.
 */
@QuarkusTest
@TestProfile(CatalogRefusingUploadTest.RefusingCatalog.class)
@WithTestResource(value = AqquaInfrastructureResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "ingest-service"))
class CatalogRefusingUploadTest {

    private static HttpServer refusing;

    /** The catalog is a server that answers 401 to every request. */
    public static class RefusingCatalog implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.catalog.url", "http://127.0.0.1:" + refusingCatalog().getAddress()
                    .getPort());
        }
    }

    private static synchronized HttpServer refusingCatalog() {
        if (refusing == null) {
            try {
                refusing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            refusing.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(401, -1);
                exchange.close();
            });
            refusing.start();
        }
        return refusing;
    }

    @AfterAll
    static synchronized void stopRefusingCatalog() {
        if (refusing != null) {
            refusing.stop(0);
            refusing = null;
        }
    }

    @Test
    void aLargeUploadIsAnsweredWithTheCatalogsRefusalAndNotKeptInMemory() throws Exception {
        long declared = 4L << 30; // 4 GiB of zeros, made as they are sent
        OldGeneration.Growth<HttpResponse<String>> refused = OldGeneration.growthDuring(() ->
                ArchiveIngestTest.uploadStream(Tokens.forUser(DemoRealm.PROVIDER), UUID.randomUUID(),
                        () -> new NullInputStream(declared), declared));

        assertThat(refused.result().statusCode()).isEqualTo(502);
        assertThat(refused.result().headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.result().body()).contains("catalog-unavailable", "\"status\":502");
        assertThat(refused.bytes()).as("old generation's growth while the refused body arrived")
                .isLessThan(256L << 20);
    }
}
