package com.linkpos.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.Payer;
import com.linkpos.support.Payer.Card;
import com.linkpos.support.PortalSession.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One LinkPOS, two gateways [A1]: a merchant on QNB's PayFor and another on an EST v3 bank pay at the same
 * moment, each through its own protocol to the simulator, and each gateway's installment programs [A7]
 * decide its own payment page.
 */
@LinkPosTest
class TwoGatewaysTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Api api;
    Api.Merchant onPayFor;
    Api.Merchant onEst;

    @BeforeEach
    void twoMerchantsTwoBanks() {
        api = new Api(port);
        onPayFor = api.newMerchant();
        onEst = api.newMerchant();
        Api.Response set = api.putOnEst(onEst);
        assertThat(set.json().path("acquirer").path("gatewayUrl").asString()).isEqualTo(api.baseUrl() + "/simulator/est");
        assertThat(set.json().path("acquirer").path("installmentPrograms").asString()).isEqualTo("Maximum");
    }

    @Test
    void aPayForMerchantAndAnEstMerchantPayAtTheSameMoment() throws Exception {
        int each = 6;
        List<Api.CreatedLink> links = new ArrayList<>();
        for (int i = 0; i < each; i++) {
            links.add(api.newLink(onPayFor, "{\"amount\": \"" + (100 + i) + ".00\"}"));
            links.add(api.newLink(onEst, "{\"amount\": \"" + (200 + i) + ".50\"}"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(links.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Payer.Result>> results = new ArrayList<>();
        for (Api.CreatedLink link : links) {
            results.add(pool.submit(() -> {
                start.await();
                return new Payer(port).pay(link.token(), Card.of("5456160000000000"));
            }));
        }
        start.countDown();
        for (Future<Payer.Result> result : results) {
            assertThat(result.get(60, TimeUnit.SECONDS).approved()).isTrue();
        }
        pool.shutdown();
        for (Api.CreatedLink link : links) {
            String expected = links.indexOf(link) % 2 == 0 ? "PAYFOR" : "EST";
            assertThat(jdbc.sql("SELECT acquirer FROM payment_attempts WHERE link_id = ?").param(link.id())
                    .query(String.class).single()).as(link.id()).isEqualTo(expected);
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM simulator_transactions s JOIN payment_attempts p ON p.gateway_order_id = s.order_id
                            WHERE p.link_id = ? AND s.gateway = ? AND s.approved""")
                    .param(link.id()).param(expected).query(Long.class).single())
                    .as("the bank saw %s through %s", link.id(), expected).isEqualTo(1);
        }
    }

    @Test
    void eachGatewayNamesAndKeepsItsOwnInstallmentPrograms() {
        Api.CreatedLink payFor = api.newLink(onPayFor, "{\"amount\": \"3000.00\", \"installments\": 3}");
        Api.CreatedLink est = api.newLink(onEst, "{\"amount\": \"3000.00\", \"installments\": 3}");
        Payer payer = new Payer(port);
        assertThat(payer.open(payFor.token()).document().selectFirst("#installment-programs").text())
                .contains("QNB Finansbank, Enpara.com ve HSBC Advantage");
        assertThat(payer.open(est.token()).document().selectFirst("#installment-programs").text())
                .contains("yalnızca Maximum kredi kartları");

        // an İşbank Maximum credit card pays in installments at the İşbank merchant, not at QNB's; a QNB card the other way round
        Page refusedAtQnb = payer.submit(payer.open(payFor.token()), Card.of("5555555555554444"), null);
        assertThat(refusedAtQnb.status()).isEqualTo(422);
        assertThat(refusedAtQnb.document().selectFirst("#cardNumber-error").text()).contains("HSBC Advantage");
        Page refusedAtIsbank = payer.submit(payer.open(est.token()), Card.of("4155650100416111"), null);
        assertThat(refusedAtIsbank.status()).isEqualTo(422);
        assertThat(refusedAtIsbank.document().selectFirst("#cardNumber-error").text()).contains("Maximum");
        assertThat(new Payer(port).pay(est.token(), Card.of("5555555555554444")).approved()).isTrue();
        assertThat(new Payer(port).pay(payFor.token(), Card.of("4155650100416111")).approved()).isTrue();
    }
}
