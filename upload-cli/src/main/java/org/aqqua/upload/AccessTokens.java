package org.aqqua.upload;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Access tokens for the API calls of one run: from client credentials when a client secret is given, otherwise
 * from the refresh token {@code login} stored (rotated refresh tokens are stored back). A token is reused until
 * 30 s before it expires, so a long upload refreshes as it goes.
 */
final class AccessTokens {

    private final Oidc oidc;
    private final Path configDir;
    private final String clientId;
    private final String clientSecret;
    private Credentials credentials;
    private String token;
    private long expiresAtNanos;

    private AccessTokens(Oidc oidc, Path configDir, String clientId, String clientSecret, Credentials credentials) {
        this.oidc = oidc;
        this.configDir = configDir;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.credentials = credentials;
    }

    static AccessTokens clientCredentials(Oidc oidc, String clientId, String secret) {
        return new AccessTokens(oidc, null, clientId, secret, null);
    }

    static AccessTokens loggedIn(Oidc oidc, Path configDir, Credentials credentials) {
        return new AccessTokens(oidc, configDir, credentials.clientId(), null, credentials);
    }

    synchronized String get() {
        if (token != null && System.nanoTime() < expiresAtNanos) {
            return token;
        }
        try {
            Oidc.TokenResponse response;
            if (clientSecret != null) {
                response = oidc.clientCredentials(clientId, clientSecret);
            } else {
                response = oidc.refresh(clientId, credentials.refreshToken());
                if (response.refreshToken() != null && !response.refreshToken().equals(credentials.refreshToken())) {
                    credentials = credentials.withRefreshToken(response.refreshToken());
                    credentials.save(configDir);
                }
            }
            token = response.accessToken();
            long lifetime = Math.max(10, response.expiresInSeconds() - 30);
            expiresAtNanos = System.nanoTime() + Duration.ofSeconds(lifetime).toNanos();
            return token;
        } catch (Oidc.OAuthError e) {
            throw new CliException(ExitCodes.AUTHENTICATION, (clientSecret != null
                    ? "Keycloak refused the client credentials of " + clientId
                    : "Your login has expired or was revoked; run 'aqqua-upload login' again") + " (" + e.getMessage()
                    + ")", e);
        } catch (IOException e) {
            throw new CliException(ExitCodes.TRANSFER_FAILED, "Cannot reach Keycloak at " + oidc.issuer() + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.INCOMPLETE, "Interrupted", e);
        }
    }

    /** Forgets the current access token (the service answered 401). */
    synchronized void invalidate() {
        token = null;
    }
}
