package org.aqqua.runtime.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the OpenID Connect server: without it no token can be verified once the signing keys rotate and
 * no service token can be obtained, so the service must not receive traffic.
 */
@Readiness
@ApplicationScoped
public class OidcServerReadinessCheck implements HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final String authServerUrl;

    public OidcServerReadinessCheck(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServerUrl) {
        this.authServerUrl = authServerUrl.endsWith("/") ? authServerUrl : authServerUrl + "/";
    }

    @Override
    public HealthCheckResponse call() {
        URI discovery = URI.create(authServerUrl + ".well-known/openid-configuration");
        var response = HealthCheckResponse.named("OIDC server").withData("url", authServerUrl);
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(discovery).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.status(answer.statusCode() == 200).withData("status", answer.statusCode()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("error", "interrupted").build();
        } catch (Exception e) {
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
