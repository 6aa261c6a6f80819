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
 * Downloads a dataset's image records ({@code GET /internal/datasets/{id}/images/export}) or image contents
 * ({@code .../images/pack}) to a local file, streamed: either can be gigabytes, which the REST client would hold
 * in memory.
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
        fetch(datasetId, "export?format=" + format, target);
    }

    /**
     * Writes the contents of the dataset's images after {@code afterId} to {@code target} as one tar of at most
     * {@code maxBytes} (entries {@code <image id>.<format>}, id order; at least one image, none at the end).
     */
    public void pack(UUID datasetId, long afterId, long maxBytes, Path target) throws IOException,
            InterruptedException {
        fetch(datasetId, "pack?afterId=" + afterId + "&maxBytes=" + maxBytes, target);
    }

    private void fetch(UUID datasetId, String what, Path target) throws IOException, InterruptedException {
        String token = tokens.getTokens().await().atMost(Duration.ofSeconds(30)).getAccessToken();
        HttpRequest request = HttpRequest.newBuilder(catalog.resolve("/internal/datasets/" + datasetId
                + "/images/" + what)).header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<Path> response = http.send(request, HttpResponse.BodyHandlers.ofFile(target));
        if (response.statusCode() != 200) {
            String problem = Files.readString(target);
            Files.deleteIfExists(target);
            throw new IOException("The catalog answered " + response.statusCode() + " to " + what
                    + " of dataset " + datasetId + ": " + problem);
        }
    }
}
