package com.linkpos.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.Browsers;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.Payer;
import com.linkpos.support.TestData;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Gün Sonu as the bank's operator sees it, at 1280 px and on a 375 px phone. */
@LinkPosTest
class BankScreensTest extends OneBrowser {

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 375})
    void theEndOfDayAsksFirstAndShowsEachMerchantByName(int width) {
        Api api = new Api(port);
        String name = "Ege Baharat Gıda Ltd. Şti. " + TestData.unique("");
        Api.Merchant merchant = api.newMerchant(name, List.of(), 12);
        Api.CreatedLink link = api.newLink(merchant, Map.of("amount", "150.00", "usage", "MULTI"));
        new Payer(port).pay(link.token(), "4155650100416111", null, true);
        String voided = new Payer(port).pay(link.token(), "5456160000000000", null, true);
        assertThat(api.post(merchant.key(), "/api/v1/transactions/" + voided + "/void", null).status()).isEqualTo(201);
        browser = Browsers.chromium(width, 900, "tr-TR");
        logIn("bank", TestData.BANK_PASSWORD);

        browser.get(url("/bank/batches"));
        browser.findElement(By.cssSelector("#close-batches button[type=submit]")).click();
        // nothing is closed before «Evet»: the page shows what will be
        WebElement form = browser.findElement(By.id("confirm-close"));
        assertThat(form.getText()).contains("gün sonu alınacak");
        WebElement row = browser.findElement(By.cssSelector("#open-batches-table tr[data-merchant-id=" + merchant.id() + "]"));
        String today = LocalDate.now(ZoneId.of("Europe/Istanbul")).format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
        assertThat(row.getText()).contains(name, today);
        assertThat(row.findElement(By.cssSelector("[data-col=sales]")).getText()).isEqualTo("2 satış · 300,00 TL");
        assertThat(row.findElement(By.cssSelector("[data-col=reversals]")).getText()).startsWith("1 iptal · 0 iade");
        assertThat(row.findElement(By.cssSelector("[data-col=net]")).getText()).isEqualTo("150,00 TL");
        assertThat(overflow()).isZero();

        browser.findElement(By.id("confirm")).click();
        assertThat(browser.findElement(By.id("batches-closed")).getText()).isNotBlank();
        row = browser.findElement(By.cssSelector("#batches-table tr[data-merchant-id=" + merchant.id() + "]"));
        assertThat(row.getText()).contains(name, today);
        assertThat(row.findElement(By.cssSelector("[data-col=net]")).getText()).isEqualTo("150,00 TL");
        assertThat(row.getText()).as("closed by the operator who confirmed").contains("bank");
        assertThat(overflow()).isZero();
    }
}
