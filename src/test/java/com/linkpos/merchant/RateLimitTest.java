package com.linkpos.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.Payer;
import com.linkpos.support.PortalSession.Page;
import com.linkpos.support.TestData;
import org.junit.jupiter.api.Test;
import com.linkpos.support.TestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 429 with Retry-After: per API key, and on the payment page per payer address (card testing). */
@ContextConfiguration(initializers = TestDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "linkpos.bootstrap.bank-api-key=" + TestData.BANK_KEY,
        "linkpos.bootstrap.demo-data=false",
        "linkpos.rate-limit.api.requests=8",
        "linkpos.rate-limit.api.per=10m",
        "linkpos.rate-limit.payment-per-address.requests=3",
        "linkpos.rate-limit.payment-per-address.per=10m",
        "linkpos.login.max-failures-per-account=3",
        "linkpos.login.max-failures-per-address=6",
})
class RateLimitTest {

    @LocalServerPort
    int port;

    @Test
    void anApiKeyThatGoesTooFastIsToldToWait() {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant();
        int ok = 0;
        Api.Response limited = null;
        for (int i = 0; i < 20 && limited == null; i++) {
            Api.Response response = api.get(merchant.key(), "/api/v1/links");
            if (response.status() == 429) {
                limited = response;
            } else {
                ok++;
            }
        }
        assertThat(limited).as("a 429 within 20 calls").isNotNull();
        assertThat(ok).isEqualTo(8);
        assertThat(limited.code()).isEqualTo("rate_limited");
        assertThat(Long.parseLong(limited.headers().get("retry-after").get(0))).isPositive();
        Api.Merchant other = api.newMerchant();
        assertThat(api.get(other.key(), "/api/v1/links").status()).as("each key has its own allowance").isEqualTo(200);
    }

    @Test
    void cardTestingFromOneAddressIsStopped() {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant();
        String url = api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"1.00\", \"usage\": \"MULTI\"}").json()
                .path("url").asString();
        String token = Api.tokenOf(url);
        Payer tester = new Payer(port);
        Page last = null;
        for (int i = 0; i < 4; i++) {
            last = tester.submit(tester.open(token), Payer.Card.of("4000000000000002"), null);
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.text()).contains("çok fazla deneme");
    }

    @Test
    void passwordGuessingIsThrottledPerAccountAndPerAddress() {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant();
        for (int i = 0; i < 3; i++) {
            assertThat(new com.linkpos.support.PortalSession(port).login(merchant.username(), "wrong-password-" + i).location())
                    .contains("/login?error");
        }
        // the account is throttled now: even the right password is not tried
        Page throttled = new com.linkpos.support.PortalSession(port).login(merchant.username(), merchant.password());
        assertThat(throttled.location()).contains("/login?throttled");
        // other accounts are not, until the address has failed too often
        Api.Merchant other = api.newMerchant();
        assertThat(new com.linkpos.support.PortalSession(port).login(other.username(), other.password()).location())
                .doesNotContain("throttled").doesNotContain("error");
        for (int i = 0; i < 3; i++) {
            new com.linkpos.support.PortalSession(port).login(TestData.unique("nobody"), "wrong-password");
        }
        assertThat(new com.linkpos.support.PortalSession(port).login(other.username(), other.password()).location())
                .as("six failures from this address").contains("/login?throttled");
    }
}
