package com.linkpos.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.Payer;
import com.linkpos.support.Payer.Card;
import com.linkpos.support.Payer.Result;
import com.linkpos.support.PortalSession.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * [P6] Fifty payers at one single-use link, all authenticated by 3-D Secure and sent back to
 * LinkPOS at the same instant: exactly one is charged, and the bank sees exactly one authorization.
 */
@LinkPosTest
class SingleUseRaceTest {

    static final int PAYERS = 50;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void fiftyConcurrentPayersPayASingleUseLinkExactlyOnce() throws Exception {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant();
        Api.Response created = api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"500.00\", \"usage\": \"SINGLE\"}");
        String linkId = created.json().path("id").asString();
        String url = created.json().path("url").asString();
        String token = Api.tokenOf(url);
        List<String> cards = List.of("4155650100416111", "5456160000000000", "9792030000000000", "4111111111111111",
                "5555555555554444");

        ExecutorService pool = Executors.newFixedThreadPool(PAYERS);
        CountDownLatch ready = new CountDownLatch(PAYERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Result>> outcomes = new ArrayList<>();
        for (int i = 0; i < PAYERS; i++) {
            String card = cards.get(i % cards.size());
            outcomes.add(pool.submit(() -> {
                Payer payer = new Payer(port);
                Page acs = payer.followAll(payer.submit(payer.open(token), Card.of(card), null));
                Page back = payer.answerChallenge(acs, Payer.OTP);
                ready.countDown();
                go.await();
                return Payer.result(payer.followAll(back));
            }));
        }
        assertThat(ready.await(60, TimeUnit.SECONDS)).as("every payer through 3-D Secure").isTrue();
        go.countDown();
        List<Result> results = new ArrayList<>();
        for (Future<Result> outcome : outcomes) {
            results.add(outcome.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(results.stream().filter(Result::approved)).hasSize(1);
        assertThat(results.stream().filter(r -> !r.approved()).map(Result::reason)).hasSize(PAYERS - 1)
                .allMatch("ALREADY_PAID"::equals);
        assertThat(results.stream().filter(r -> !r.approved()).map(r -> r.page().document().selectFirst("#result-reason").text()))
                .allMatch(text -> text.contains("zaten yapıldı"));
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM simulator_transactions a JOIN payment_attempts p ON p.gateway_order_id = a.order_id AND a.txn_type = 'Auth'
                        WHERE p.link_id = ?""").param(linkId).query(Long.class).single())
                .as("authorizations the bank saw").isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM transactions WHERE link_id = ? AND status = 'APPROVED'")
                .param(linkId).query(Long.class).single()).isEqualTo(1);
        var link = api.get(merchant.key(), "/api/v1/links/" + linkId).json();
        assertThat(link.path("status").asString()).isEqualTo("USED");
        assertThat(link.path("paymentCount").asInt()).isEqualTo(1);
        assertThat(link.path("collectedAmount").asString()).isEqualTo("500.00");
    }
}
