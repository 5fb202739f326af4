package com.linkpos.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.Eventually;
import com.linkpos.support.FaultyGateway;
import com.linkpos.support.FaultyGateway.Fault;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.Payer;
import com.linkpos.support.Payer.Card;
import com.linkpos.support.Payer.Result;
import com.linkpos.support.PortalSession.Page;
import com.linkpos.support.TestData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A bank gateway that misbehaves, whichever protocol it speaks: a forged or foreign callback, a replayed
 * one, a bank that times out, answers late, cuts its XML, sends an HTML error page, or is just slow. Each
 * ends on a clear page for the payer, nothing approved that the bank did not approve, never a second
 * provision, and an attempt that recovery settles. The merchant's terminal, set by the bank, points at a
 * {@link FaultyGateway} in front of the simulator. Each gateway's test is this class with its terminal,
 * the names of its calls and its answer's fields ({@code forgeries()}, a static source in the subclass).
 */
@LinkPosTest
@TestPropertySource(properties = {
        "linkpos.payfor.read-timeout=1s",
        "linkpos.est.read-timeout=1s",
        "linkpos.payfor.connect-timeout=1s",
        "linkpos.est.connect-timeout=1s",
        "linkpos.checkout.stuck-after=3s",
        "linkpos.checkout.recovery-poll=200ms",
        "linkpos.checkout.claim-ttl=5s",
})
abstract class GatewayFaultsContract {

    private static final Duration PATIENCE = Duration.ofSeconds(1);

    @LocalServerPort
    protected int port;
    @Autowired
    JdbcClient jdbc;

    protected Api api;
    protected Api.Merchant merchant;
    protected FaultyGateway gateway;

    /** The simulator's gateway of this protocol, under this LinkPOS ({@code /simulator/payfor}, …). */
    protected abstract String simulatorPath();

    /** The merchant's terminal (the {@code acquirer} object of the admin API) on this gateway address. */
    protected abstract Map<String, Object> terminal(String gatewayUrl);

    /** What the provision and the order inquiry are called in {@link FaultyGateway#apiCalls()}. */
    protected abstract String provisionCall();

    protected abstract String inquiryCall();

    @BeforeEach
    void aMerchantWhoseBankMisbehaves() throws Exception {
        api = new Api(port);
        merchant = api.newMerchant();
        gateway = new FaultyGateway(api.baseUrl() + simulatorPath(), PATIENCE);
        Api.Response set = api.patch(TestData.BANK_KEY, "/api/v1/admin/merchants/" + merchant.id(),
                Api.json(Map.of("acquirer", terminal(gateway.url()))));
        assertThat(set.status()).as("%s", set).isEqualTo(200);
    }

    @AfterEach
    void closeTheGateway() {
        gateway.close();
    }

    protected Api.CreatedLink link() {
        return api.newLink(merchant, "{\"amount\": \"25.00\"}");
    }

    /** Card, 3-D Secure with the right code: the bank's answer, not yet posted back to LinkPOS. */
    private Payer.AutoPost throughThreeDSecure(Payer payer, Api.CreatedLink link) {
        Page acs = payer.followAll(payer.submit(payer.open(link.token()), Card.of("4155650100416111"), null));
        return Payer.autoPost(payer.answerChallenge(acs, Payer.OTP));
    }

    private long approvedSales(Api.CreatedLink link) {
        return jdbc.sql("SELECT count(*) FROM transactions WHERE link_id = ? AND type = 'SALE' AND status = 'APPROVED'")
                .param(link.id()).query(Long.class).single();
    }

    private long approvalsAtTheBank(Api.CreatedLink link) {
        return jdbc.sql("""
                        SELECT count(*) FROM simulator_transactions s JOIN payment_attempts p ON p.gateway_order_id = s.order_id
                        WHERE s.txn_type = 'Auth' AND s.approved AND s.voided_at IS NULL AND p.link_id = ?""")
                .param(link.id()).query(Long.class).single();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void aCallbackTheBankDidNotSignForThisPaymentChangesNothing(String what, String field, String value) {
        Api.CreatedLink link = link();
        Payer payer = new Payer(port);
        Payer.AutoPost genuine = throughThreeDSecure(payer, link);

        Page forged = payer.post(genuine.with(field, value == null ? "" : value));
        assertThat(forged.status()).isEqualTo(400);
        assertThat(Payer.result(forged).reason()).isEqualTo("INVALID_3DS_ANSWER");
        assertThat(forged.document().text()).as("plain words for the payer").contains("doğrulanamadı");
        assertThat(gateway.provisions()).as("nothing provisioned on %s", what).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM transactions WHERE link_id = ?").param(link.id()).query(Long.class).single())
                .isZero();

        // the genuine answer still pays, once, however often it is posted again
        Result paid = Payer.result(payer.followAll(payer.post(genuine)));
        assertThat(paid.approved()).isTrue();
        Result replayed = Payer.result(payer.followAll(payer.post(genuine)));
        assertThat(replayed.transactionId()).isEqualTo(paid.transactionId());
        assertThat(gateway.provisions()).isEqualTo(1);
        assertThat(approvedSales(link)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Fault.class, names = {"LATE", "MALFORMED_XML", "SLOW"})
    void aProvisionWhoseAnswerIsLostOrSlowIsLearntFromTheBankNeverSentTwice(Fault fault) {
        Api.CreatedLink link = link();
        Payer payer = new Payer(port);
        Payer.AutoPost answer = throughThreeDSecure(payer, link);
        gateway.next(fault);

        Result result = Payer.result(payer.followAll(payer.post(answer)));

        assertThat(result.approved()).as("the bank approved it: %s", result.page().text()).isTrue();
        assertThat(gateway.provisions()).isEqualTo(1);
        assertThat(gateway.apiCalls()).as("a lost answer is asked for, not provisioned again")
                .containsExactlyElementsOf(fault == Fault.SLOW ? List.of(provisionCall())
                        : List.of(provisionCall(), inquiryCall()));
        assertThat(approvedSales(link)).isEqualTo(1);
        assertThat(approvalsAtTheBank(link)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"HTML_ERROR_PAGE, ", "SILENT, ", "SILENT, SILENT"})
    void aProvisionTheBankNeverGotIsSettledByRecovery(Fault provision, Fault inquiry) {
        Api.CreatedLink link = link();
        Payer payer = new Payer(port);
        Payer.AutoPost answer = throughThreeDSecure(payer, link);
        gateway.next(inquiry == null ? new Fault[] {provision} : new Fault[] {provision, inquiry});

        Page waiting = payer.followAll(payer.post(answer));
        Result pending = Payer.result(waiting);
        assertThat(pending.status()).isEqualTo("PENDING");
        assertThat(waiting.document().selectFirst("#result-reason").text()).contains("tekrar ödeme yapmayın");
        assertThat(waiting.document().selectFirst("#retry")).as("no second payment while the bank's answer is awaited").isNull();
        assertThat(approvedSales(link)).isZero();

        // recovery asks the bank once no provision can still be on its way: it never got one
        String result = "/pay/" + link.token() + "/result/" + attemptOf(link);
        Eventually.within(Duration.ofSeconds(15), () -> "FAILED".equals(jdbc.sql(
                "SELECT status FROM payment_attempts WHERE link_id = ?").param(link.id()).query(String.class).single()),
                "recovery settles the attempt");
        Result settled = Payer.result(payer.browser().get(result));
        assertThat(settled.status()).isEqualTo("DECLINED");
        assertThat(settled.reason()).isEqualTo("BANK_ERROR");
        assertThat(settled.page().document().selectFirst("#retry")).isNotNull();
        assertThat(gateway.provisions()).isEqualTo(1);
        assertThat(approvalsAtTheBank(link)).isZero();
        assertThat(approvedSales(link)).isZero();
    }

    private String attemptOf(Api.CreatedLink link) {
        return jdbc.sql("SELECT id FROM payment_attempts WHERE link_id = ?").param(link.id()).query(String.class).single();
    }

    @Test
    void aVoidTheBankDidNotAnswerIsRetriedSafely() {
        Api.CreatedLink link = link();
        Payer payer = new Payer(port);
        String sale = Payer.result(payer.followAll(payer.post(throughThreeDSecure(payer, link)))).transactionId();

        gateway.next(Fault.SILENT);
        Api.Response unanswered = api.post(merchant.key(), "/api/v1/transactions/" + sale + "/void", null);
        assertThat(unanswered.status()).isEqualTo(502);
        assertThat(unanswered.code()).isEqualTo("gateway_unavailable");
        assertThat(unanswered.json().path("detail").asString()).contains("Banka");

        // the bank voids it, but its answer is lost: asked again, it says so (V017), and the void is recorded
        gateway.next(Fault.LATE);
        assertThat(api.post(merchant.key(), "/api/v1/transactions/" + sale + "/void", null).status()).isEqualTo(502);
        assertThat(jdbc.sql("SELECT count(*) FROM transactions WHERE original_transaction_id = ?").param(sale)
                .query(Long.class).single()).as("nothing recorded while the bank's answer is unknown").isZero();
        Api.Response voided = api.post(merchant.key(), "/api/v1/transactions/" + sale + "/void", null);
        assertThat(voided.status()).as("%s", voided).isEqualTo(201);
        assertThat(voided.json().path("status").asString()).isEqualTo("APPROVED");
        assertThat(api.get(merchant.key(), "/api/v1/transactions/" + sale).json().path("voided").asBoolean()).isTrue();
        assertThat(approvalsAtTheBank(link)).isZero();
    }

    @Test
    void aRefundWhoseAnswerWasLostIsLearntFromTheBankAndNeverPaidTwice() {
        Api.CreatedLink link = link();
        Payer payer = new Payer(port);
        String sale = Payer.result(payer.followAll(payer.post(throughThreeDSecure(payer, link)))).transactionId();
        assertThat(api.post(TestData.BANK_KEY, "/api/v1/admin/batches/close", null).status() / 100).isEqualTo(2);
        String refunds = "/api/v1/transactions/" + sale + "/refunds";

        // the bank pays back 10.00, but its answer is lost (the first call asks what it has paid back so far)
        gateway.next(Fault.PASS, Fault.LATE);
        assertThat(api.post(merchant.key(), refunds, "{\"amount\": \"10.00\"}").status()).isEqualTo(502);
        assertThat(refundsInTheLedger(sale)).as("nothing recorded while the bank's answer is unknown").isZero();
        // asked again, the bank's records say it was made: recorded, not paid back a second time
        Api.Response again = api.post(merchant.key(), refunds, "{\"amount\": \"10.00\"}");
        assertThat(again.status()).as("%s", again).isEqualTo(201);
        assertThat(again.json().path("status").asString()).isEqualTo("APPROVED");
        assertThat(refundsAtTheBank(link)).isEqualTo(1);
        assertThat(refundsInTheLedger(sale)).isEqualTo(1);

        // after another lost one, a refund of another amount is not sent before the merchant hears of the lost one
        gateway.next(Fault.PASS, Fault.LATE);
        assertThat(api.post(merchant.key(), refunds, "{\"amount\": \"5.00\"}").status()).isEqualTo(502);
        Api.Response other = api.post(merchant.key(), refunds, "{\"amount\": \"7.00\"}");
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.code()).isEqualTo("refund_made_before");
        assertThat(refundsAtTheBank(link)).isEqualTo(2);
        assertThat(api.get(merchant.key(), "/api/v1/transactions/" + sale).json().path("refundedAmount").asString())
                .isEqualTo("15.00");
        Api.Response meant = api.post(merchant.key(), refunds, "{\"amount\": \"7.00\"}");
        assertThat(meant.status()).as("%s", meant).isEqualTo(201);
        assertThat(refundsAtTheBank(link)).isEqualTo(3);
        assertThat(refundsInTheLedger(sale)).isEqualTo(3);
    }

    private long refundsInTheLedger(String sale) {
        return jdbc.sql("SELECT count(*) FROM transactions WHERE original_transaction_id = ? AND type = 'REFUND' AND status = 'APPROVED'")
                .param(sale).query(Long.class).single();
    }

    private long refundsAtTheBank(Api.CreatedLink link) {
        return jdbc.sql("""
                        SELECT count(*) FROM simulator_transactions s JOIN payment_attempts p ON p.gateway_order_id = s.order_id
                        WHERE s.txn_type IN ('Refund', 'Credit') AND s.approved AND p.link_id = ?""")
                .param(link.id()).query(Long.class).single();
    }
}
