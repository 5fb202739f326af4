package com.linkpos.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.Browsers;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * [X1] «Toplu Link» in a real browser: the merchant picks a file, sees the upload's progress page refresh
 * itself until it is done, then the refused row with its field and reason, and downloads the result.
 */
@LinkPosTest
class BulkLinksBrowserTest extends OneBrowser {

    /** Enough rows that the progress page is usually seen before the end. */
    private static final int ROWS = 1500;

    @TempDir
    Path files;
    @TempDir
    Path downloads;

    @Test
    void aMerchantUploadsAFileSeesItsProgressAndItsRefusedRowAndDownloadsTheResult() throws Exception {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant();
        String prefix = TestData.unique("WEB");
        StringBuilder csv = new StringBuilder("Sipariş Numarası,Tutar,Açıklama\r\n");
        for (int i = 1; i <= ROWS; i++) {
            csv.append(prefix).append('-').append(i).append(',').append(i == 7 ? "" : "12.50").append(",Toplu\r\n");
        }
        Path file = files.resolve("linkler.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        browser = Browsers.chromium(1280, 900, "tr-TR", downloads);
        logIn(merchant.username(), merchant.password());
        browser.get(url("/links"));
        thenTheNextPage(() -> browser.findElement(By.id("bulk-links")).click());
        assertThat(browser.findElement(By.id("template-tr-xlsx")).getAttribute("href")).contains("format=xlsx").contains("lang=tr");
        browser.findElement(By.id("bulk-file")).sendKeys(file.toString());
        thenTheNextPage(() -> browser.findElement(By.id("bulk-submit")).click());

        // the progress page: counts while it runs, refreshed by the page's script until it is done
        assertThat(browser.getCurrentUrl()).contains("/links/bulk/blk_");
        // read at once: the page's script puts a fresh copy in place every two seconds
        @SuppressWarnings("unchecked")
        List<String> first = (List<String>) browser.executeScript("const p = document.getElementById('bulk-progress');"
                + " return [p.getAttribute('role'), p.dataset.status, document.getElementById('bulk-counts').textContent];");
        assertThat(first.get(0)).isEqualTo("status");
        String firstStatus = first.get(1);
        assertThat(first.get(2)).contains("/ 1.500 satır işlendi");
        new WebDriverWait(browser, Duration.ofSeconds(90)).ignoring(StaleElementReferenceException.class).until(d ->
                "DONE".equals(d.findElement(By.id("bulk-progress")).getAttribute("data-status")));
        assertThat(browser.findElement(By.id("bulk-counts")).getText())
                .contains("1.499 link oluşturuldu").contains("1 satır reddedildi");
        System.out.println("Bulk progress page first seen as " + firstStatus);

        List<WebElement> refused = browser.findElements(By.cssSelector("#bulk-errors tbody tr"));
        assertThat(refused).hasSize(1);
        assertThat(refused.get(0).getAttribute("data-row")).isEqualTo("7");
        assertThat(refused.get(0).getAttribute("data-field")).isEqualTo("amount");
        assertThat(refused.get(0).getText()).contains("7").contains("Tutar").contains("Bu alan zorunludur.");

        browser.findElement(By.id("result-csv")).click();
        Path result = downloaded();
        List<String> lines = Files.readAllLines(result, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(ROWS + 1);
        assertThat(lines.get(0)).isEqualTo("row,url,errors");
        assertThat(lines.get(1)).startsWith("1,http://").contains("/pay/");
        assertThat(lines.get(7)).startsWith("7,,").contains("required");
    }

    /** The one file downloaded, once Chromium has written it whole. */
    private Path downloaded() throws Exception {
        long until = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < until) {
            try (Stream<Path> listed = Files.list(downloads)) {
                List<Path> whole = listed.filter(p -> !p.getFileName().toString().startsWith(".")
                        && !p.getFileName().toString().endsWith(".crdownload")).toList();
                if (!whole.isEmpty() && Files.size(whole.get(0)) > 0) {
                    return whole.get(0);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no download in " + downloads);
    }
}
