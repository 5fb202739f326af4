package com.linkpos.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.Axe;
import com.linkpos.support.Browsers;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.Payer;
import com.linkpos.support.TestData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * axe-core finds no accessibility violation (WCAG 2.1 A and AA, and its best practices) on the pages a
 * merchant, a payer and a bank operator use, in a real Chromium.
 */
@LinkPosTest
class AccessibilityTest extends OneBrowser {

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {375, 1280})
    void noPageHasAViolation(int width) throws Exception {
        Axe axe = Axe.installed();
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant();
        Api.CreatedLink link = api.newLink(merchant, Map.of("amount", "1250.50", "installments", 3, "usage", "MULTI",
                "orderNumber", TestData.unique("A11Y"), "description", "Kasım faturası"));
        String sale = new Payer(port).pay(link.token(), "4155650100416111", null, true);
        // [X6] a hold, to be captured or released
        String hold = new Payer(port).pay(api.newLink(merchant, "{\"amount\": \"300.00\", \"preAuthorization\": true}").token(),
                "4155650100416111", null, true);
        // [X1] an upload of bulk links, done, with a refused row
        String upload = api.upload(merchant.key(), "/api/v1/links/bulk", "toplu.csv",
                "Tutar,Cep Telefonu\r\n10.00,\r\n,123\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)).json().path("id").asString();
        com.linkpos.support.Eventually.within(java.time.Duration.ofSeconds(30), () -> api.get(merchant.key(), "/api/v1/links/bulk/" + upload)
                .json().path("status").asString().equals("DONE"), "the upload done");
        Map<String, List<String>> found = new LinkedHashMap<>();

        // the payer: the payment page, the issuer's 3-D Secure page, the receipt and a failure
        browser = Browsers.chromium(width, 812, "tr-TR");
        browser.get(url("/pay/" + link.token()));
        found.put("payment page", axe.violations(browser));
        payWith("4155650100416111");
        found.put("3-D Secure page", axe.violations(browser));
        browser.findElement(By.id("otp")).sendKeys("123456", Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("receipt")).isEmpty());
        found.put("receipt", axe.violations(browser));
        // a card the issuer declines: the failure page
        browser.get(url("/pay/" + api.newLink(merchant, "{\"amount\": \"99.90\"}").token()));
        payWith("4000000000009995");
        browser.findElement(By.id("otp")).sendKeys("123456", Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("attempt-summary")).isEmpty());
        found.put("failure page", axe.violations(browser));
        // [X4] an amount the payer types, refused outside the link's range: the form again with its error
        browser.get(url("/pay/" + api.newLink(merchant, "{\"openAmount\": {\"min\": \"10.00\", \"max\": \"500.00\"}}").token()));
        found.put("open amount payment page", axe.violations(browser));
        browser.findElement(By.id("amount")).sendKeys("1");
        browser.findElement(By.id("cardHolder")).sendKeys("Ayşe Yılmaz");
        browser.findElement(By.id("cardNumber")).sendKeys("4155650100416111");
        browser.findElement(By.id("expiry")).sendKeys("1230");
        browser.findElement(By.id("cvv")).sendKeys("123");
        browser.findElement(By.id("pay-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("amount-error")).isEmpty());
        found.put("open amount refused", axe.violations(browser));
        browser.quit();

        // the merchant
        browser = Browsers.chromium(width, 900, "tr-TR");
        browser.get(url("/login"));
        found.put("login", axe.violations(browser));
        browser.findElement(By.id("username")).sendKeys(merchant.username());
        browser.findElement(By.id("password")).sendKeys(merchant.password(), Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("daily-chart")).isEmpty());
        for (String page : List.of("/dashboard", "/links", "/links/new", "/links/" + link.id(), "/links/bulk", "/links/bulk/" + upload, "/reports/transactions",
                "/reports/transactions/" + sale, "/reports/links", "/reports/settlements", "/reversals", "/reversals/" + sale, "/reversals/" + hold, "/messages", "/account/two-factor", "/help")) {
            browser.get(url(page));
            found.put(page, axe.violations(browser));
        }
        browser.quit();

        // the bank operator
        browser = Browsers.chromium(width, 900, "tr-TR");
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("bank");
        browser.findElement(By.id("password")).sendKeys(TestData.BANK_PASSWORD, Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/bank/"));
        for (String page : List.of("/bank/batches", "/bank/batches/close", "/bank/settlements", "/bank/merchants",
                "/bank/merchants/" + merchant.id())) {
            browser.get(url(page));
            found.put(page, axe.violations(browser));
        }

        List<String> violations = new ArrayList<>();
        found.forEach((page, lines) -> lines.forEach(line -> violations.add(page + " — " + line)));
        assertThat(violations).isEmpty();
    }
}
