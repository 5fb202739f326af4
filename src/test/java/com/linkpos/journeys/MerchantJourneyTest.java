package com.linkpos.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.Browsers;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The main journeys in a real browser, one after the other as a merchant and a payer live them: log
 * in, create a link with every field, copy it, pay it through 3-D Secure, find it in İşlem Arama,
 * export, refund after end of day, edit and delete a link, switch language. Each main screen is saved
 * under docs/screenshots for the README.
 */
@LinkPosTest
class MerchantJourneyTest {

    @LocalServerPort
    int port;
    @TempDir
    Path downloads;
    ChromeDriver merchant;
    ChromeDriver payer;

    @AfterEach
    void close() {
        for (ChromeDriver driver : new ChromeDriver[] {merchant, payer}) {
            if (driver != null) {
                driver.quit();
            }
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private WebElement waitFor(ChromeDriver driver, By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    @Test
    void aMerchantsDayFromLinkToRefund() throws IOException {
        Api api = new Api(port);
        Api.Merchant account = api.newMerchant("Anadolu Kumaş Toptan A.Ş.", List.of("USD"), 12);
        merchant = Browsers.chromium(1280, 900, "tr-TR", downloads);

        // log in
        merchant.get(url("/login"));
        Browsers.screenshot(merchant, "01-login");
        merchant.findElement(By.id("username")).sendKeys(account.username());
        merchant.findElement(By.id("password")).sendKeys(account.password(), Keys.ENTER);
        waitFor(merchant, By.id("daily-chart"));

        // create a link with every field of the guide
        merchant.get(url("/links/new"));
        String order = "SIP-" + TestData.unique("K").replaceAll("[^0-9]", "").substring(0, 8);
        merchant.findElement(By.id("orderNumber")).sendKeys(order);
        new Select(merchant.findElement(By.id("currency"))).selectByValue("TRY");
        merchant.findElement(By.id("amount")).sendKeys("1.250,50");
        new Select(merchant.findElement(By.id("installments"))).selectByValue("3");
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Europe/Istanbul"));
        typeLocal(merchant.findElement(By.id("validFrom")), now.minusMinutes(5));
        typeLocal(merchant.findElement(By.id("validUntil")), now.plusDays(2));
        merchant.findElement(By.id("smsEnabled1")).click();
        merchant.findElement(By.id("sms")).sendKeys("0532 123 45 67");
        merchant.findElement(By.id("emailEnabled1")).click();
        merchant.findElement(By.id("email")).sendKeys("musteri@example.com");
        merchant.findElement(By.cssSelector("input[name=usage][value=SINGLE]")).click();
        merchant.findElement(By.id("description")).sendKeys("Kasım faturası — İstanbul şubesi");
        merchant.findElement(By.id("payerNoteEnabled1")).click();
        Browsers.screenshot(merchant, "03-new-link");
        merchant.findElement(By.id("save")).click();
        waitFor(merchant, By.id("link-created"));
        Browsers.screenshot(merchant, "04-link-detail");

        // copy its URL
        String payUrl = merchant.findElement(By.id("link-url")).getAttribute("value");
        assertThat(payUrl).contains("/pay/");
        WebElement copy = merchant.findElement(By.cssSelector(".link-share button.copy"));
        assertThat(copy.getAttribute("data-copy")).isEqualTo(payUrl);
        copy.click();
        new WebDriverWait(merchant, Duration.ofSeconds(5)).until(ExpectedConditions.textToBePresentInElement(copy, "Kopyalandı"));

        // the customer pays it on a phone through 3-D Secure
        payer = Browsers.chromium(375, 812, "tr-TR");
        payer.get(payUrl);
        Browsers.screenshot(payer, "05-payment-page");
        payer.findElement(By.id("cardHolder")).sendKeys("Ayşe Yılmaz");
        payer.findElement(By.id("cardNumber")).sendKeys("4155650100416111");
        payer.findElement(By.id("expiry")).sendKeys("1230");
        payer.findElement(By.id("cvv")).sendKeys("123");
        payer.findElement(By.id("payerNote")).sendKeys("Kapıda teslim");
        payer.findElement(By.id("pay-submit")).click();
        waitFor(payer, By.id("otp"));
        Browsers.screenshot(payer, "06-3d-secure");
        payer.findElement(By.id("otp")).sendKeys("123456", Keys.ENTER);
        WebElement result = waitFor(payer, By.id("payment-result"));
        assertThat(result.getAttribute("data-status")).isEqualTo("APPROVED");
        Browsers.screenshot(payer, "07-receipt");

        // the merchant finds it in İşlem Arama and opens its detail
        merchant.get(url("/reports/transactions?orderNumber=" + order));
        WebElement row = waitFor(merchant, By.cssSelector("#transactions-table tbody tr[data-transaction-id]"));
        assertThat(row.getText()).contains("Onaylandı", "1.250,50 TL", "415565******6111");
        Browsers.screenshot(merchant, "08-transaction-search");
        row.findElement(By.cssSelector("a.magnifier")).click();
        WebElement details = waitFor(merchant, By.id("transaction-details"));
        assertThat(details.getText()).contains("Kapıda teslim", "QNB Finansbank", "mdStatus 1");
        Browsers.screenshot(merchant, "09-transaction-detail");

        // export the search as CSV and Excel
        merchant.get(url("/reports/transactions?orderNumber=" + order));
        merchant.findElement(By.id("export-csv")).click();
        merchant.findElement(By.id("export-xlsx")).click();
        Path csv = downloaded(".csv");
        Path xlsx = downloaded(".xlsx");
        assertThat(Files.readString(csv)).contains(order, "1250.50", "415565******6111");
        assertThat(Files.size(xlsx)).isPositive();

        // after end of day the sale is refunded, in part
        api.post(TestData.BANK_KEY, "/api/v1/admin/batches/close", null);
        merchant.get(url("/reversals?orderNumber=" + order));
        waitFor(merchant, By.cssSelector("a.action-refund")).click();
        WebElement amount = waitFor(merchant, By.id("amount"));
        assertThat(amount.getAttribute("value")).as("the rest, written as Turkish is").isEqualTo("1.250,50");
        // more than the rest never reaches «Emin misiniz?»
        amount.clear();
        amount.sendKeys("2.000,00");
        merchant.findElement(By.id("refund")).click();
        assertThat(waitFor(merchant, By.id("amount-error")).getText()).contains("1.250,50 TL");
        assertThat(merchant.findElements(By.id("confirm"))).isEmpty();
        amount = merchant.findElement(By.id("amount"));
        amount.clear();
        amount.sendKeys("250,50");
        Browsers.screenshot(merchant, "10-refund");
        merchant.findElement(By.id("refund")).click();
        waitFor(merchant, By.id("confirm")).click();
        WebElement outcome = waitFor(merchant, By.id("reversal-outcome"));
        assertThat(outcome.getAttribute("data-status")).isEqualTo("APPROVED");
        assertThat(merchant.findElement(By.id("tx-refunded")).getText()).isEqualTo("250,50 TL");

        // edit and delete another link
        merchant.get(url("/links/new"));
        merchant.findElement(By.id("amount")).sendKeys("99,90");
        merchant.findElement(By.id("save")).click();
        waitFor(merchant, By.id("link-created"));
        merchant.findElement(By.linkText("Link Güncelle")).click();
        WebElement editAmount = waitFor(merchant, By.id("amount"));
        editAmount.clear();
        editAmount.sendKeys("120,00");
        merchant.findElement(By.id("save")).click();
        waitFor(merchant, By.id("link-updated"));
        assertThat(merchant.findElement(By.id("link-status")).getText()).isEqualTo("Aktif");
        assertThat(merchant.findElement(By.cssSelector("dl.details")).getText()).contains("120,00 TL");
        merchant.findElement(By.linkText("Sil")).click();
        waitFor(merchant, By.id("confirm-delete")).click();
        waitFor(merchant, By.id("links-table"));
        Browsers.screenshot(merchant, "02-links");

        merchant.get(url("/dashboard"));
        waitFor(merchant, By.id("daily-chart"));
        assertThat(merchant.findElement(By.id("today-total")).getText()).contains("1.250,50 TL");
        Browsers.screenshot(merchant, "00-dashboard");

        // switch language
        merchant.findElement(By.cssSelector(".languages a[lang=en]")).click();
        new WebDriverWait(merchant, Duration.ofSeconds(5)).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Overview"));
        assertThat(merchant.findElement(By.id("today-total")).getText()).contains("TRY 1,250.50");
        merchant.get(url("/links"));
        assertThat(merchant.findElement(By.id("new-link")).getText()).isEqualTo("New link");
        Browsers.screenshot(merchant, "11-links-english");
    }

    /** Typed as Turkish is written (gg.aa.yyyy ss:dd), key by key, as a person types it. */
    private void typeLocal(WebElement field, LocalDateTime value) {
        field.clear();
        field.sendKeys(value.format(DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")));
    }

    private Path downloaded(String suffix) throws IOException {
        long until = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < until) {
            // whole: Chromium names the file before it has written it, and keeps a temporary one while it writes
            try (Stream<Path> files = Files.list(downloads)) {
                List<Path> all = files.toList();
                boolean writing = all.stream().map(f -> f.getFileName().toString())
                        .anyMatch(name -> name.endsWith(".crdownload") || name.startsWith("."));
                var done = all.stream().filter(f -> f.toString().endsWith(suffix)).findFirst();
                if (done.isPresent() && !writing && Files.size(done.get()) > 0) {
                    return done.get();
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("no " + suffix + " downloaded");
    }
}
