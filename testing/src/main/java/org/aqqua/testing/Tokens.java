package org.aqqua.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** Real access tokens from the harness' Keycloak: demo users by password grant, services by client credentials. */
public final class Tokens {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Tokens() {
    }

    /** A token of a demo user (see {@link DemoRealm}), through the public CLI client. */
    public static String forUser(String username) {
        return forUser(Infrastructure.shared().keycloak().tokenUrl(), username);
    }

    public static String forUser(String tokenUrl, String username) {
        return request(tokenUrl, Map.of("grant_type", "password", "client_id", DemoRealm.CLI_CLIENT,
                "username", username, "password", username));
    }

    /** A service-account token of a confidential client. */
    public static String forClient(String clientId, String secret) {
        return forClient(Infrastructure.shared().keycloak().tokenUrl(), clientId, secret);
    }

    public static String forClient(String tokenUrl, String clientId, String secret) {
        return request(tokenUrl, Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret));
    }

    /** The {@code sub} claim of an access token: the Keycloak subject AqQua stores as owner. */
    public static String subjectOf(String token) {
        String[] parts = token.split("\\.");
        try {
            return JSON.readTree(java.util.Base64.getUrlDecoder().decode(parts[1])).get("sub").asText();
        } catch (IOException e) {
            throw new IllegalStateException("Not a JWT", e);
        }
    }

    private static String request(String tokenUrl, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(tokenUrl))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = JSON.readTree(response.body());
            if (response.statusCode() != 200 || !json.hasNonNull("access_token")) {
                throw new IllegalStateException("Token request refused (" + response.statusCode() + "): "
                        + response.body());
            }
            return json.get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("Token request to " + tokenUrl + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
