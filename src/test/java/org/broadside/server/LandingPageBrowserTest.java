package org.broadside.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The landing page clicked through in a real browser: Debian's chromium, headless, driven by chromium-driver
 * (.ci/run installs both). Each page is saved as a screenshot in target/screenshots (copied to docs/screenshots).
 */
class LandingPageBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "screenshots");

    private static ServerFixture f;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        assertThat(CHROMIUM).as("chromium is installed (apt-get install chromium chromium-driver; .ci/run does it)").exists();
        assertThat(DRIVER).as("chromium-driver is installed").exists();
        f = new ServerFixture(ServerOptions.loopback().withRate(0).withStyle(new PageStyle("Acme News", "#0b5394", "#eef3f8")), true);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=420,760",
                "--user-data-dir=" + Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.quit();
        if (f != null) f.close();
    }

    @Test
    void aPersonUnsubscribesAndUndoesItInChromium() throws Exception {
        browser.get(f.url("/u/" + f.token(ServerFixture.JO)).toString());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Stop receiving Acme News at j***@example.com?");
        assertThat(f.blacklisted(ServerFixture.JO)).as("opening the page changes nothing").isFalse();
        shot("unsubscribe-1-question.png");

        browser.findElement(By.cssSelector("button[type=submit]")).click();
        awaitHeading("You are unsubscribed");
        assertThat(f.blacklisted(ServerFixture.JO)).isTrue();
        shot("unsubscribe-2-done.png");

        browser.findElement(By.cssSelector("button[type=submit]")).click();
        awaitHeading("You are still subscribed");
        assertThat(f.blacklisted(ServerFixture.JO)).isFalse();
        shot("unsubscribe-3-undone.png");
    }

    @Test
    void theFrenchPageAndTheInvalidLinkPage() throws Exception {
        browser.get(f.url("/u/" + f.token(ServerFixture.ANN, "fr")).toString());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Ne plus recevoir Acme News à l’adresse a***@example.org ?");
        shot("unsubscribe-4-french.png");
        browser.get(f.url("/u/forged-token-AAAAAAAAAAAAAAAAAAAAAAAAAAAA").toString());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This link is not valid");
        shot("unsubscribe-5-invalid-link.png");
    }

    /**
     * A click on a form's button returns before the next page has loaded; reading the heading at once sometimes read
     * the old page while it was being replaced (no h1 for a moment). So wait, up to 10 s, for the expected heading.
     */
    private static void awaitHeading(String expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String seen = null;
        while (System.nanoTime() < deadline) {
            try {
                seen = browser.findElement(By.tagName("h1")).getText();
                if (expected.equals(seen)) return;
            } catch (WebDriverException notYet) {
                seen = notYet.getClass().getSimpleName();
            }
            Thread.sleep(50);
        }
        assertThat(seen).as("the page's heading after 10 s").isEqualTo(expected);
    }

    private static void shot(String name) throws Exception {
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
