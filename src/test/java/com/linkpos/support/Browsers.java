package com.linkpos.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real browser for the journeys: Debian's headless Chromium and its ChromeDriver (installed by
 * .ci/run). Where they are missing, the test is skipped and says why; nothing is downloaded.
 */
public final class Browsers {

    private static final Path CHROMIUM = Path.of(System.getProperty("linkpos.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("linkpos.chromedriver", "/usr/bin/chromedriver"));

    private Browsers() {
    }

    /** A headless Chromium of the given width; skips the test when no Chromium is installed. */
    public static ChromeDriver chromium(int width, int height, String language) {
        return chromium(width, height, language, null);
    }

    /** The same, saving downloads into {@code downloads} without asking. */
    public static ChromeDriver chromium(int width, int height, String language, Path downloads) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser test skipped: no Chromium at " + CHROMIUM + " or ChromeDriver at " + CHROMEDRIVER
                        + " (apt-get install chromium chromium-driver; .ci/run does)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=" + language, "--window-size=" + width + "," + height);
        java.util.Map<String, Object> prefs = new java.util.HashMap<>();
        prefs.put("intl.accept_languages", language);
        if (downloads != null) {
            prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
            prefs.put("download.prompt_for_download", false);
        }
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    /** Saves what the browser shows as docs/screenshots/{name}.png, for the README. */
    public static void screenshot(ChromeDriver driver, String name) {
        try {
            Path file = Path.of("docs/screenshots", name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
