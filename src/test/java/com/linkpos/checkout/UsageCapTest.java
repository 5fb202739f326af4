package com.linkpos.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.Payer;
import com.linkpos.support.Payer.Result;
import com.linkpos.support.PortalSession;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** [X5] A multi-use link capped at N payments: concurrent payers never pass it, then it is used. */
@LinkPosTest
class UsageCapTest {

    static final int PAYERS = 30;
    static final int CAP = 5;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void thirtyConcurrentPayersAtALinkCappedAtFiveMakeExactlyFivePayments() throws Exception {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant();
        Api.CreatedLink link = api.newLink(merchant, Map.of("amount", "75.00", "usage", "MULTI", "maxPayments", CAP));
        assertThat(api.get(merchant.key(), "/api/v1/links/" + link.id()).json().path("maxPayments").asInt()).isEqualTo(CAP);
        List<String> cards = List.of("4155650100416111", "5456160000000000", "9792030000000000", "5555555555554444");

        // every payer through 3-D Secure first, then all sent back to LinkPOS at the same instant
        List<Result> results = Payer.returnAtOnce(port, link.token(), cards, PAYERS);

        assertThat(results.stream().filter(Result::approved)).hasSize(CAP);
        assertThat(results.stream().filter(r -> !r.approved()).map(Result::reason)).hasSize(PAYERS - CAP)
                .allMatch("ALREADY_PAID"::equals);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM simulator_transactions a
                        JOIN payment_attempts p ON p.gateway_order_id = a.order_id AND a.txn_type = 'Auth'
                        WHERE p.link_id = ?""").param(link.id()).query(Long.class).single())
                .as("authorizations the bank saw").isEqualTo(CAP);
        JsonNode json = api.get(merchant.key(), "/api/v1/links/" + link.id()).json();
        assertThat(json.path("status").asString()).isEqualTo("USED");
        assertThat(json.path("paymentCount").asInt()).isEqualTo(CAP);
        assertThat(json.path("collectedAmount").asString()).isEqualTo("375.00");
        PortalSession.Page used = new Payer(port).open(link.token());
        assertThat(used.document().selectFirst("#link-unavailable").attr("data-reason")).isEqualTo("USED");
    }

    @Test
    void aCapIsForMultiUseLinksAndNeverAtOrBelowThePaymentsTaken() {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant();
        Api.Response single = api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"10.00\", \"maxPayments\": 3}");
        assertThat(single.status()).isEqualTo(422);
        assertThat(single.fieldErrors()).containsExactly("maxPayments:max_payments_multi_only");
        assertThat(api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"10.00\", \"usage\": \"MULTI\", \"maxPayments\": 0}")
                .fieldErrors()).containsExactly("maxPayments:invalid_max_payments");

        Api.CreatedLink link = api.newLink(merchant, Map.of("amount", "10.00", "usage", "MULTI", "maxPayments", 3));
        new Payer(port).pay(link.token(), "4155650100416111", null, true);
        new Payer(port).pay(link.token(), "5456160000000000", null, true);
        Api.Response lowered = api.patch(merchant.key(), "/api/v1/links/" + link.id(), "{\"maxPayments\": 2}");
        assertThat(lowered.status()).isEqualTo(409);
        assertThat(lowered.code()).isEqualTo("link_payment_limit_reached");
        assertThat(api.get(merchant.key(), "/api/v1/links/" + link.id()).json().path("maxPayments").asInt()).isEqualTo(3);

        // the third payment uses it up; the cap can be raised while it is not
        assertThat(api.patch(merchant.key(), "/api/v1/links/" + link.id(), "{\"maxPayments\": 4}").status()).isEqualTo(200);
        new Payer(port).pay(link.token(), "9792030000000000", null, true);
        assertThat(api.get(merchant.key(), "/api/v1/links/" + link.id()).json().path("status").asString()).isEqualTo("ACTIVE");
        new Payer(port).pay(link.token(), "4155650100416111", null, true);
        assertThat(api.get(merchant.key(), "/api/v1/links/" + link.id()).json().path("status").asString()).isEqualTo("USED");
    }
}
