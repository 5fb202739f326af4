package com.linkpos.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.linkpos.support.Api;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.Payer;
import com.linkpos.support.PortalSession;
import com.linkpos.support.PortalSession.Page;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * [L3] The largest amount a link can hold, 92,233,720,368,547,758.07 TL (a BIGINT of kuruş), works end
 * to end, and so does what it leads to: a multi-use link whose collected total is full, and a day's
 * takings past the largest amount. Every refusal comes within seconds, in plain words.
 */
@LinkPosTest
class LargestAmountsTest {

    private static final String LARGEST = "92233720368547758.07";
    private static final Duration PROMPTLY = Duration.ofSeconds(20);

    @LocalServerPort
    int port;
    Api api;
    Api.Merchant merchant;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        merchant = api.newMerchant();
    }

    private Api.Response largestMultiUseLink() {
        Api.Response created = api.post(merchant.key(), "/api/v1/links",
                "{\"amount\": \"" + LARGEST + "\", \"usage\": \"MULTI\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created;
    }

    @Test
    void aFullMultiUseLinkRefusesTheNextPayerPlainly() {
        Api.Response link = largestMultiUseLink();
        String token = Api.tokenOf(link.json().path("url").asString());
        new Payer(port).pay(token, "4155650100416111", null, true);

        Page again = assertTimeoutPreemptively(PROMPTLY, () -> new Payer(port).open(token));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.document().selectFirst("#link-unavailable").attr("data-reason")).isEqualTo("USED");
        assertThat(again.text()).contains("daha fazla ödeme alamaz");

        Api.Response seen = api.get(merchant.key(), "/api/v1/links/" + link.json().path("id").asString());
        assertThat(seen.json().path("status").asString()).isEqualTo("USED");
        assertThat(seen.json().path("paymentCount").asInt()).isEqualTo(1);
        assertThat(seen.json().path("collectedAmount").asString()).isEqualTo(LARGEST);
        Page detail = PortalSession.loggedIn(port, merchant).get("/links/" + link.json().path("id").asString());
        assertThat(detail.document().selectFirst("#total-full").text()).as("the merchant is told why")
                .contains("en büyük toplam");
    }

    @Test
    void aPayerWhoseLinkFilledUpDuringThreeDSecureIsRefusedAndNotCharged() {
        String token = Api.tokenOf(largestMultiUseLink().json().path("url").asString());
        Payer first = new Payer(port);
        Payer second = new Payer(port);
        Page firstAcs = first.followAll(first.submit(first.open(token), Payer.Card.of("4155650100416111"), null));
        Page secondAcs = second.followAll(second.submit(second.open(token), Payer.Card.of("5456160000000000"), null));
        assertThat(Payer.result(first.followAll(first.answerChallenge(firstAcs, Payer.OTP))).approved()).isTrue();

        Payer.Result refused = assertTimeoutPreemptively(PROMPTLY,
                () -> Payer.result(second.followAll(second.answerChallenge(secondAcs, Payer.OTP))));
        assertThat(refused.status()).isEqualTo("DECLINED");
        assertThat(refused.page().text()).contains("daha fazla ödeme alamaz", "kartınızdan para çekilmedi");
    }

    @Test
    void theDashboardAddsUpPastTheLargestAmount() {
        new Payer(port).pay(Api.tokenOf(largestMultiUseLink().json().path("url").asString()), "4155650100416111", null, true);
        String small = api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"1.00\"}").json().path("url").asString();
        new Payer(port).pay(Api.tokenOf(small), "5456160000000000", null, true);

        PortalSession session = PortalSession.loggedIn(port, merchant);
        Page dashboard = session.get("/dashboard");
        assertThat(dashboard.status()).isEqualTo(200);
        assertThat(dashboard.document().select("#today-total .big").eachText()).containsExactly("92.233.720.368.547.759,07 TL");
        assertThat(dashboard.document().select("#month-total .big").eachText()).containsExactly("92.233.720.368.547.759,07 TL");
        assertThat(dashboard.document().select("#daily-chart rect.bar").last().attr("data-amount"))
                .isEqualTo("92233720368547759.07");
    }
}
