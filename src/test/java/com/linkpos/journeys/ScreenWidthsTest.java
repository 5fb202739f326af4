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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * No page is wider than the screen, at 1280 px and on a 375 px phone, and every row's actions are in
 * sight without scrolling sideways: a merchant's pages with real rows in them, the payer's, the bank's.
 */
@LinkPosTest
class ScreenWidthsTest {

    @LocalServerPort
    int port;
    ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private long number(String script) {
        return ((Number) browser.executeScript(script)).longValue();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void noPageIsWiderThanTheScreen() {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant();
        Api.CreatedLink link = api.newLink(merchant, Map.of("amount", "1250.50", "usage", "MULTI",
                "orderNumber", TestData.unique("WIDTH-ORDER-NUMBER"), "description", "Kasım faturası"));
        new Payer(port).pay(link.token(), "4155650100416111", "Teşekkürler", true);
        browser = Browsers.chromium(1280, 900, "tr-TR");
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(merchant.username());
        browser.findElement(By.id("password")).sendKeys(merchant.password());
        browser.findElement(By.cssSelector("form button[type=submit]")).click();

        List<String> pages = List.of("/dashboard", "/links", "/links/" + link.id(), "/links/new", "/reports/transactions",
                "/reports/links", "/reversals", "/messages", "/help", "/users");
        List<String> tooWide = new ArrayList<>();
        List<String> actionsOutOfSight = new ArrayList<>();
        for (int width : new int[] {1280, 375}) {
            browser.manage().window().setSize(new Dimension(width, 900));
            for (String page : pages) {
                browser.get(url(page));
                long scroll = number("return document.documentElement.scrollWidth");
                long inner = number("return window.innerWidth");
                if (scroll > inner) {
                    tooWide.add(width + " " + page + ": " + scroll + " > " + inner);
                }
                // a row's actions (pencil and X, İptal/İade, the magnifier) are in sight without scrolling sideways
                for (Object right : (List<?>) browser.executeScript("return Array.from(document.querySelectorAll("
                        + "'tbody td.row-actions')).map(cell => cell.getBoundingClientRect().right)")) {
                    if (((Number) right).doubleValue() > inner) {
                        actionsOutOfSight.add(width + " " + page + ": " + right + " > " + inner);
                    }
                }
            }
        }
        assertThat(tooWide).isEmpty();
        assertThat(actionsOutOfSight).isEmpty();

        // on a phone the menu folds behind «Menü», and opens on a tap
        browser.manage().window().setSize(new Dimension(375, 812));
        browser.get(url("/dashboard"));
        assertThat(browser.findElement(By.cssSelector("nav.menu")).isDisplayed()).isFalse();
        browser.findElement(By.cssSelector("label.menu-toggle-label")).click();
        assertThat(browser.findElement(By.linkText("İşlem Arama")).isDisplayed()).isTrue();

        // the payer's page on a phone
        browser.get(url("/pay/" + link.token()));
        assertThat(number("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(number("return window.innerWidth"));
    }
}
