package org.aqqua.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.databind.MappingIterator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.aqqua.testing.HarnessPaths;
import org.junit.jupiter.api.Test;

/**
 * The compose file and the Kubernetes manifests cannot run here (no Docker), so this test reads them: every file
 * parses, and every environment variable they set on a service is configuration that service has.
 */
class DeploymentManifestTest {

    private static final List<String> SERVICES = List.of("catalog-service", "ingest-service", "release-service");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path ROOT = HarnessPaths.projectRoot();

    @Test
    void everyManifestParses() throws IOException {
        List<Path> files = yamlFiles();
        assertThat(files).extracting(path -> ROOT.relativize(path).toString())
                .contains("deploy/compose/compose.yaml", "deploy/k8s/catalog-service.yaml",
                        "deploy/k8s/ingest-service.yaml", "deploy/k8s/release-service.yaml");
        for (Path file : files) {
            assertThat(documents(file)).as(file.toString()).isNotEmpty();
        }
    }

    @Test
    void composeSetsOnlyConfigurationTheServicesHave() throws IOException {
        JsonNode services = documents(ROOT.resolve("deploy/compose/compose.yaml")).get(0).path("services");
        Map<String, Set<String>> unknown = new LinkedHashMap<>();
        for (String service : SERVICES) {
            JsonNode environment = services.path(service).path("environment");
            assertThat(environment.isMissingNode()).as(service + " has an environment in compose").isFalse();
            Set<String> names = new TreeSet<>();
            if (environment.isArray()) {
                environment.forEach(entry -> names.add(entry.asText().split("=", 2)[0]));
            } else {
                environment.fieldNames().forEachRemaining(names::add);
            }
            unknown.put(service, unknownTo(service, names));
        }
        assertThat(unknown).allSatisfy((service, names) -> assertThat(names).as(service).isEmpty());
    }

    @Test
    void kubernetesSetsOnlyConfigurationTheServicesHave() throws IOException {
        Map<String, Set<String>> unknown = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Set<String> names = new TreeSet<>();
            boolean probed = false;
            for (JsonNode document : documents(ROOT.resolve("deploy/k8s/" + service + ".yaml"))) {
                if (!"Deployment".equals(document.path("kind").asText())) {
                    continue;
                }
                for (JsonNode container : document.path("spec").path("template").path("spec").path("containers")) {
                    container.path("env").forEach(env -> names.add(env.path("name").asText()));
                    probed = container.has("readinessProbe") && container.has("livenessProbe")
                            && container.path("resources").has("limits");
                }
            }
            assertThat(names).as(service + " sets configuration in its Deployment").isNotEmpty();
            assertThat(probed).as(service + " has probes and resource limits").isTrue();
            unknown.put(service, unknownTo(service, names));
        }
        assertThat(unknown).allSatisfy((service, names) -> assertThat(names).as(service).isEmpty());
    }

    @Test
    void environmentNamesFollowMicroProfileConfig() {
        assertThat(ServiceConfigurationKeys.toEnvironmentName("quarkus.oidc-client.credentials.secret"))
                .isEqualTo("QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET");
        assertThat(ServiceConfigurationKeys.toEnvironmentName("quarkus.rest-client.catalog.url"))
                .isEqualTo("QUARKUS_REST_CLIENT_CATALOG_URL");
        Set<String> catalog = ServiceConfigurationKeys.environmentNames(applicationProperties("catalog-service"));
        assertThat(catalog).contains("QUARKUS_DATASOURCE_JDBC_URL", "AQQUA_S3_ENDPOINT")
                .doesNotContain("QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET");
    }

    private static Set<String> unknownTo(String service, Set<String> names) {
        Set<String> known = ServiceConfigurationKeys.environmentNames(applicationProperties(service));
        Set<String> unknown = new TreeSet<>(names);
        unknown.removeAll(known);
        return unknown;
    }

    private static Path applicationProperties(String service) {
        return ROOT.resolve(service).resolve("src/main/resources/application.properties");
    }

    private static List<Path> yamlFiles() throws IOException {
        try (Stream<Path> paths = Files.walk(ROOT.resolve("deploy"))) {
            return paths.filter(path -> path.toString().matches(".*\\.ya?ml$"))
                    .filter(path -> !path.toString().contains("/target/")).sorted().toList();
        }
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> iterator = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (iterator.hasNext()) {
                JsonNode document = iterator.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
        }
        return documents;
    }
}
