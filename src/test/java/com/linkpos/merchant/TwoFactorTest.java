package com.linkpos.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.PortalSession;
import com.linkpos.support.PortalSession.Page;
import com.linkpos.support.TestData;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * [S1] Two-step login over HTTP: enrolment with a code computed from the secret the page shows and the clock,
 * the second step at login (a code used once, a wrong one refused), recovery codes good once, the bank's
 * requirement enforced at the next login, and the bank's reset.
 */
@LinkPosTest
class TwoFactorTest {

    @LocalServerPort
    int port;

    /** The code an authenticator app shows now for the secret the enrolment page showed. */
    private static String codeOf(String shownSecret, Instant at) {
        return Totp.code(Totp.fromBase32(shownSecret.replace(" ", "")), at, 6);
    }

    /** Password first: where the login goes next. */
    private Page password(PortalSession browser, Api.Merchant merchant) {
        Page login = browser.login(merchant.username(), merchant.password());
        assertThat(login.status()).isEqualTo(302);
        return login;
    }

    private Page code(PortalSession browser, String code) {
        browser.get("/login/code");
        return browser.post("/login/code", Map.of("code", code));
    }

    @Test
    void aUserEnrolsThenLogsInWithTheCodeOnceAndWithARecoveryCodeOnce() {
        Api.Merchant merchant = new Api(port).newMerchant();
        PortalSession signedIn = PortalSession.loggedIn(port, merchant);
        Page enrolment = signedIn.get("/account/two-factor");
        String secret = enrolment.document().selectFirst("#totp-secret").text();
        assertThat(enrolment.document().selectFirst("#enrolment svg")).as("the QR code").isNotNull();
        assertThat(signedIn.post("/account/two-factor", Map.of("code", "000000")).status()).isEqualTo(422);
        Page done = signedIn.post("/account/two-factor", Map.of("code", codeOf(secret, Instant.now())));
        List<String> recovery = done.document().select("#recovery-codes code").eachText();
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z2-9]{5}-[a-z2-9]{5}"));
        assertThat(signedIn.get("/account/two-factor").document().selectFirst("#two-factor-on")).isNotNull();

        // the password alone signs nobody in
        PortalSession browser = new PortalSession(port);
        assertThat(password(browser, merchant).location()).endsWith("/login/code");
        assertThat(browser.get("/dashboard").status()).as("not signed in yet").isEqualTo(302);
        Page wrong = code(browser, "123456".equals(codeOf(secret, Instant.now())) ? "654321" : "123456");
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.document().selectFirst("#code-error")).isNotNull();
        String now = codeOf(secret, Instant.now().plusSeconds(30)); // the next step's: not used yet at enrolment
        Page in = code(browser, now);
        assertThat(in.status()).isEqualTo(302);
        assertThat(browser.get("/dashboard").status()).isEqualTo(200);

        // a password alone cannot enrol a new factor in place of the user's own
        PortalSession thief = new PortalSession(port);
        assertThat(password(thief, merchant).location()).endsWith("/login/code");
        assertThat(thief.get("/login/enrol").location()).endsWith("/login");
        thief.get("/login/code"); // the form's CSRF token
        assertThat(thief.post("/login/enrol", Map.of("code", "123456")).location()).endsWith("/login");
        assertThat(thief.get("/dashboard").status()).isEqualTo(302);

        // a code is taken once, even in another browser within its 90 seconds
        PortalSession replay = new PortalSession(port);
        password(replay, merchant);
        assertThat(code(replay, now).status()).isEqualTo(422);
        // a recovery code works once
        assertThat(code(replay, recovery.get(3).toUpperCase()).status()).isEqualTo(302);
        assertThat(replay.get("/dashboard").status()).isEqualTo(200);
        PortalSession again = new PortalSession(port);
        password(again, merchant);
        assertThat(code(again, recovery.get(3)).status()).isEqualTo(422);
    }

    @Test
    void theBankRequiresASecondFactorAtTheNextLoginAndResetsOne() {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant();
        assertThat(api.patch(TestData.BANK_KEY, "/api/v1/admin/merchants/" + merchant.id(), "{\"requireTwoFactor\": true}")
                .json().path("requireTwoFactor").asBoolean()).isTrue();

        PortalSession browser = new PortalSession(port);
        assertThat(password(browser, merchant).location()).endsWith("/login/enrol");
        assertThat(browser.get("/dashboard").status()).isEqualTo(302);
        Page enrolment = browser.get("/login/enrol");
        String secret = enrolment.document().selectFirst("#totp-secret").text();
        Page enrolled = browser.post("/login/enrol", Map.of("code", codeOf(secret, Instant.now())));
        assertThat(enrolled.document().select("#recovery-codes code")).hasSize(10);
        assertThat(browser.get("/dashboard").status()).as("signed in by the enrolment").isEqualTo(200);

        // the bank resets it (a lost phone): the next login enrols again
        PortalSession bank = PortalSession.loggedIn(port, "bank", TestData.BANK_PASSWORD);
        Page page = bank.get("/bank/merchants/" + merchant.id());
        String reset = page.document().selectFirst("#reset-" + merchant.username()).parent().attr("action");
        assertThat(bank.post(reset, Map.of()).status()).isEqualTo(302);
        PortalSession later = new PortalSession(port);
        assertThat(password(later, merchant).location()).endsWith("/login/enrol");
    }
}
