package org.aqqua.release.landing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aqqua.release.ReleaseClockTest;
import org.aqqua.testing.AqquaInfrastructureResource;
import org.aqqua.testing.CatalogFixtures;
import org.aqqua.testing.CatalogFixtures.DatasetFixture;
import org.aqqua.testing.CatalogServiceResource;
import org.aqqua.testing.DemoRealm;
import org.aqqua.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The landing pages as the public sees them, in headless Chromium (Debian's chromium and chromium-driver, which
 * deploy/local/test installs when missing): before the release a dataset's page is "not found", from the release
 * on it shows citation, licence, counts, instruments, map and downloads with its schema.org JSON-LD; after a
 * withdrawal it is a tombstone. Statuses are checked over HTTP, since a browser does not expose them.
 */
@QuarkusTest
@WithTestResource(value = AqquaInfrastructureResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "release-service"))
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.GLOBAL)
class LandingPagesBrowserTest extends ReleaseClockTest {

    static ChromeDriver browser;
    static String owner;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void startBrowser() {
        owner = Tokens.subjectOf(Tokens.forUser(DemoRealm.PROVIDER));
        ChromeOptions options = new ChromeOptions().addArguments("--headless=new", "--no-sandbox",
                "--disable-dev-shm-usage", "--disable-gpu");
        options.setBinary(firstExisting("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(firstExisting("/usr/bin/chromedriver",
                        "/usr/lib/chromium/chromedriver")).toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aDatasetPageAppearsAtTheReleaseWithCitationLicenceCountsMapDownloadsAndJsonLd() {
        UUID dataset = CatalogFixtures.releasable(owner).images(3).create();
        String page = root + "datasets/" + dataset;

        clock.set(INSTANT.minusSeconds(1));
        scheduler.runOnce();
        given().when().get(page).then().statusCode(404);
        browser.get(page);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
        assertThat(browser.getPageSource()).doesNotContain("Fixture dataset");

        clock.set(INSTANT.plusSeconds(1));
        assertThat(scheduler.runOnce().released()).contains(dataset);
        given().when().get(page).then().statusCode(200).contentType("text/html");
        browser.get(page);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Fixture dataset " + dataset);
        assertThat(browser.findElement(By.id("citation")).getText()).startsWith("Owner, Fixture (2027). Fixture "
                + "dataset " + dataset).contains("CC-BY-NC-4.0");
        assertThat(browser.findElement(By.cssSelector("a.licence")).getAttribute("href"))
                .isEqualTo("https://creativecommons.org/licenses/by-nc/4.0/");
        assertThat(browser.findElement(By.id("images")).getText()).isEqualTo("3");
        assertThat(browser.findElement(By.id("instruments")).getText()).isEqualTo("UVP6");
        assertThat(Double.parseDouble(browser.findElement(By.id("area")).getAttribute("x")))
                .as("longitude 7.31 on a map from -180").isCloseTo(187.31, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(browser.findElements(By.cssSelector("#downloads a"))).extracting(a -> a.getText())
                .contains("images.parquet", "dwca.zip", "datacite.xml", "croissant.json", "citation.bib");
        @SuppressWarnings("unchecked")
        Map<String, Object> jsonLd = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript(
                "return JSON.parse(document.getElementById('schema-org').textContent);");
        assertThat(jsonLd).containsEntry("@type", "sc:Dataset").containsEntry("name", "Fixture dataset " + dataset)
                .containsEntry("license", "https://creativecommons.org/licenses/by-nc/4.0/");
        assertThat((List<?>) jsonLd.get("distribution")).hasSize(4);
        assertThat(browser.getPageSource()).doesNotContain(DatasetFixture.OWNER_EMAIL);

        browser.get(root.toString());
        assertThat(browser.findElement(By.id("datasets")).getText()).contains("Fixture dataset " + dataset);
        assertThat(browser.findElement(By.id("authors")).getText()).contains("Fixture Owner (AqQua test institute)");
    }

    @Test
    void aDatasetWithdrawnAfterItsReleaseShowsATombstoneWithTheReason() {
        UUID dataset = CatalogFixtures.releasable(owner).images(1).create();
        clock.set(INSTANT.plusSeconds(3));
        assertThat(scheduler.runOnce().released()).contains(dataset);
        given().auth().oauth2(Tokens.forUser(DemoRealm.CURATOR)).contentType("application/json")
                .body("{\"reason\":\"duplicate of another dataset\"}")
                .when().post("/api/datasets/{id}/withdrawal", dataset).then().statusCode(200);

        String page = root + "datasets/" + dataset;
        given().when().get(page).then().statusCode(410);
        browser.get(page);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Withdrawn");
        assertThat(browser.findElement(By.id("reason")).getText()).isEqualTo("duplicate of another dataset");
        assertThat(browser.findElements(By.id("downloads"))).isEmpty();
    }

    @Test
    void beforeAnyReleaseTheAqquaPageRevealsNoCount() {
        browser.get(root.toString());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("The AqQua dataset");
        assertThat(browser.findElement(By.cssSelector("a.licence")).getText()).isEqualTo("CC BY-NC 4.0");
        assertThat(browser.findElement(By.id("totals")).getText()).startsWith("Nothing is public yet");
        assertThat(browser.findElements(By.id("datasets"))).isEmpty();
    }

    private static String firstExisting(String... paths) {
        for (String path : paths) {
            if (Files.isExecutable(Path.of(path))) {
                return path;
            }
        }
        throw new IllegalStateException("None of " + List.of(paths) + " is installed: run deploy/local/test, which "
                + "installs Debian's chromium and chromium-driver");
    }
}
