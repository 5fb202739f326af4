package com.linkpos.journeys;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.By;
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

    /** The payer fills the card form in (Ayşe Yılmaz, 12/30, CVV 123) and sends it: the issuer's 3-D Secure page. */
    void payWith(String card) {
        browser.findElement(By.id("cardHolder")).sendKeys("Ayşe Yılmaz");
        browser.findElement(By.id("cardNumber")).sendKeys(card);
        browser.findElement(By.id("expiry")).sendKeys("1230");
        browser.findElement(By.id("cvv")).sendKeys("123");
        browser.findElement(By.id("pay-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("otp")).isEmpty());
    }
}
