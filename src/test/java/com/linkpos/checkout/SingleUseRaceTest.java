package com.linkpos.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.Payer;
import com.linkpos.support.Payer.Result;
import java.util.List;
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

        List<Result> results = Payer.returnAtOnce(port, token, cards, PAYERS);

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
