package com.linkpos.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.Browsers;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.Payer;
import com.linkpos.support.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * No page is wider than the screen, at 1280 px and on a 375 px phone, and every row's actions are in
 * sight without scrolling sideways: a merchant's pages with real rows in them, the payer's, the bank's.
 */
@LinkPosTest
class ScreenWidthsTest extends OneBrowser {

    private final List<String> tooWide = new ArrayList<>();
    private final List<String> actionsOutOfSight = new ArrayList<>();

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 375})
    void noPageIsWiderThanTheScreen(int width) {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant("Boğaziçi Elektronik ve Beyaz Eşya Ticaret Anonim Şirketi", List.of(), 12);
        Api.CreatedLink link = api.newLink(merchant, Map.of("amount", "1250.50", "usage", "MULTI", "installments", 6,
                "orderNumber", TestData.unique("WIDTH-ORDER-NUMBER"), "description", "Kasım faturası",
                "notify", Map.of("email", "muhasebe.departmani@bogazici-elektronik.example")));
        String sale = new Payer(port).pay(link.token(), "4155650100416111", "Teşekkürler", true);
        // [X1] an upload of bulk links, done, with a refused row
        String upload = api.upload(merchant.key(), "/api/v1/links/bulk", "toplu.csv",
                "Tutar,Cep Telefonu\r\n10.00,\r\n,123\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)).json().path("id").asString();
        com.linkpos.support.Eventually.within(java.time.Duration.ofSeconds(30), () -> api.get(merchant.key(), "/api/v1/links/bulk/" + upload)
                .json().path("status").asString().equals("DONE"), "the upload done");
        browser = Browsers.chromium(width, 900, "tr-TR");

        // the payer's pages
        browser.get(url("/pay/" + link.token()));
        measure(width, "payment page");
        payWith("5400610000000001");
        measure(width, "3-D Secure page");
        browser.findElement(By.id("otp")).sendKeys("123456", Keys.ENTER);
        browser.findElement(By.id("receipt"));
        measure(width, "receipt");
        browser.get(url("/pay/" + api.newLink(merchant, "{\"amount\": \"99.90\"}").token()));
        payWith("4000000000009995");
        browser.findElement(By.id("otp")).sendKeys("123456", Keys.ENTER);
        browser.findElement(By.id("attempt-summary"));
        measure(width, "failure page");

        // the merchant's
        logIn(merchant.username(), merchant.password());
        for (String page : List.of("/dashboard", "/links", "/links/" + link.id(), "/links/new", "/links/bulk", "/links/bulk/" + upload, "/reports/transactions",
                "/reports/transactions/" + sale, "/reports/links", "/reports/settlements", "/reversals", "/reversals/" + sale, "/messages", "/help",
                "/users")) {
            browser.get(url(page));
            measure(width, page);
        }
        // the menus grouped as the guide's (Provizyon, Raporlar)
        assertThat(browser.findElements(By.cssSelector("nav.menu .menu-group")).stream().map(e -> e.getAttribute("textContent")))
                .anyMatch(group -> group.startsWith("Provizyon")).anyMatch(group -> group.startsWith("Raporlar"));
        if (width < 600) {
            // on a phone the menu folds behind «Menü», and opens on a tap
            browser.get(url("/dashboard"));
            assertThat(browser.findElement(By.cssSelector("nav.menu")).isDisplayed()).isFalse();
            browser.findElement(By.cssSelector("label.menu-toggle-label")).click();
            assertThat(browser.findElement(By.linkText("İşlem Arama")).isDisplayed()).isTrue();
        } else {
            assertThat(browser.findElement(By.linkText("İşlem Arama")).isDisplayed()).isTrue();
        }
        browser.manage().deleteAllCookies();

        // the bank's
        logIn("bank", TestData.BANK_PASSWORD);
        for (String page : List.of("/bank/batches", "/bank/batches/close", "/bank/settlements", "/bank/merchants",
                "/bank/merchants/" + merchant.id())) {
            browser.get(url(page));
            measure(width, page);
        }

        assertThat(tooWide).isEmpty();
        assertThat(actionsOutOfSight).isEmpty();
    }

    /** Notes whether the page overflows the window and whether any row's actions lie beyond its right edge. */
    private void measure(int width, String page) {
        long overflow = overflow();
        if (overflow > 0) {
            tooWide.add(width + " px " + page + ": " + overflow + " px too wide");
        }
        long inner = ((Number) browser.executeScript("return window.innerWidth")).longValue();
        for (Object right : (List<?>) browser.executeScript("return Array.from(document.querySelectorAll("
                + "'tbody td.row-actions')).map(cell => cell.getBoundingClientRect().right)")) {
            if (((Number) right).doubleValue() > inner) {
                actionsOutOfSight.add(width + " px " + page + ": actions end at " + right + " > " + inner);
            }
        }
    }
}
