package com.linkpos.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.Browsers;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.TestData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * What a payer sees, in Chromium on a 375 px phone and at 1280 px: the merchant as the heading, each
 * installment's amount, Istanbul time said so, the schemes' marks and a security note, the issuer's own
 * name on the 3-D Secure page, three tries of the code, a receipt that prints without its buttons and
 * leads back to the merchant, Back that keeps the receipt, and a failure that keeps what was being paid.
 */
@LinkPosTest
class PayerScreensTest extends OneBrowser {

    private static final String MERCHANT = "Anadolu Kırtasiye Ltd. Şti.";

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {375, 1280})
    void aPayerPaysInInstallmentsWithAnEnparaCardAndKeepsTheReceipt(int width) {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant(MERCHANT, List.of(), 12);
        Api.CreatedLink link = api.newLink(merchant, Map.of("amount", "1250.50", "installments", 3,
                "orderNumber", TestData.unique("PAYER"), "returnUrl", "https://magaza.example/siparis/1001"));
        browser = Browsers.chromium(width, 812, "tr-TR");
        browser.get(link.url());

        // the first Tab reaches the skip link, which leads past the header to the content
        new Actions(browser).sendKeys(Keys.TAB).perform();
        WebElement skip = browser.switchTo().activeElement();
        assertThat(skip.getAttribute("class")).contains("skip");
        assertThat(skip.getAttribute("href")).endsWith("#main");
        assertThat(skip.isDisplayed()).as("shown when it has the focus").isTrue();

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(MERCHANT);
        assertThat(text("#pay-amount")).isEqualTo("1.250,50 TL");
        assertThat(text("#pay-installments")).isEqualTo("3 taksit (3 × 416,83 TL)");
        assertThat(text("#payment-details")).contains("(İstanbul saati)");
        assertThat(browser.findElements(By.cssSelector(".brand-marks svg"))).hasSize(3).allMatch(WebElement::isDisplayed);
        assertThat(text("#card-form")).contains("kartınızı bankanız doğrular", "saklanmaz");
        assertThat(overflow()).isZero();

        // the issuer's page says the name the payer knows the card by
        payWith("5400610000000001");
        assertThat(text("#acs-issuer")).contains("Enpara.com").doesNotContain("QNB");
        assertThat(text("#acs-amount")).isEqualTo("1.250,50 TL");
        for (String wrong : new String[] {"111111", "222222"}) {
            thenTheNextPage(() -> browser.findElement(By.id("otp")).sendKeys(wrong, Keys.ENTER));
            assertThat(text("#acs-error")).as("the issuer says how many tries are left").isNotBlank();
        }
        browser.findElement(By.id("otp")).sendKeys("123456", Keys.ENTER);

        // the third try paid
        assertThat(browser.findElement(By.id("payment-result")).getAttribute("data-status")).isEqualTo("APPROVED");
        assertThat(text("#receipt-installments")).isEqualTo("3 taksit (3 × 416,83 TL)");
        assertThat(text("#receipt")).contains(MERCHANT, "(İstanbul saati)", link.orderNumber(), "540061******0001");
        WebElement back = browser.findElement(By.id("back-to-merchant"));
        assertThat(back.getText()).contains(MERCHANT);
        assertThat(back.getAttribute("href")).startsWith("https://magaza.example/siparis/1001?linkpos_status=APPROVED");
        onPaper();
        assertThat(browser.findElement(By.id("receipt")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector("#receipt button.print")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("back-to-merchant")).isDisplayed()).isFalse();
        onScreen();
        assertThat(overflow()).isZero();

        // Back shows the receipt, never an invitation to pay again; so does the link opened again
        String receipt = browser.getCurrentUrl();
        browser.navigate().back();
        assertThat(browser.getCurrentUrl()).isEqualTo(receipt);
        assertThat(browser.findElement(By.id("receipt")).isDisplayed()).isTrue();
        browser.get(link.url());
        assertThat(browser.findElement(By.id("receipt")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.id("card-form"))).isEmpty();
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {375, 1280})
    void aDeclinedPaymentKeepsWhatWasBeingPaidInSight(int width) {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant(MERCHANT, List.of(), 12);
        Api.CreatedLink link = api.newLink(merchant, Map.of("amount", "99.90", "orderNumber", TestData.unique("DECLINED")));
        browser = Browsers.chromium(width, 812, "tr-TR");
        browser.get(link.url());
        payWith("4000000000009995");
        browser.findElement(By.id("otp")).sendKeys("123456", Keys.ENTER);

        assertThat(browser.findElement(By.id("payment-result")).getAttribute("data-status")).isEqualTo("DECLINED");
        assertThat(browser.findElement(By.tagName("h1")).isDisplayed()).isTrue();
        assertThat(text("#result-reason")).isNotBlank();
        assertThat(text("#attempt-summary")).contains(MERCHANT, "99,90 TL", link.orderNumber());
        assertThat(browser.findElement(By.id("retry")).isDisplayed()).isTrue();
        assertThat(overflow()).isZero();
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {375, 1280})
    void thePayerSeesTheCardsInstallmentsAsTheNumberIsTypedAndChoosesOne(int width) {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant(MERCHANT, List.of(), 12);
        assertThat(api.patch(TestData.BANK_KEY, "/api/v1/admin/merchants/" + merchant.id(),
                "{\"installmentRates\": {\"3\": \"2.80\"}}").status()).isEqualTo(200);
        Api.CreatedLink link = api.newLink(merchant, Map.of("amount", "1000.00", "installments", 6,
                "payerChoosesInstallments", true, "installmentCostBorneBy", "PAYER"));
        browser = Browsers.chromium(width, 812, "tr-TR");
        browser.get(link.url());
        assertThat(browser.findElement(By.id("offers-hint")).isDisplayed()).isTrue();

        browser.findElement(By.id("cardHolder")).sendKeys("Ayşe Yılmaz");
        browser.findElement(By.id("cardNumber")).sendKeys("4155650100416111");
        // the card's offers, without a submit: 1 to 6, each with its month and total
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector("#installment-offers input[name=installments]")).size() == 6);
        WebElement three = browser.findElement(By.cssSelector("#installment-offers [data-count='3']"));
        assertThat(three.getText()).contains("3 × 342,66 TL = 1.028,00 TL", "28,00 TL");
        three.click();
        assertThat(overflow()).isZero();
        browser.findElement(By.id("expiry")).sendKeys("1230");
        browser.findElement(By.id("cvv")).sendKeys("123");
        browser.findElement(By.id("pay-submit")).click();
        assertThat(text("#acs-amount")).as("the bank is asked for exactly the total shown").isEqualTo("1.028,00 TL");
        browser.findElement(By.id("otp")).sendKeys("123456", Keys.ENTER);
        assertThat(browser.findElement(By.id("payment-result")).getAttribute("data-status")).isEqualTo("APPROVED");
        assertThat(text("#receipt-installments")).isEqualTo("3 taksit (3 × 342,66 TL)");
        assertThat(text("#receipt-installment-cost")).isEqualTo("28,00 TL");
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }
}
