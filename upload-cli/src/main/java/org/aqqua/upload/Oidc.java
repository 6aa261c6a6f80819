package org.aqqua.upload;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Keycloak realm as the CLI uses it (OpenID Connect discovery): the device authorization grant for people,
 * client credentials for automation, refresh tokens to keep a long upload going.
 */
final class Oidc {

    /** A token answer: the access token, when it expires, and the refresh token if any. */
    record TokenResponse(String accessToken, long expiresInSeconds, String refreshToken, String scope) {
    }

    /** An OAuth error answer ({@code error}, {@code error_description}). */
    static final class OAuthError extends Exception {
        final String error;

        OAuthError(String error, String description) {
            super(error + (description == null || description.isBlank() ? "" : ": " + description));
            this.error = error;
        }
    }

    private final HttpClient http;
    private final String issuer;
    private JsonNode discovery;

    Oidc(HttpClient http, String issuer) {
        this.http = http;
        this.issuer = issuer.replaceAll("/+$", "");
    }

    String issuer() {
        return issuer;
    }

    private synchronized JsonNode discovery() throws IOException, InterruptedException {
        if (discovery == null) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(issuer
                    + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("no OpenID configuration at " + issuer + " (HTTP " + response.statusCode() + ")");
            }
            discovery = Json.MAPPER.readTree(response.body());
        }
        return discovery;
    }

    private String endpoint(String name, String keycloakPath) throws IOException, InterruptedException {
        JsonNode value = discovery().get(name);
        return value != null && value.isTextual() ? value.asText() : issuer + keycloakPath;
    }

    /**
     * The device authorization grant (RFC 8628): asks for a user code, tells the user where to enter it, then
     * polls the token endpoint until the user approved, refused or the code expired.
     */
    TokenResponse deviceLogin(String clientId, String scope, PrintStream err)
            throws IOException, InterruptedException, OAuthError {
        String deviceEndpoint = endpoint("device_authorization_endpoint", "/protocol/openid-connect/auth/device");
        JsonNode device = post(deviceEndpoint, form("client_id", clientId, "scope", scope));
        String userCode = device.path("user_code").asText();
        String verification = device.path("verification_uri").asText();
        String complete = device.path("verification_uri_complete").asText(null);
        err.println("To log in, open this page in a browser:");
        err.println();
        err.println("    " + (complete != null ? complete : verification));
        err.println();
        err.println("and check that it shows the code " + userCode + " (or enter it at " + verification + ").");
        err.println("Waiting for you to approve...");
        err.flush();
        long interval = Math.max(1, device.path("interval").asLong(5));
        long deadline = System.nanoTime() + Duration.ofSeconds(device.path("expires_in").asLong(600)).toNanos();
        String tokenEndpoint = endpoint("token_endpoint", "/protocol/openid-connect/token");
        while (System.nanoTime() < deadline) {
            Thread.sleep(interval * 1000);
            try {
                return token(post(tokenEndpoint, form("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                        "client_id", clientId, "device_code", device.path("device_code").asText())));
            } catch (OAuthError e) {
                switch (e.error) {
                    case "authorization_pending" -> { }
                    case "slow_down" -> interval += 5;
                    default -> throw e;
                }
            }
        }
        throw new OAuthError("expired_token", "the code was not approved in time; run login again");
    }

    TokenResponse refresh(String clientId, String refreshToken) throws IOException, InterruptedException, OAuthError {
        return token(post(endpoint("token_endpoint", "/protocol/openid-connect/token"),
                form("grant_type", "refresh_token", "client_id", clientId, "refresh_token", refreshToken)));
    }

    TokenResponse clientCredentials(String clientId, String secret)
            throws IOException, InterruptedException, OAuthError {
        return token(post(endpoint("token_endpoint", "/protocol/openid-connect/token"),
                form("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret)));
    }

    private static TokenResponse token(JsonNode json) {
        return new TokenResponse(json.path("access_token").asText(), json.path("expires_in").asLong(60),
                json.hasNonNull("refresh_token") ? json.get("refresh_token").asText() : null,
                json.path("scope").asText(""));
    }

    private JsonNode post(String url, Map<String, String> form) throws IOException, InterruptedException, OAuthError {
        String body = form.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new IOException("unexpected answer from " + url + " (HTTP " + response.statusCode() + ")", e);
        }
        if (response.statusCode() >= 400 || json.has("error")) {
            if (response.statusCode() >= 500) {
                throw new IOException("Keycloak answered HTTP " + response.statusCode() + " at " + url);
            }
            throw new OAuthError(json.path("error").asText("http_" + response.statusCode()),
                    json.path("error_description").asText(null));
        }
        return json;
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }
}
