package com.linkpos.journeys;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A browser test with one Chromium at a time: the application's address, the browser, closed after each test. */
abstract class OneBrowser {

    @LocalServerPort
    int port;
    ChromeDriver browser;

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Logs in on the login page; answers once the first page after it has loaded. */
    void logIn(String username, String password) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** The payer fills the card form in (Ayşe Yılmaz, 12/30, CVV 123) and sends it: the issuer's 3-D Secure page. */
    void payWith(String card) {
        browser.findElement(By.id("cardHolder")).sendKeys("Ayşe Yılmaz");
        browser.findElement(By.id("cardNumber")).sendKeys(card);
        browser.findElement(By.id("expiry")).sendKeys("1230");
        browser.findElement(By.id("cvv")).sendKeys("123");
        browser.findElement(By.id("pay-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("otp")).isEmpty());
    }

    /**
     * Does what sends the page (a click, an Enter) and waits until the browser shows the next one: an element
     * of the same id on the page before would otherwise be found, and go stale under the test.
     */
    void thenTheNextPage(Runnable send) {
        org.openqa.selenium.WebElement before = browser.findElement(By.tagName("html"));
        send.run();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(before));
    }

    /** How much wider the page is than the window (0 when nothing overflows sideways). */
    long overflow() {
        return ((Number) browser.executeScript(
                "return Math.max(0, document.documentElement.scrollWidth - window.innerWidth)")).longValue();
    }

    /** The page as it prints (CSS print media), until {@link #onScreen()}. */
    void onPaper() {
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    }

    void onScreen() {
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }

    /** Lets this page's scripts write to the system clipboard and the test read it back. */
    void allowTheClipboard() {
        browser.executeCdpCommand("Browser.grantPermissions", Map.of("origin", url(""),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    }

    String clipboard() {
        return (String) browser.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, e => done('! ' + e));");
    }
}
