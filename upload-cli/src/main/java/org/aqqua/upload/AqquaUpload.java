package org.aqqua.upload;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code aqqua-upload}: log in to AqQua, then upload a file or folder into a dataset, resumably, and get the
 * validation report. {@link #execute} runs it in-process (tests) with its own environment and output streams.
 */
@Command(name = "aqqua-upload", mixinStandardHelpOptions = true, version = "aqqua-upload 0.1.0",
        description = "Uploads archives and folders into AqQua datasets (resumable multipart upload straight to "
                + "storage), waits for the ingest job and prints its validation report.",
        subcommands = {LoginCommand.class, LogoutCommand.class, PutCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        footerHeading = "%nEnvironment:%n", footer = {
                "  AQQUA_CONFIG         where login keeps its refresh token and put its upload states",
                "                       (default ~/.config/aqqua)",
                "  AQQUA_OIDC_URL       Keycloak realm (default http://127.0.0.1:8180/realms/aqqua)",
                "  AQQUA_INGEST_URL     ingest-service (default http://127.0.0.1:8082)",
                "  AQQUA_CLIENT_ID, AQQUA_CLIENT_SECRET   client credentials for automation (instead of login)"})
public final class AqquaUpload implements Runnable {

    static final String DEFAULT_OIDC_URL = "http://127.0.0.1:8180/realms/aqqua";
    static final String DEFAULT_INGEST_URL = "http://127.0.0.1:8082";
    static final String CLI_CLIENT = "aqqua-cli";

    final Map<String, String> env;
    final PrintStream out;
    final PrintStream err;
    final boolean terminal;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--auth-url", paramLabel = "URL", scope = CommandLine.ScopeType.INHERIT,
            description = "Keycloak realm URL (env AQQUA_OIDC_URL; default " + DEFAULT_OIDC_URL + ").")
    String authUrl;

    @Option(names = "--ingest-url", paramLabel = "URL", scope = CommandLine.ScopeType.INHERIT,
            description = "ingest-service URL (env AQQUA_INGEST_URL; default " + DEFAULT_INGEST_URL + ").")
    String ingestUrl;

    @Option(names = "--config-dir", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = "Where the login and upload states are kept (env AQQUA_CONFIG; default ~/.config/aqqua).")
    Path configDir;

    @Option(names = "--client-id", paramLabel = "ID", scope = CommandLine.ScopeType.INHERIT,
            description = "Client for client credentials (env AQQUA_CLIENT_ID; default " + CLI_CLIENT
                    + " for login).")
    String clientId;

    @Option(names = "--client-secret", paramLabel = "SECRET", scope = CommandLine.ScopeType.INHERIT,
            description = "Client secret: use client credentials instead of the stored login (env AQQUA_CLIENT_SECRET).")
    String clientSecret;

    AqquaUpload(Map<String, String> env, PrintStream out, PrintStream err, boolean terminal) {
        this.env = env;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        int code = execute(args, System.getenv(), System.out, System.err, System.console() != null);
        System.exit(code);
    }

    /** Runs the CLI with the given environment and streams; returns the exit code (see {@link ExitCodes}). */
    public static int execute(String[] args, Map<String, String> env, PrintStream out, PrintStream err,
            boolean terminal) {
        CommandLine cli = new CommandLine(new AqquaUpload(env, out, err, terminal));
        cli.getCommandSpec().usageMessage().exitCodeList(ExitCodes.help());
        CommandLine put = cli.getSubcommands().get("put");
        put.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCodes.help());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof CliException cli1) {
                err.println("aqqua-upload: " + cli1.getMessage());
                return cli1.exitCode();
            }
            if (e instanceof ApiException api) {
                err.println("aqqua-upload: " + api.getMessage());
                return api.status == 401 ? ExitCodes.AUTHENTICATION : ExitCodes.REFUSED;
            }
            err.println("aqqua-upload: unexpected failure: " + e);
            e.printStackTrace(err);
            return ExitCodes.TRANSFER_FAILED;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(out);
    }

    String oidcUrl() {
        return first(authUrl, env.get("AQQUA_OIDC_URL"), DEFAULT_OIDC_URL);
    }

    String ingestUrl() {
        return first(ingestUrl, env.get("AQQUA_INGEST_URL"), DEFAULT_INGEST_URL);
    }

    String clientSecret() {
        return first(clientSecret, env.get("AQQUA_CLIENT_SECRET"), null);
    }

    String clientId(String fallback) {
        return first(clientId, env.get("AQQUA_CLIENT_ID"), fallback);
    }

    Path configDir() {
        if (configDir != null) {
            return configDir;
        }
        String configured = env.get("AQQUA_CONFIG");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("aqqua");
    }

    static HttpClient http() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Tokens for API calls: client credentials when a secret is configured, else the stored login. */
    AccessTokens tokens(Oidc oidc) {
        String secret = clientSecret();
        if (secret != null) {
            String id = clientId(null);
            if (id == null) {
                throw new CliException(ExitCodes.USAGE, "--client-secret needs --client-id (or AQQUA_CLIENT_ID)");
            }
            return AccessTokens.clientCredentials(oidc, id, secret);
        }
        try {
            Credentials credentials = Credentials.load(configDir()).orElseThrow(() -> new CliException(
                    ExitCodes.AUTHENTICATION, "Not logged in: run 'aqqua-upload login' first (or give a client "
                    + "secret for automation)."));
            return AccessTokens.loggedIn(oidc, configDir(), credentials);
        } catch (java.io.IOException e) {
            throw new CliException(ExitCodes.AUTHENTICATION, "Cannot read the stored login in " + configDir() + ": "
                    + e.getMessage(), e);
        }
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
