package org.aqqua.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.aqqua.testing.CatalogFixtures;
import org.aqqua.testing.DemoRealm;
import org.aqqua.testing.FreePorts;
import org.aqqua.testing.HarnessPaths;
import org.aqqua.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's command for the local platform, deploy/local/run, exactly as a newcomer would (minus the
 * build, which Maven has just done): all five parts come up, a demo provider logs in and calls every service,
 * SIGTERM leaves no process behind, and a second start on the same data directory finds the data of the first.
 */
class LocalPlatformTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration START_TIMEOUT = Duration.ofMinutes(6);

    @TempDir
    Path dataDir;

    private final Map<String, Integer> ports = Map.of(
            "AQQUA_LOCAL_POSTGRES_PORT", FreePorts.next(),
            "AQQUA_LOCAL_KEYCLOAK_PORT", FreePorts.next(),
            "AQQUA_LOCAL_S3_PORT", FreePorts.next(),
            "AQQUA_LOCAL_CATALOG_PORT", FreePorts.next(),
            "AQQUA_LOCAL_INGEST_PORT", FreePorts.next(),
            "AQQUA_LOCAL_RELEASE_PORT", FreePorts.next());

    private Process platform;

    @AfterEach
    void stopLeftovers() {
        if (platform != null && platform.isAlive()) {
            platform.descendants().forEach(ProcessHandle::destroyForcibly);
            platform.destroyForcibly();
        }
    }

    @Test
    void startsEverythingServesADemoProviderAndStopsCleanly() throws Exception {
        Path firstLog = dataDir.resolve("first-run.out");
        platform = start(firstLog);

        String token = Tokens.forUser(realmUrl() + "/protocol/openid-connect/token", DemoRealm.PROVIDER);
        UUID dataset = CatalogFixtures.dataset(jdbcUrl(), Tokens.subjectOf(token), "receiving");
        assertThat(get(url("CATALOG") + "/api/datasets", token)).satisfies(response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains(dataset.toString());
        });
        assertThat(get(url("INGEST") + "/api/uploads", token).statusCode()).isEqualTo(200);
        assertThat(get(url("RELEASE") + "/api/releases/policy", token)).satisfies(response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("CC-BY-NC-4.0");
        });
        for (String service : List.of("CATALOG", "INGEST", "RELEASE")) {
            assertThat(get(url(service) + "/q/health/ready", null).statusCode()).as(service).isEqualTo(200);
        }
        assertThat(Files.readString(firstLog)).contains("demo-provider", "demo-curator", realmUrl());

        stopAndExpectNoProcessLeft(platform);

        // Same data directory, new start: the realm and the catalog's data are still there.
        platform = start(dataDir.resolve("second-run.out"));
        String again = Tokens.forUser(realmUrl() + "/protocol/openid-connect/token", DemoRealm.PROVIDER);
        assertThat(get(url("CATALOG") + "/api/datasets/" + dataset, again).statusCode()).isEqualTo(200);
        stopAndExpectNoProcessLeft(platform);
    }

    private Process start(Path output) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(HarnessPaths.projectRoot().resolve("deploy/local/run").toString())
                .directory(HarnessPaths.projectRoot().toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> env = new HashMap<>();
        ports.forEach((name, port) -> env.put(name, port.toString()));
        env.put("AQQUA_LOCAL_DATA", dataDir.resolve("platform").toString());
        env.put("AQQUA_SKIP_BUILD", "true");
        builder.environment().putAll(env);
        Process process = builder.start();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            String printed = Files.exists(output) ? Files.readString(output) : "";
            if (printed.contains("AqQua is up.")) {
                return process;
            }
            assertThat(process.isAlive()).as("the platform exited early:\n" + printed).isTrue();
            Thread.sleep(500);
        }
        throw new AssertionError("The platform was not up within " + START_TIMEOUT + ":\n" + Files.readString(output));
    }

    private static void stopAndExpectNoProcessLeft(Process process) throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        assertThat(children).as("PostgreSQL, Keycloak, S3 and three services run as children").hasSizeGreaterThan(5);
        process.destroy(); // SIGTERM, as Ctrl-C or a process manager would send
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the platform stops within 2 minutes").isTrue();
        Instant deadline = Instant.now().plusSeconds(30);
        while (children.stream().anyMatch(ProcessHandle::isAlive) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(children.stream().filter(ProcessHandle::isAlive).map(h -> h.pid() + " " + h.info().command()
                .orElse("?")).toList()).as("processes left behind").isEmpty();
    }

    private String url(String service) {
        return "http://127.0.0.1:" + ports.get("AQQUA_LOCAL_" + service + "_PORT");
    }

    private String realmUrl() {
        return "http://127.0.0.1:" + ports.get("AQQUA_LOCAL_KEYCLOAK_PORT") + "/realms/aqqua";
    }

    private String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + ports.get("AQQUA_LOCAL_POSTGRES_PORT") + "/aqqua";
    }

    private static HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
