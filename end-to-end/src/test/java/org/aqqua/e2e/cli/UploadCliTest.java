package org.aqqua.e2e.cli;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aqqua.testing.CatalogFixtures;
import org.aqqua.testing.CatalogServiceResource;
import org.aqqua.testing.DemoRealm;
import org.aqqua.testing.EcotaxaBundleGenerator;
import org.aqqua.testing.FreePorts;
import org.aqqua.testing.HarnessPaths;
import org.aqqua.testing.Infrastructure;
import org.aqqua.testing.ServiceConfig;
import org.aqqua.testing.ServiceProcess;
import org.aqqua.testing.Tokens;
import org.aqqua.upload.AqquaUpload;
import org.aqqua.upload.StateStore;
import org.aqqua.upload.UploadState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aqqua-upload} end to end, run in-process through its main entry against the real Keycloak, the packaged
 * catalog-service and ingest-service (-Xmx256m), PostgreSQL and S3: logged in with the device authorization grant
 * (approved by the test through Keycloak's own pages as the demo provider), upstream EcoTaxa fixtures uploaded as a
 * packed folder and as a file, the validation report printed with lines and fields, an interrupted upload resumed.
 */
class UploadCliTest {

    static final Path ECOTAXA = HarnessPaths.projectRoot().resolve("fixtures/external/ecotaxa_back/QA/py/data");
    static final Pattern VERIFICATION_URL = Pattern.compile("(http\\S+/device\\S*)");
    static final Pattern JOB = Pattern.compile("job ([0-9a-f-]{36}) queued");

    @TempDir
    static Path temp;
    static Path config;
    static ServiceProcess ingest;
    static String provider;
    static Run login;
    static Map<String, String> env;

    record Run(int code, String out, String err) {
        String all() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    @BeforeAll
    static void startIngestAndLogIn() throws Exception {
        Infrastructure infrastructure = Infrastructure.shared();
        Map<String, String> settings = new HashMap<>(ServiceConfig.forService("ingest-service",
                infrastructure.endpoints(), CatalogServiceResource.catalogUrl()));
        settings.put("aqqua.upload.min-part-size", "5M"); // S3's minimum: small bundles still come in parts
        settings.put("aqqua.ingest.poll-interval", "1s");
        ingest = ServiceProcess.start("ingest-service", "ingest-service-cli", FreePorts.next(), settings,
                infrastructure.dataDir(), List.of("-Xmx256m"));
        provider = Tokens.forUser(DemoRealm.PROVIDER);
        config = temp.resolve("aqqua-config");
        env = Map.of("AQQUA_CONFIG", config.toString(), "AQQUA_OIDC_URL", infrastructure.keycloak().realmUrl(),
                "AQQUA_INGEST_URL", ingest.url());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> run(env, out, err, "login"));
        String url = await().atMost(Duration.ofSeconds(30)).until(() -> {
            Matcher matcher = VERIFICATION_URL.matcher(err.toString(StandardCharsets.UTF_8));
            return matcher.find() ? matcher.group(1) : null;
        }, found -> found != null);
        String approved = KeycloakDeviceApproval.approve(url, DemoRealm.PROVIDER, DemoRealm.PROVIDER);
        int code = running.get(60, java.util.concurrent.TimeUnit.SECONDS);
        login = new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)
                + "\n[Keycloak said: " + approved + "]");
    }

    @AfterAll
    static void stopIngest() {
        if (ingest != null) {
            ingest.close();
        }
    }

    static int run(Map<String, String> env, OutputStream out, OutputStream err, String... args) {
        return AqquaUpload.execute(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
    }

    static Run cli(String... args) {
        return cli(env, args);
    }

    static Run cli(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = run(env, out, err, args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static UUID dataset() {
        return CatalogFixtures.dataset(Tokens.subjectOf(provider), "draft");
    }

    static JsonPath job(Run run) {
        Matcher matcher = JOB.matcher(run.err());
        assertThat(matcher.find()).as(run.all()).isTrue();
        return given().baseUri(ingest.url()).auth().oauth2(provider).get("/api/jobs/{id}", matcher.group(1))
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void deviceLoginShowsTheCodeAndKeepsTheRefreshTokenOwnerOnly() throws Exception {
        assertThat(login.code()).as(login.all()).isZero();
        assertThat(login.err()).contains("/realms/aqqua/device").containsPattern("code [A-Z]{4}-[A-Z]{4}")
                .contains("Logged in as demo-provider (provider)");
        Path credentials = config.resolve("credentials.json");
        assertThat(Files.getPosixFilePermissions(credentials)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(credentials)).contains("\"clientId\" : \"aqqua-cli\"").contains("refreshToken");
    }

    @Test
    void brokenUpstreamFolderFailsAndTheReportNamesLinesFieldsAndValues() {
        UUID dataset = dataset();
        Run run = cli("put", "--dataset", dataset.toString(), ECOTAXA.resolve("import_issues/tsv_issues").toString());
        assertThat(run.code()).as(run.all()).isEqualTo(1);
        assertThat(run.err()).contains("Packing folder").contains("tsv_issues.tar");
        assertThat(run.out()).as(run.all())
                .contains("failed")
                .contains("Validation report (line, field, value: message):")
                .contains("ecotaxa_m106_mn01_n3_sml.tsv")
                .contains("  line 3, object_lat '100': ")
                .contains("  line 3, object_lon '200': ")
                .contains("  line 3, object_date '20140433': ")
                .contains("  line 6, img_file_name 'm106_mn01_n3_sml_1081.jpg2': ")
                .contains("  line 7, img_file_name 'm106_mn01_n3_sml_corrupted_image.jpg': ")
                .contains("  line 8, img_file_name 'nada.png': ");
        assertThat(job(run).getString("state")).isEqualTo("failed");
    }

    @Test
    void validFolderAndValidArchiveSucceed() {
        Run folder = cli("put", "--dataset", dataset().toString(), "--report-csv",
                temp.resolve("report.csv").toString(), ECOTAXA.resolve("import_test").toString());
        assertThat(folder.code()).as(folder.all()).isZero();
        assertThat(folder.out()).contains("succeeded").contains("8 registered").contains("0 problems")
                .doesNotContain("Validation report");
        assertThat(temp.resolve("report.csv")).content().startsWith("file,line,field,value,reason");

        Run zip = cli("put", "--dataset", dataset().toString(), "--policy", "accept-valid",
                ECOTAXA.resolve("UVP6_example.zip").toString());
        assertThat(zip.code()).as(zip.all()).isZero();
        assertThat(zip.out()).contains("succeeded").contains("15 registered");
    }

    @Test
    void interruptedUploadIsResumedByRunningTheSameCommandAgain() throws Exception {
        Path bundle = temp.resolve("generated-bundle.zip");
        try (OutputStream out = Files.newOutputStream(bundle)) {
            new EcotaxaBundleGenerator(5, 400).writeZip(800, out);
        }
        assertThat(Files.size(bundle)).as("three parts of 5 MiB").isGreaterThan(10L << 20);
        UUID dataset = dataset();
        String[] command = {"put", "--dataset", dataset.toString(), "--parallel", "1", bundle.toString()};

        Run first = cli(append(command, "--stop-after-parts", "1"));
        assertThat(first.code()).as(first.all()).isEqualTo(6);
        assertThat(first.err()).contains("run the same command again to resume");
        UploadState state = new StateStore(config).load(StateStore.key(bundle, dataset, ingest.url())).orElseThrow();
        JsonPath upload = given().baseUri(ingest.url()).auth().oauth2(provider)
                .get("/api/uploads/{id}", state.uploadId()).then().statusCode(200).extract().jsonPath();
        assertThat(upload.getString("state")).isEqualTo("open");
        assertThat(upload.getInt("partCount")).isEqualTo(3);
        assertThat(upload.getList("receivedParts")).hasSize(1);

        Run second = cli(command);
        assertThat(second.code()).as(second.all()).isZero();
        assertThat(second.err()).contains("Resuming upload " + state.uploadId() + ": 1 of 3 parts already received");
        assertThat(second.out()).contains("succeeded").contains("800 registered");
        JsonPath job = job(second);
        assertThat(job.getString("archive.sha256")).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(bundle))));
        assertThat(new StateStore(config).load(state.key())).as("state forgotten once the job is final").isEmpty();
    }

    @Test
    void someoneElsesDatasetIsRefusedAndNoLoginMeansExitThree() {
        UUID others = CatalogFixtures.dataset(Tokens.subjectOf(Tokens.forUser(DemoRealm.OTHER_PROVIDER)), "draft");
        Run refused = cli("put", "--dataset", others.toString(), ECOTAXA.resolve("UVP6_example.zip").toString());
        assertThat(refused.code()).as(refused.all()).isEqualTo(4);
        assertThat(refused.err()).contains("HTTP 404");

        Map<String, String> noLogin = new HashMap<>(env);
        noLogin.put("AQQUA_CONFIG", temp.resolve("nobody").toString());
        Run anonymous = cli(noLogin, "put", "--dataset", dataset().toString(),
                ECOTAXA.resolve("UVP6_example.zip").toString());
        assertThat(anonymous.code()).as(anonymous.all()).isEqualTo(3);
        assertThat(anonymous.err()).contains("aqqua-upload login");

        Run help = cli("put", "--help");
        assertThat(help.out()).contains("Exit codes:").contains("Stopped before every part was sent");
    }

    static String[] append(String[] command, String... more) {
        String[] all = java.util.Arrays.copyOf(command, command.length + more.length);
        System.arraycopy(more, 0, all, command.length, more.length);
        return all;
    }
}
