package com.linkpos.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.merchant.TotpCodes;
import com.linkpos.support.Api;
import com.linkpos.support.Browsers;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.TestData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * [S1] Two-step login in a real browser: an admin turns it on from the QR code's key and a code, keeps the
 * recovery codes, then signs in with a code and once with a recovery code; a user of a merchant the bank
 * requires it of enrols inside the login; the audit log [S2] shows it all.
 */
@LinkPosTest
class TwoFactorBrowserTest extends OneBrowser {

    /** The password step: where the login goes next. */
    private void password(String username, String password) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        thenTheNextPage(() -> browser.findElement(By.id("password")).sendKeys(password, Keys.ENTER));
    }

    private void type(String code) {
        WebElement field = browser.findElement(By.id("code"));
        field.clear();
        thenTheNextPage(() -> field.sendKeys(code, Keys.ENTER));
    }

    @Test
    void anAdminTurnsItOnAndSignsInWithACodeThenARecoveryCode() {
        Api.Merchant merchant = new Api(port).newMerchant();
        browser = Browsers.chromium(1280, 900, "tr-TR");
        logIn(merchant.username(), merchant.password());
        browser.get(url("/account/two-factor"));
        assertThat(browser.findElement(By.cssSelector("#enrolment svg")).isDisplayed()).as("the QR code").isTrue();
        String secret = browser.findElement(By.id("totp-secret")).getText();

        type("123456".equals(TotpCodes.now(secret)) ? "654321" : "123456");
        assertThat(browser.findElement(By.id("code-error")).getText()).isNotBlank();
        type(TotpCodes.now(secret));
        List<String> recovery = browser.findElements(By.cssSelector("#recovery-codes code")).stream().map(WebElement::getText).toList();
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates();

        // the password alone leads to the code's page; a code signs in
        password(merchant.username(), merchant.password());
        assertThat(browser.getCurrentUrl()).endsWith("/login/code");
        type(TotpCodes.next(secret));
        assertThat(browser.getCurrentUrl()).doesNotContain("/login");
        // a recovery code, once
        password(merchant.username(), merchant.password());
        type(recovery.get(0));
        assertThat(browser.getCurrentUrl()).doesNotContain("/login");
        password(merchant.username(), merchant.password());
        type(recovery.get(0));
        assertThat(browser.getCurrentUrl()).endsWith("/login/code");
        assertThat(browser.findElement(By.id("code-error")).getText()).isNotBlank();
        type(recovery.get(1));

        // [S2] what happened, on the admin's audit page
        browser.get(url("/audit?action=login."));
        List<String> logins = browser.findElements(By.cssSelector("#audit-table tbody tr")).stream()
                .map(row -> row.getAttribute("data-action")).toList();
        assertThat(logins).containsExactly("login.succeeded", "login.failed", "login.succeeded", "login.succeeded", "login.succeeded");
        browser.get(url("/audit?action=user.two_factor_enabled"));
        assertThat(browser.findElement(By.id("audit-table")).getText()).contains("İki adımlı giriş açıldı").contains(merchant.username());
    }

    @Test
    void aUserTheBankRequiresItOfEnrolsInsideTheLogin() {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant();
        assertThat(api.patch(TestData.BANK_KEY, "/api/v1/admin/merchants/" + merchant.id(), Api.json(Map.of("requireTwoFactor", true)))
                .status()).isEqualTo(200);
        browser = Browsers.chromium(1280, 900, "en-US");
        password(merchant.username(), merchant.password());
        assertThat(browser.getCurrentUrl()).endsWith("/login/enrol");
        browser.get(url("/dashboard"));
        assertThat(browser.getCurrentUrl()).as("not signed in before the code").contains("/login");

        browser.get(url("/login/enrol"));
        String secret = browser.findElement(By.id("totp-secret")).getText();
        type(TotpCodes.now(secret));
        assertThat(browser.findElements(By.cssSelector("#recovery-codes code"))).hasSize(10);
        thenTheNextPage(() -> browser.findElement(By.cssSelector("#main a.button")).click());
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
        assertThat(browser.findElements(By.cssSelector("nav a[href='/audit']"))).as("signed in, as the merchant's admin").hasSize(1);
    }
}
