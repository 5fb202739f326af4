package com.linkpos.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.Payer;
import com.linkpos.support.TestData;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * [X6] Ön provizyon through each gateway's own protocol: the payer's card is held (PreAuth), the merchant
 * captures part of it once (PostAuth) or releases it (Void), and a hold left alone is released after the set
 * number of days. What the simulated bank's books say is checked beside what LinkPOS says.
 */
@LinkPosTest
class PreAuthorizationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    HoldReleases holdReleases;

    private record Merchant(Api.Merchant account, String card) {
    }

    private Merchant merchantOn(String gateway) {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant(List.of(), 12);
        if (gateway.equals("EST")) {
            api.putOnEst(merchant);
            return new Merchant(merchant, "5555555555554444");
        }
        return new Merchant(merchant, "4155650100416111");
    }

    /** A held payment of a pre-authorizing link, as the API shows it. */
    private JsonNode held(Merchant merchant, String amount) {
        Api api = new Api(port);
        Api.CreatedLink link = api.newLink(merchant.account(), Map.of("amount", amount, "preAuthorization", true));
        assertThat(api.get(merchant.account().key(), "/api/v1/links/" + link.id()).json().path("preAuthorization").asBoolean())
                .isTrue();
        Payer.Result result = new Payer(port).pay(link.token(), Payer.Card.of(merchant.card()));
        assertThat(result.approved()).as(result.page().text()).isTrue();
        JsonNode hold = api.get(merchant.account().key(), "/api/v1/transactions/" + result.transactionId()).json();
        assertThat(hold.path("type").asString()).isEqualTo("PRE_AUTH");
        return hold;
    }

    /** The simulated bank's books for the order of {@code transactionId}: "type amount voided" per entry, oldest first. */
    private List<String> atTheBank(String transactionId) {
        return jdbc.sql("""
                        SELECT s.txn_type || ' ' || s.amount || ' ' || (s.voided_at IS NOT NULL) FROM simulator_transactions s
                        JOIN transactions t ON t.gateway_order_id = s.order_id
                        WHERE t.id = ? AND s.txn_type IN ('PreAuth', 'PostAuth', 'Void') ORDER BY s.id""")
                .param(transactionId).query(String.class).list();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PAYFOR", "EST"})
    void theMerchantCapturesPartOfAHoldOnceAndTheRestIsReleased(String gateway) {
        Merchant merchant = merchantOn(gateway);
        Api api = new Api(port);
        String key = merchant.account().key();
        JsonNode hold = held(merchant, "3000.00");
        String id = hold.path("id").asString();
        assertThat(hold.path("settlement").isNull()).as("a hold is not money").isTrue();
        assertThat(hold.path("capturedAmount").asString()).isEqualTo("0.00");
        assertThat(atTheBank(id)).containsExactly("PreAuth 3000.00 false");

        Api.Response tooMuch = api.post(key, "/api/v1/transactions/" + id + "/capture", "{\"amount\": \"3000.01\"}");
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.code()).isEqualTo("capture_exceeds_authorization");
        assertThat(atTheBank(id)).as("refused before the bank").containsExactly("PreAuth 3000.00 false");

        Api.Response captured = api.post(key, "/api/v1/transactions/" + id + "/capture", "{\"amount\": \"2750.00\"}");
        assertThat(captured.status()).as(captured.body()).isEqualTo(201);
        JsonNode capture = captured.json();
        assertThat(capture.path("type").asString()).isEqualTo("CAPTURE");
        assertThat(capture.path("status").asString()).isEqualTo("APPROVED");
        assertThat(capture.path("amount").asString()).isEqualTo("2750.00");
        assertThat(capture.path("originalTransactionId").asString()).isEqualTo(id);
        assertThat(capture.path("settlement").path("net").isMissingNode()).as("the capture is the money").isFalse();
        assertThat(atTheBank(id)).containsExactly("PreAuth 3000.00 false", "PostAuth 2750.00 false");
        assertThat(api.get(key, "/api/v1/transactions/" + id).json().path("capturedAmount").asString()).isEqualTo("2750.00");
        assertThat(api.get(key, "/api/v1/links/" + hold.path("linkId").asString()).json().path("collectedAmount").asString())
                .as("the link collected the capture, not the hold").isEqualTo("2750.00");

        Api.Response again = api.post(key, "/api/v1/transactions/" + id + "/capture", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("already_captured");
        Api.Response notAHold = api.post(key, "/api/v1/transactions/" + capture.path("id").asString() + "/capture", null);
        assertThat(notAHold.code()).isEqualTo("transaction_not_capturable");

        // İşlem Arama shows each as its own type
        assertThat(api.get(key, "/api/v1/transactions?type=PRE_AUTH&linkId=" + hold.path("linkId").asString()).json()
                .path("data")).extracting(row -> row.path("id").asString()).containsExactly(id);
        assertThat(api.get(key, "/api/v1/transactions?type=CAPTURE&linkId=" + hold.path("linkId").asString()).json()
                .path("data")).extracting(row -> row.path("id").asString()).containsExactly(capture.path("id").asString());

        // the capture is voided as a sale is, the same day; the bank voids its PostAuth
        JsonNode voided = api.post(key, "/api/v1/transactions/" + capture.path("id").asString() + "/void", null).json();
        assertThat(voided.path("status").asString()).isEqualTo("APPROVED");
        assertThat(atTheBank(id)).contains("PostAuth 2750.00 true");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PAYFOR", "EST"})
    void aHoldIsReleasedByTheMerchantEvenAfterTheEndOfDayOrByItselfAfterTheSetDays(String gateway) {
        Merchant merchant = merchantOn(gateway);
        Api api = new Api(port);
        String key = merchant.account().key();
        String id = held(merchant, "1500.00").path("id").asString();
        assertThat(api.post(TestData.BANK_KEY, "/api/v1/admin/batches/close", null).status()).isEqualTo(200);

        Api.Response released = api.post(key, "/api/v1/transactions/" + id + "/void", null);
        assertThat(released.status()).as(released.body()).isEqualTo(201);
        assertThat(released.json().path("type").asString()).isEqualTo("VOID");
        assertThat(atTheBank(id)).contains("PreAuth 1500.00 true");
        assertThat(api.get(key, "/api/v1/transactions/" + id).json().path("voided").asBoolean()).isTrue();
        assertThat(api.post(key, "/api/v1/transactions/" + id + "/capture", null).code()).isEqualTo("already_voided");
        assertThat(api.post(key, "/api/v1/transactions/" + id + "/refunds", null).code()).isEqualTo("already_voided");

        // left alone for longer than the set days (7): released at the bank by the job, once
        String forgotten = held(merchant, "800.00").path("id").asString();
        String recent = held(merchant, "900.00").path("id").asString();
        jdbc.sql("UPDATE transactions SET created_at = created_at - INTERVAL '8 days' WHERE id = ?").param(forgotten).update();
        assertThat(holdReleases.releaseDue()).isGreaterThanOrEqualTo(1);
        assertThat(api.get(key, "/api/v1/transactions/" + forgotten).json().path("voided").asBoolean()).isTrue();
        assertThat(atTheBank(forgotten)).contains("PreAuth 800.00 true");
        assertThat(api.get(key, "/api/v1/transactions/" + recent).json().path("voided").asBoolean()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM transactions WHERE original_transaction_id = ? AND type = 'VOID'")
                .param(forgotten).query(Long.class).single()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PAYFOR", "EST"})
    void theEndOfDayCountsTheCaptureAsASaleAndNeitherTheHoldNorItsRelease(String gateway) {
        Merchant merchant = merchantOn(gateway);
        Api api = new Api(port);
        String key = merchant.account().key();
        String captured = held(merchant, "1000.00").path("id").asString();
        assertThat(api.post(key, "/api/v1/transactions/" + captured + "/capture", "{\"amount\": \"600.00\"}").status())
                .isEqualTo(201);
        String released = held(merchant, "400.00").path("id").asString();
        assertThat(api.post(key, "/api/v1/transactions/" + released + "/void", null).status()).isEqualTo(201);

        BigDecimal sold = jdbc.sql("""
                        SELECT COALESCE(sum(amount_minor), 0) / 100.0 FROM transactions
                        WHERE merchant_id = ? AND status = 'APPROVED' AND type IN ('SALE', 'CAPTURE')""")
                .param(merchant.account().id()).query(BigDecimal.class).single();
        assertThat(sold).isEqualByComparingTo("600.00");
        JsonNode settlements = api.get(key, "/api/v1/settlements").json().path("data");
        assertThat(settlements).hasSize(1);
        assertThat(settlements.get(0).path("sales").asString()).isEqualTo("600.00");
        assertThat(settlements.get(0).path("count").asInt()).isEqualTo(1);
    }

    private static com.linkpos.support.PortalSession.Page after(com.linkpos.support.PortalSession portal,
                                                                com.linkpos.support.PortalSession.Page redirect) {
        assertThat(redirect.location()).as(redirect.text()).isNotNull();
        return portal.get(portal.relative(redirect.location()));
    }

    @org.junit.jupiter.api.Test
    void theMerchantCapturesOrReleasesAHoldFromThePortalTypingTheAmountThePagesWay() {
        Merchant merchant = merchantOn("PAYFOR");
        String id = held(merchant, "2000.00").path("id").asString();
        com.linkpos.support.PortalSession portal = com.linkpos.support.PortalSession.loggedIn(port, merchant.account());
        com.linkpos.support.PortalSession.Page page = portal.get("/reversals/" + id);
        assertThat(page.document().selectFirst("#capture-form")).as(page.text()).isNotNull();
        assertThat(page.document().selectFirst("#capture-amount").val()).isEqualTo("2.000,00");
        assertThat(page.document().selectFirst("#release")).isNotNull();

        com.linkpos.support.PortalSession.Page refused = after(portal, portal.post("/reversals/" + id + "/capture",
                Map.of("amount", "2.000,01")));
        assertThat(refused.document().selectFirst("#reversal-refusal").text()).contains("2.000,00 TL");
        com.linkpos.support.PortalSession.Page done = after(portal, portal.post("/reversals/" + id + "/capture",
                Map.of("amount", "1.250,50")));
        assertThat(done.document().selectFirst("#reversal-outcome").attr("data-type")).isEqualTo("CAPTURE");
        assertThat(done.document().selectFirst("#reversal-outcome").attr("data-status")).isEqualTo("APPROVED");
        assertThat(done.document().selectFirst("#capture-form")).as("captured once").isNull();
        assertThat(atTheBank(id)).containsExactly("PreAuth 2000.00 false", "PostAuth 1250.50 false");

        // another hold, released from the same page
        String other = held(merchant, "300.00").path("id").asString();
        portal.get("/reversals/" + other + "/void");
        com.linkpos.support.PortalSession.Page released = after(portal, portal.post("/reversals/" + other + "/void", Map.of()));
        assertThat(released.document().selectFirst("#reversal-outcome").attr("data-type")).isEqualTo("VOID");
        assertThat(atTheBank(other)).containsExactly("PreAuth 300.00 true", "Void 300.00 false");
    }

    /** A PostAuth of the order straight at the simulated PayFor gateway (QNB's public test terminal): LinkPOS never hears of it. */
    private void capturedBehindLinkPos(String transactionId, String amount) throws Exception {
        String order = jdbc.sql("SELECT gateway_order_id FROM transactions WHERE id = ?").param(transactionId)
                .query(String.class).single();
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><PayforRequest><MerchantId>085300000009704</MerchantId>"
                + "<UserCode>QNB_API_KULLANICI_3DPAY</UserCode><UserPass>UcBN0</UserPass><MbrId>5</MbrId>"
                + "<OrgOrderId>" + order + "</OrgOrderId><SecureType>NonSecure</SecureType><TxnType>PostAuth</TxnType>"
                + "<PurchAmount>" + amount + "</PurchAmount><Currency>949</Currency><Lang>TR</Lang></PayforRequest>";
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://localhost:" + port + "/simulator/payfor/Gateway/XMLGate.aspx"))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(xml)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answer.body()).contains("<ProcReturnCode>00</ProcReturnCode>");
    }

    @org.junit.jupiter.api.Test
    void aCaptureWhoseAnswerWasLostIsLearntAndNeverReleased() throws Exception {
        Merchant merchant = merchantOn("PAYFOR");
        Api api = new Api(port);
        String key = merchant.account().key();
        String id = held(merchant, "500.00").path("id").asString();
        capturedBehindLinkPos(id, "400.00");

        // the release job (or the merchant) finds it captured: the capture is recorded, nothing is released
        Api.Response release = api.post(key, "/api/v1/transactions/" + id + "/void", null);
        assertThat(release.status()).isEqualTo(409);
        assertThat(release.code()).isEqualTo("already_captured");
        assertThat(api.get(key, "/api/v1/transactions/" + id).json().path("capturedAmount").asString()).isEqualTo("400.00");
        assertThat(atTheBank(id)).containsExactly("PreAuth 500.00 false", "PostAuth 400.00 false");

        // the merchant asks again for a capture whose answer was lost: it is the answer
        String other = held(merchant, "300.00").path("id").asString();
        capturedBehindLinkPos(other, "300.00");
        Api.Response again = api.post(key, "/api/v1/transactions/" + other + "/capture", "{\"amount\": \"300.00\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().path("type").asString()).isEqualTo("CAPTURE");
        assertThat(again.json().path("amount").asString()).isEqualTo("300.00");
        assertThat(jdbc.sql("SELECT count(*) FROM transactions WHERE original_transaction_id = ? AND type = 'CAPTURE'")
                .param(other).query(Long.class).single()).isEqualTo(1);
    }
}
