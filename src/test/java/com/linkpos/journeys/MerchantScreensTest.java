package com.linkpos.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.Browsers;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.Payer;
import com.linkpos.support.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * What a merchant reads and types, in Chromium at 1280 px and on a 375 px phone: the same money on
 * every screen of a link, money and dates typed the page's way, words instead of codes, Dışa Aktar,
 * and the small things (dashes for empty values, masked recipients, search by order number).
 */
@LinkPosTest
class MerchantScreensTest extends OneBrowser {

    @TempDir
    Path downloads;

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 375})
    void aVoidAndARefundShowTheSameMoneyOnEveryScreen(int width) {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant();
        Api.CreatedLink link = api.newLink(merchant, Map.of("amount", "25.00", "usage", "MULTI",
                "orderNumber", TestData.unique("M7")));
        String voided = new Payer(port).pay(link.token(), "4155650100416111", null, true);
        String refunded = new Payer(port).pay(link.token(), "5456160000000000", null, true);
        assertThat(api.post(merchant.key(), "/api/v1/transactions/" + voided + "/void", null).status()).isEqualTo(201);
        assertThat(api.post(TestData.BANK_KEY, "/api/v1/admin/batches/close", null).status() / 100).isEqualTo(2);
        assertThat(api.post(merchant.key(), "/api/v1/transactions/" + refunded + "/refunds", "{\"amount\": \"10.00\"}")
                .status()).isEqualTo(201);
        JsonNode json = api.get(merchant.key(), "/api/v1/links/" + link.id()).json();
        assertThat(List.of(json.path("paymentCount").asString(), json.path("collectedAmount").asString(),
                json.path("refundedAmount").asString())).containsExactly("1", "25.00", "10.00");

        browser = Browsers.chromium(width, 900, "tr-TR");
        logIn(merchant.username(), merchant.password());
        browser.get(url("/links/" + link.id()));
        assertThat(List.of(text("#link-payments"), text("#link-collected"), text("#link-refunded"), text("#link-net")))
                .containsExactly("1", "25,00 TL", "10,00 TL", "15,00 TL");
        assertThat(text("tr[data-transaction-id=" + voided + "] .status")).as("a voided sale no longer looks approved")
                .isEqualTo("İptal edildi");
        assertThat(overflow()).isZero();

        searchByOrderNumber("/links", "f-order", link.orderNumber());
        WebElement row = browser.findElement(By.cssSelector("tr[data-link-id=" + link.id() + "]"));
        assertThat(row.findElement(By.cssSelector("[data-col=collected]")).getText()).isEqualTo("25,00");
        assertThat(row.findElement(By.cssSelector("[data-col=refunded]")).getText()).isEqualTo("İade 10,00 · Net 15,00");
        assertThat(row.findElement(By.cssSelector("a.edit")).isDisplayed()).isTrue();
        assertThat(inSight(row.findElement(By.cssSelector("td.row-actions")))).as("pencil and X in sight").isTrue();

        searchByOrderNumber("/reports/links", "r-order", link.orderNumber());
        row = browser.findElement(By.cssSelector("tr[data-link-id=" + link.id() + "]"));
        assertThat(List.of(row.findElement(By.cssSelector("[data-col=collected]")).getText(),
                row.findElement(By.cssSelector("[data-col=refunded]")).getText(),
                row.findElement(By.cssSelector("[data-col=net]")).getText())).containsExactly("25,00 TL", "10,00 TL", "15,00 TL");

        searchByOrderNumber("/reversals", "s-order", link.orderNumber());
        assertThat(text("tr[data-transaction-id=" + voided + "] .status")).isEqualTo("İptal edildi");

        browser.get(url("/links/" + link.id() + "?lang=en"));
        assertThat(text("#link-net")).isEqualTo("TRY 15.00");
        assertThat(text("tr[data-transaction-id=" + voided + "] .status")).isEqualTo("Voided");
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 375})
    void moneyIsTypedAndShownOneWayPerLanguageAndARefusedRefundNeverReachesTheConfirmation(int width) {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant();
        Api.CreatedLink link = api.newLink(merchant, Map.of("amount", "1250.50", "orderNumber", TestData.unique("TYPED")));
        String sale = new Payer(port).pay(link.token(), "4155650100416111", null, true);
        browser = Browsers.chromium(width, 900, "tr-TR");
        logIn(merchant.username(), merchant.password());

        // before end of day the whole sale may be voided
        browser.get(url("/reversals/" + sale));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("satışın tamamı iptal edilebilir");
        api.post(TestData.BANK_KEY, "/api/v1/admin/batches/close", null);

        browser.get(url("/reversals/" + sale));
        assertThat(browser.findElement(By.id("amount")).getAttribute("value")).isEqualTo("1.250,50");
        for (String typed : new String[] {"abc", "0", "2.000,00", "1.25"}) {
            refund(typed);
            assertThat(browser.findElement(By.id("amount-error")).getText()).as(typed).isNotBlank();
            assertThat(browser.findElement(By.id("amount")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.findElements(By.id("confirm"))).as("«%s» never reaches «Emin misiniz?»", typed).isEmpty();
        }
        refund("2.000,00");
        assertThat(text("#amount-error")).contains("1.250,50 TL").doesNotContain("1250.50");

        // in English: 1,250.50, and an amount typed so goes on to the confirmation
        browser.get(url("/reversals/" + sale + "?lang=en"));
        assertThat(browser.findElement(By.id("amount")).getAttribute("value")).isEqualTo("1,250.50");
        refund("2,000.00");
        assertThat(text("#amount-error")).contains("TRY 1,250.50");
        refund("1,000.25");
        assertThat(browser.findElement(By.id("confirm-form")).getText()).contains("TRY 1,000.25");
        assertThat(overflow()).isZero();
        browser.findElement(By.id("confirm")).click();
        assertThat(browser.findElement(By.id("reversal-outcome")).getAttribute("data-status")).isEqualTo("APPROVED");
        assertThat(text("#tx-refunded")).isEqualTo("TRY 1,000.25");

        // the link form: on a Turkish page 1.25 is neither 1,25 nor 125
        browser.get(url("/links/new?lang=tr"));
        browser.findElement(By.id("amount")).sendKeys("1.25");
        browser.findElement(By.id("save")).click();
        assertThat(text("#amount-error")).isNotBlank();
        assertThat(browser.findElement(By.id("amount")).getAttribute("value")).isEqualTo("1.25");
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 375})
    void datesAreTypedThePagesWayWhateverTheBrowsersLanguage(int width) {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant();
        browser = Browsers.chromium(width, 900, "en-US");
        browser.get(url("/login?lang=tr"));
        logIn(merchant.username(), merchant.password());
        LocalDateTime end = LocalDateTime.now(ZoneId.of("Europe/Istanbul")).plusDays(3).withHour(21).withMinute(0)
                .withSecond(0).withNano(0);

        browser.get(url("/links/new?lang=tr"));
        WebElement until = browser.findElement(By.id("validUntil"));
        assertThat(until.getAttribute("placeholder")).isEqualTo("gg.aa.yyyy ss:dd");
        String turkish = end.format(DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm"));
        browser.findElement(By.id("amount")).sendKeys("1.250,50");
        until.clear();
        until.sendKeys(turkish);
        browser.findElement(By.id("save")).click();
        browser.findElement(By.id("link-created"));
        assertThat(browser.findElement(By.tagName("main")).getText()).as("21:00, not 09:00 PM").contains(turkish);

        browser.get(url("/links/new?lang=en"));
        until = browser.findElement(By.id("validUntil"));
        assertThat(until.getAttribute("placeholder")).isEqualTo("yyyy-mm-dd hh:mm");
        browser.findElement(By.id("amount")).sendKeys("1,250.50");
        until.clear();
        until.sendKeys(end.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        browser.findElement(By.id("save")).click();
        browser.findElement(By.id("link-created"));
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains(end.format(DateTimeFormatter.ofPattern("dd MMM yyyy, HH:mm", java.util.Locale.ENGLISH)));
        assertThat(overflow()).isZero();
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 375})
    void theMerchantReadsWordsNotCodes(int width) {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant();
        Api.CreatedLink link = api.newLink(merchant, Map.of("amount", "99.90", "usage", "MULTI",
                "orderNumber", TestData.unique("WORDS"), "notify", Map.of("email", "musteri.hesap@example.com")));
        Payer.Result declined = new Payer(port).pay(link.token(), Payer.Card.of("4000000000009995"));
        assertThat(declined.approved()).isFalse();
        String sale = new Payer(port).pay(link.token(), "4155650100416111", null, true);
        browser = Browsers.chromium(width, 900, "tr-TR");
        logIn(merchant.username(), merchant.password());

        // a new merchant's dashboard speaks of transactions, not of criteria
        browser.get(url("/dashboard"));
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContainIgnoringCase("kriter");
        // the page's icon, and the one browsers ask for by themselves, are there
        for (String icon : List.of("document.querySelector('link[rel~=icon]').href", "'/favicon.ico'")) {
            assertThat(browser.executeAsyncScript("const done = arguments[arguments.length - 1]; fetch(" + icon + ")"
                    + ".then(r => done(r.status + ' ' + r.headers.get('content-type')), e => done(String(e)));"))
                    .asString().startsWith("200 image/");
        }

        browser.get(url("/reports/transactions/" + sale));
        String details = text("#transaction-details");
        assertThat(details).contains("Visa", "Kredi kartı", "00 Onaylandı").doesNotContain("VISA", "CREDIT");

        // İşlem Arama: by the link's order number, typed in the form; each response code with its words
        searchByOrderNumber("/reports/transactions", "s-order", link.orderNumber());
        List<WebElement> rows = browser.findElements(By.cssSelector("#transactions-table tbody tr[data-transaction-id]"));
        assertThat(rows).hasSize(2);
        assertThat(text("#transactions-table").replace('\n', ' ')).contains("51 Limit yetersiz", "00 Onaylandı", "Peşin");
        for (WebElement row : rows) {
            assertThat(inSight(row.findElement(By.cssSelector("td.row-actions")))).isTrue();
        }
        WebElement declinedRow = browser.findElement(By.cssSelector("#transactions-table tr:not([data-transaction-id='"
                + sale + "'])[data-transaction-id]"));
        thenTheNextPage(() -> declinedRow.findElement(By.cssSelector("a.magnifier")).click());
        // a value the declined payment has not (its authorization code) reads as a dash
        List<?> empty = (List<?>) browser.executeScript("return Array.from(document.querySelectorAll('#transaction-details dd'))"
                + ".filter(dd => dd.textContent.trim() === '').map(dd => getComputedStyle(dd, '::before').content)");
        assertThat(empty).isNotEmpty().allMatch("\"—\""::equals);

        // the link's recipients masked, as in its deliveries; channel and route in words
        browser.get(url("/links/" + link.id()));
        assertThat(text("#link-recipients")).doesNotContain("musteri.hesap@example.com").contains("@example.com");
        browser.get(url("/messages"));
        String messages = text("#messages-table");
        assertThat(messages).contains("E-posta", "Yerel giden kutusu").doesNotContain("EMAIL", "LOCAL_OUTBOX",
                "musteri.hesap@example.com");
        assertThat(overflow()).isZero();
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 375})
    void dışaAktarCopiesTheDataPrintsWithoutControlsAndNamesEachFile(int width) throws IOException {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant();
        Api.CreatedLink link = api.newLink(merchant, Map.of("amount", "1250.50", "orderNumber", TestData.unique("EXPORT")));
        new Payer(port).pay(link.token(), "4155650100416111", null, true);
        browser = Browsers.chromium(width, 900, "tr-TR", downloads);
        logIn(merchant.username(), merchant.password());
        allowTheClipboard();

        browser.get(url("/links?orderNumber=" + link.orderNumber()));
        browser.findElement(By.cssSelector("button[data-copy-table]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> clipboard().contains(link.orderNumber()));
        assertThat(clipboard()).as("the link's URL, not its buttons").contains(link.url())
                .doesNotContain("Kopyala", "✎", "✕");
        onPaper();
        assertThat(browser.findElement(By.id("new-link")).isDisplayed()).as("no «Yeni Ekle» on paper").isFalse();
        assertThat(browser.findElement(By.id("links-table")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("print-criteria")).getText()).contains("Sipariş No: " + link.orderNumber());
        onScreen();

        browser.get(url("/reports/transactions?orderNumber=" + link.orderNumber()));
        onPaper();
        assertThat(browser.findElement(By.cssSelector(".export-bar")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("tx-search")).isDisplayed()).isFalse();
        assertThat(browser.findElements(By.cssSelector("td.row-actions")).stream().noneMatch(WebElement::isDisplayed)).isTrue();
        assertThat(browser.findElement(By.id("print-criteria")).getText())
                .contains("Yazdırma:", "Sipariş No: " + link.orderNumber());
        onScreen();
        assertThat(browser.findElement(By.id("print-criteria")).isDisplayed()).isFalse();

        for (String variant : List.of("export-csv", "export-csv-comma", "export-xlsx")) {
            browser.findElement(By.id(variant)).click();
        }
        List<String> names = downloaded(3);
        assertThat(names).as("each variant its own name").hasSize(3)
                .anyMatch(name -> name.endsWith("-excel.csv"))
                .anyMatch(name -> name.endsWith(".xlsx"))
                .anyMatch(name -> name.endsWith(".csv") && !name.endsWith("-excel.csv"));
        // people read words, programs read codes
        for (String name : names) {
            Path file = downloads.resolve(name);
            if (name.endsWith("-excel.csv")) {
                assertThat(Files.readString(file)).contains("Satış", "Onaylandı", "1250,50").doesNotContain("APPROVED");
            } else if (name.endsWith(".csv")) {
                assertThat(Files.readString(file)).contains("SALE", "APPROVED", "1250.50");
            } else {
                try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
                    Sheet sheet = workbook.getSheetAt(0);
                    assertThat(sheet.getPaneInformation()).as("a frozen header row").isNotNull();
                    assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
                    assertThat(sheet.getColumnWidth(0)).as("columns as wide as their values").isGreaterThan(sheet.getDefaultColumnWidth() * 256);
                    assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("Onaylandı");
                }
            }
        }
    }

    /** Opens the page, types the order number into its search form and sends the form as a browser does, every field in it. */
    private void searchByOrderNumber(String page, String field, String orderNumber) {
        browser.get(url(page));
        browser.findElement(By.id(field)).sendKeys(orderNumber, Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("orderNumber=" + orderNumber));
    }

    private void refund(String typed) {
        WebElement amount = browser.findElement(By.id("amount"));
        amount.clear();
        amount.sendKeys(typed);
        thenTheNextPage(() -> browser.findElement(By.id("refund")).click());
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    /** Whether the element lies within the window's width, without scrolling sideways. */
    private boolean inSight(WebElement element) {
        return (Boolean) browser.executeScript(
                "const r = arguments[0].getBoundingClientRect(); return r.left >= 0 && r.right <= window.innerWidth;", element);
    }

    /** The names of the files downloaded, once there are {@code count} whole ones. */
    private List<String> downloaded(int count) throws IOException {
        long until = System.currentTimeMillis() + 15_000;
        List<String> names = List.of();
        while (System.currentTimeMillis() < until) {
            try (Stream<Path> files = Files.list(downloads)) {
                names = files.map(f -> f.getFileName().toString())
                        .filter(n -> !n.startsWith(".") && !n.endsWith(".crdownload")).toList();
            }
            if (names.size() >= count) {
                return names;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return names;
    }
}
