package org.aqqua.upload;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "login", mixinStandardHelpOptions = true, description = {
        "Logs in with Keycloak's device authorization grant: prints a URL and a code to approve in a browser, then "
                + "stores the refresh token in the config folder (file mode 0600).",
        "With --client-secret (or AQQUA_CLIENT_SECRET) it only checks the client credentials; nothing is stored."})
final class LoginCommand implements Callable<Integer> {

    @ParentCommand
    AqquaUpload cli;

    @picocli.CommandLine.Option(names = "--offline", description = "Ask for an offline token, which outlives "
            + "Keycloak's session (the realm must grant the user the offline_access role).")
    boolean offline;

    @Override
    public Integer call() throws Exception {
        Oidc oidc = new Oidc(AqquaUpload.http(), cli.oidcUrl());
        if (cli.clientSecret() != null) {
            String token = cli.tokens(oidc).get();
            cli.err.println("Client credentials accepted: " + describe(token));
            return ExitCodes.OK;
        }
        String clientId = cli.clientId(AqquaUpload.CLI_CLIENT);
        Oidc.TokenResponse response;
        try {
            response = oidc.deviceLogin(clientId, offline ? "openid offline_access" : "openid", cli.err);
        } catch (Oidc.OAuthError e) {
            throw new CliException(ExitCodes.AUTHENTICATION, "Login refused: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CliException(ExitCodes.TRANSFER_FAILED, "Cannot reach Keycloak at " + oidc.issuer() + ": "
                    + e.getMessage(), e);
        }
        if (response.refreshToken() == null) {
            throw new CliException(ExitCodes.AUTHENTICATION, "Keycloak gave no refresh token to keep the login");
        }
        boolean offlineToken = response.scope().contains("offline_access");
        new Credentials(oidc.issuer(), clientId, response.refreshToken(), offlineToken, Instant.now())
                .save(cli.configDir());
        cli.err.println("Logged in " + describe(response.accessToken()) + "; login kept in "
                + Credentials.file(cli.configDir()) + (offlineToken ? " (offline token)" : ""));
        return ExitCodes.OK;
    }

    /** {@code as demo-provider (roles provider)}, from the access token's claims. */
    static String describe(String accessToken) {
        try {
            JsonNode claims = Json.MAPPER.readTree(new String(Base64.getUrlDecoder().decode(
                    accessToken.split("\\.")[1]), StandardCharsets.UTF_8));
            StringBuilder roles = new StringBuilder();
            for (JsonNode role : claims.path("realm_access").path("roles")) {
                String name = role.asText();
                if (name.equals("provider") || name.equals("curator") || name.equals("member")) {
                    roles.append(roles.length() == 0 ? "" : ", ").append(name);
                }
            }
            return "as " + claims.path("preferred_username").asText(claims.path("sub").asText("?"))
                    + (roles.length() == 0 ? "" : " (" + roles + ")");
        } catch (Exception e) {
            return "";
        }
    }
}
