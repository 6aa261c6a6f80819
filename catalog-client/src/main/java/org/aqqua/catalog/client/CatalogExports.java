package org.aqqua.catalog.client;

import io.quarkus.oidc.client.OidcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Downloads every image record of a dataset ({@code GET /internal/datasets/{id}/images/export}) to a local file,
 * streamed: a dataset's manifest can be gigabytes, which the REST client would hold in memory.
 */
@ApplicationScoped
public class CatalogExports {

    private final OidcClient tokens;
    private final URI catalog;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    CatalogExports(OidcClient tokens, @ConfigProperty(name = "quarkus.rest-client.catalog.url") URI catalog) {
        this.tokens = tokens;
        this.catalog = catalog;
    }

    /** Writes the dataset's images in {@code format} (csv, jsonl, parquet, ecotaxa) to {@code target}. */
    public void download(UUID datasetId, String format, Path target) throws IOException, InterruptedException {
        String token = tokens.getTokens().await().atMost(Duration.ofSeconds(30)).getAccessToken();
        HttpRequest request = HttpRequest.newBuilder(catalog.resolve("/internal/datasets/" + datasetId
                + "/images/export?format=" + format)).header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<Path> response = http.send(request, HttpResponse.BodyHandlers.ofFile(target));
        if (response.statusCode() != 200) {
            String problem = Files.readString(target);
            Files.deleteIfExists(target);
            throw new IOException("The catalog answered " + response.statusCode() + " to the export of dataset "
                    + datasetId + ": " + problem);
        }
    }
}
