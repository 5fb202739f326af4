package com.linkpos.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.Browsers;
import com.linkpos.support.LinkPosTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** A payer on a phone pays a link through the issuer's 3-D Secure page and sees the receipt. */
@LinkPosTest
class PaymentJourneyTest extends OneBrowser {

    @Test
    void aPayerPaysThroughThreeDSecureOnAPhoneSizedScreen() {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant(List.of(), 6);
        Api.Response link = api.post(merchant.key(), "/api/v1/links",
                "{\"amount\": \"1250.50\", \"installments\": 3, \"description\": \"Kasım faturası\", \"payerNoteEnabled\": true}");
        browser = Browsers.chromium(375, 812, "tr-TR");

        browser.get(link.json().path("url").asString());
        assertThat(browser.findElement(By.id("pay-amount")).getText()).isEqualTo("1.250,50 TL");
        assertThat(browser.findElement(By.tagName("body")).getSize().getWidth()).as("no horizontal overflow").isLessThanOrEqualTo(375);
        browser.findElement(By.id("cardHolder")).sendKeys("Ayşe Yılmaz");
        WebElement number = browser.findElement(By.id("cardNumber"));
        number.sendKeys("4155650100416111");
        // the brand is shown as the number is typed, and the digits are grouped
        assertThat(browser.findElement(By.id("card-brand")).getText()).isEqualTo("Visa");
        assertThat(number.getAttribute("value")).isEqualTo("4155 6501 0041 6111");
        browser.findElement(By.id("expiry")).sendKeys("1230");
        assertThat(browser.findElement(By.id("expiry")).getAttribute("value")).isEqualTo("12/30");
        browser.findElement(By.id("cvv")).sendKeys("123");
        browser.findElement(By.id("payerNote")).sendKeys("Teslimatta görüşelim", Keys.TAB);
        browser.findElement(By.id("pay-submit")).click();

        // the issuer's 3-D Secure page, reached through the bank's gateway (the card form posts itself there)
        assertThat(browser.findElement(By.id("acs-amount")).getText()).isEqualTo("1.250,50 TL");
        assertThat(browser.getCurrentUrl()).contains("/simulator/payfor/");
        browser.findElement(By.id("otp")).sendKeys("123456", Keys.ENTER);

        WebElement result = browser.findElement(By.id("payment-result"));
        assertThat(result.getAttribute("data-status")).isEqualTo("APPROVED");
        assertThat(browser.findElement(By.id("receipt-card")).getText()).isEqualTo("415565******6111");
        assertThat(browser.findElement(By.id("receipt")).getText()).contains("3 taksit", "1.250,50 TL");
        assertThat(browser.getCurrentUrl()).doesNotContain("4155650100416111");
        // Back after the payment: the receipt, never the bank's pages again or an invitation to pay twice
        String receiptUrl = browser.getCurrentUrl();
        browser.navigate().back();
        assertThat(browser.getCurrentUrl()).isEqualTo(receiptUrl);
        assertThat(browser.findElement(By.id("receipt")).isDisplayed()).isTrue();
        assertThat(api.get(merchant.key(), "/api/v1/links/" + link.json().path("id").asString()).json()
                .path("status").asString()).isEqualTo("USED");
    }

    @Test
    void aPayerPaysWithTheKeyboardAlone() {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant();
        Api.Response link = api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"80.00\"}");
        browser = Browsers.chromium(375, 812, "tr-TR");
        browser.get(link.json().path("url").asString());
        org.openqa.selenium.interactions.Actions keys = new org.openqa.selenium.interactions.Actions(browser);
        for (int i = 0; i < 10 && !"cardHolder".equals(browser.switchTo().activeElement().getAttribute("id")); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("cardHolder");
        keys.sendKeys("Ayşe Yılmaz", Keys.TAB, "4155650100416111", Keys.TAB, "1230", Keys.TAB, "123", Keys.ENTER).perform();
        WebElement otp = browser.findElement(By.id("otp"));
        assertThat(browser.switchTo().activeElement()).as("the code field has the focus").isEqualTo(otp);
        keys.sendKeys("123456", Keys.ENTER).perform();
        assertThat(browser.findElement(By.id("payment-result")).getAttribute("data-status")).isEqualTo("APPROVED");
    }
}
