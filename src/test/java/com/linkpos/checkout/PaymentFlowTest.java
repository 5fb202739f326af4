package com.linkpos.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.Api.Merchant;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.Payer;
import com.linkpos.support.Payer.Card;
import com.linkpos.support.Payer.Result;
import com.linkpos.support.PortalSession.Page;
import com.linkpos.support.TestData;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import com.linkpos.support.PortalSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Paying a link through real HTTP with every test card of API.md [P1]-[P7], [B2]. */
@LinkPosTest
@ExtendWith(OutputCaptureExtension.class)
class PaymentFlowTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Api api;
    Merchant merchant;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        merchant = api.newMerchant(List.of("USD"), 12);
    }

    private Api.CreatedLink link(String json) {
        return api.newLink(merchant, json);
    }

    private JsonNode linkJson(String id) {
        return api.get(merchant.key(), "/api/v1/links/" + id).json();
    }

    private Map<String, Object> transaction(String id) {
        return jdbc.sql("SELECT * FROM transactions WHERE id = ?").param(id).query().singleRow();
    }

    private long count(String sql, Object... params) {
        var statement = jdbc.sql(sql);
        for (Object param : params) {
            statement = statement.param(param);
        }
        return statement.query(Long.class).single();
    }

    private long bankAuthorizations(String linkId) {
        return count("""
                SELECT count(*) FROM simulator_transactions a JOIN payment_attempts p ON p.gateway_order_id = a.order_id AND a.txn_type = 'Auth'
                WHERE p.link_id = ?""", linkId);
    }

    @ParameterizedTest(name = "{0} {1} ({2}, {3}) is approved")
    @CsvSource({
            "4155650100416111, VISA, QNB Finansbank, CREDIT, 05",
            "5456160000000000, MASTERCARD, QNB Finansbank, CREDIT, 02",
            "9792030000000000, TROY, QNB Finansbank, CREDIT, 05",
            "9792020000000001, TROY, QNB Finansbank, DEBIT, 05",
            "5504720000000003, MASTERCARD, HSBC Bank A.Ş., CREDIT, 02",
            "5400610000000001, MASTERCARD, QNB Finansbank, CREDIT, 02",
            "4111111111111111, VISA, JPMorgan Chase Bank, CREDIT, 05",
            "5555555555554444, MASTERCARD, Türkiye İş Bankası, CREDIT, 02"})
    void everyApprovingTestCardPaysASingleUseLink(String number, String brand, String issuer, String type, String eci) {
        Api.CreatedLink link = link("{\"amount\": \"1250.50\", \"payerNoteEnabled\": true}");
        Result result = new Payer(port).pay(link.token(), Card.of(number), Payer.OTP, "Fatura no 42 — teşekkürler");

        assertThat(result.status()).isEqualTo("APPROVED");
        Map<String, Object> sale = transaction(result.transactionId());
        assertThat(sale).containsEntry("type", "SALE").containsEntry("status", "APPROVED")
                .containsEntry("amount_minor", 125050L).containsEntry("card_bin", number.substring(0, 6))
                .containsEntry("card_last4", number.substring(12)).containsEntry("card_brand", brand)
                .containsEntry("card_issuer", issuer).containsEntry("card_type", type)
                .containsEntry("response_code", "00").containsEntry("md_status", "1").containsEntry("eci", eci)
                .containsEntry("link_id", link.id()).containsEntry("merchant_id", merchant.id())
                .containsEntry("payer_note", "Fatura no 42 — teşekkürler");
        assertThat((String) sale.get("auth_code")).matches("[A-Z0-9]{6}");
        assertThat((String) sale.get("host_reference")).matches("\\d{12}");
        // [P5] the receipt, with the card masked
        assertThat(result.page().document().selectFirst("#receipt-card").text())
                .isEqualTo(number.substring(0, 6) + "******" + number.substring(12));
        assertThat(result.page().document().selectFirst("#receipt-auth").text()).isEqualTo(sale.get("auth_code"));
        // the link: used up, with its one payment
        JsonNode after = linkJson(link.id());
        assertThat(after.path("status").asString()).isEqualTo("USED");
        assertThat(after.path("paymentCount").asInt()).isEqualTo(1);
        assertThat(after.path("collectedAmount").asString()).isEqualTo("1250.50");
        assertThat(bankAuthorizations(link.id())).isEqualTo(1);
        // and a second payer finds it paid
        assertThat(new Payer(port).open(link.token()).document().selectFirst("#link-unavailable").attr("data-reason"))
                .isEqualTo("USED");
    }

    @Test
    void aPayerWhoComesBackToAPaidLinkSeesTheReceiptNeverASecondPayment() {
        Api.CreatedLink single = link("{\"amount\": \"40.00\"}");
        Payer payer = new Payer(port);
        Result paid = payer.pay(single.token(), Card.of("4155650100416111"));
        assertThat(paid.approved()).isTrue();
        // Back, or the link opened again in the same browser: its receipt
        PortalSession.Page back = payer.browser().get("/pay/" + single.token());
        assertThat(back.status()).isEqualTo(303);
        assertThat(Payer.result(payer.followAll(back)).transactionId()).isEqualTo(paid.transactionId());
        // anyone else: the link is used
        assertThat(new Payer(port).browser().get("/pay/" + single.token()).document().selectFirst("#card-form")).isNull();

        Api.CreatedLink multi = link("{\"amount\": \"15.00\", \"usage\": \"MULTI\"}");
        Payer member = new Payer(port);
        Result dues = member.pay(multi.token(), Card.of("4155650100416111"));
        PortalSession.Page again = member.browser().get("/pay/" + multi.token());
        assertThat(again.status()).as("a multi-use link may be paid again").isEqualTo(200);
        assertThat(again.document().selectFirst("#card-form")).isNotNull();
        assertThat(again.document().selectFirst("#paid-before a").attr("href")).endsWith("/result/"
                + jdbc.sql("SELECT attempt_id FROM transactions WHERE id = ?").param(dues.transactionId()).query(String.class).single());
    }

    @ParameterizedTest(name = "{0} is declined with {1}")
    @CsvSource({
            "4000000000000002, 05, Bankanız ödemeyi onaylamadı",
            "4000000000009995, 51, limiti bu ödeme için yetersiz",
            "4000000000000069, 54, kartınızın süresi dolmuş",
            "4000000000000119, 96, geçici bir sorun"})
    void decliningTestCardsAreRecordedAndTheLinkStaysPayable(String number, String code, String words) {
        Api.CreatedLink link = link("{\"amount\": \"99.90\"}");
        Result result = new Payer(port).pay(link.token(), Card.of(number));

        assertThat(result.status()).isEqualTo("DECLINED");
        assertThat(result.reason()).isEqualTo("DECLINED_BY_BANK");
        assertThat(result.page().document().selectFirst("#result-reason").text()).contains(words);
        assertThat(result.page().document().selectFirst("#retry")).as("retry while the link is valid").isNotNull();
        assertThat(result.page().document().selectFirst("#attempt-summary").text()).as("what was being paid stays in sight")
                .contains("99,90 TL", link.orderNumber());
        Map<String, Object> sale = transaction(result.transactionId());
        assertThat(sale).containsEntry("status", "DECLINED").containsEntry("response_code", code)
                .containsEntry("md_status", "1");
        assertThat(sale.get("auth_code")).isNull();
        JsonNode after = linkJson(link.id());
        assertThat(after.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(after.path("paymentCount").asInt()).isZero();
        assertThat(count("SELECT count(*) FROM links WHERE id = ? AND claimed_by IS NULL", link.id())).isEqualTo(1);

        // the payer tries again with a good card and pays
        assertThat(new Payer(port).pay(link.token(), Card.of("4155650100416111")).approved()).isTrue();
    }

    @Test
    void aFailedChallengeChargesNothing() {
        Api.CreatedLink link = link("{\"amount\": \"10.00\"}");
        Result threeDsFails = new Payer(port).pay(link.token(), Card.of("4000000000003063"), Payer.OTP, null);
        assertThat(threeDsFails.status()).isEqualTo("DECLINED");
        assertThat(threeDsFails.reason()).isEqualTo("THREE_DS_FAILED");
        assertThat(transaction(threeDsFails.transactionId())).containsEntry("md_status", "0").containsEntry("status", "DECLINED");

        Result wrongCode = new Payer(port).pay(link.token(), Card.of("4155650100416111"), "654321", null);
        assertThat(wrongCode.status()).isEqualTo("DECLINED");
        assertThat(wrongCode.reason()).isEqualTo("THREE_DS_FAILED");
        assertThat(bankAuthorizations(link.id())).as("only mdStatus 1 is authorized").isZero();
        assertThat(linkJson(link.id()).path("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void aCardNotEnrolledInThreeDSecureIsRefusedWithoutAChallenge() {
        Api.CreatedLink link = link("{\"amount\": \"10.00\"}");
        Payer payer = new Payer(port);
        Page afterSubmit = payer.submit(payer.open(link.token()), Card.of("4000000000000101"), null);
        // to the bank and straight back: followAll stops at a challenge page, so reaching the result proves none was shown
        Result result = Payer.result(payer.followAll(afterSubmit));
        assertThat(result.status()).isEqualTo("DECLINED");
        assertThat(result.reason()).isEqualTo("NOT_ENROLLED");
        assertThat(transaction(result.transactionId())).containsEntry("md_status", "2");
        assertThat(bankAuthorizations(link.id())).isZero();
    }

    @Test
    void cardFieldsAreCheckedBeforeAnythingIsSent() {
        Api.CreatedLink link = link("{\"amount\": \"10.00\"}");
        Payer payer = new Payer(port);
        Map<Card, String> wrong = Map.of(
                Card.of("4155650100416112"), "cardNumber-error",
                Card.of("3782 822463 10005"), "cardNumber-error",
                new Card("4155650100416111", "01/20", "123", "Ayşe Yılmaz"), "expiry-error",
                new Card("4155650100416111", "13/30", "123", "Ayşe Yılmaz"), "expiry-error",
                new Card("4155650100416111", "12/30", "12", "Ayşe Yılmaz"), "cvv-error",
                new Card("4155650100416111", "12/30", "123", ""), "cardHolder-error");
        wrong.forEach((card, errorId) -> {
            Page page = payer.submit(payer.open(link.token()), card, null);
            assertThat(page.status()).as(card.toString()).isEqualTo(422);
            assertThat(page.document().selectFirst("#" + errorId)).as("%s on %s", errorId, card).isNotNull();
            // the number and CVV are not written back into the page
            assertThat(page.body()).doesNotContain(card.number().replace(" ", "")).doesNotContain("value=\"" + card.cvv() + "\"");
        });
        Page amex = payer.submit(payer.open(link.token()), Card.of("378282246310005"), null);
        assertThat(amex.document().selectFirst("#cardNumber-error").text()).contains("Visa, Mastercard veya Troy");
        assertThat(count("SELECT count(*) FROM payment_attempts WHERE link_id = ?", link.id())).isZero();
    }

    @ParameterizedTest(name = "{0} may pay in installments: {1}")
    @CsvSource({"4155650100416111, true", "5504720000000003, true", "5400610000000001, true",
            "9792020000000001, false", "4111111111111111, false", "5555555555554444, false"})
    void installmentsOnlyWithTheNamedBanksCreditCards(String number, boolean allowed) {
        Api.CreatedLink link = link("{\"amount\": \"3000.00\", \"installments\": 3}");
        Payer payer = new Payer(port);
        Page afterSubmit = payer.submit(payer.open(link.token()), Card.of(number), null);
        if (allowed) {
            Result result = Payer.result(payer.followAll(payer.answerChallenge(payer.followAll(afterSubmit), Payer.OTP)));
            assertThat(result.approved()).isTrue();
            assertThat(transaction(result.transactionId())).containsEntry("installments", 3);
        } else {
            // [P4] refused by BIN before 3-D Secure
            assertThat(afterSubmit.status()).isEqualTo(422);
            assertThat(afterSubmit.document().selectFirst("#cardNumber-error").text())
                    .contains("QNB Finansbank, Enpara.com ve HSBC Advantage");
            assertThat(count("SELECT count(*) FROM payment_attempts WHERE link_id = ?", link.id())).isZero();
        }
    }

    @Test
    void aTamperedAcsAnswerIsRefusedAndTheGenuineOneStillWorks() {
        Api.CreatedLink link = link("{\"amount\": \"10.00\"}");
        Payer payer = new Payer(port);
        Page acs = payer.followAll(payer.submit(payer.open(link.token()), Card.of("4000000000003063"), null));
        Payer.AutoPost genuine = Payer.autoPost(payer.answerChallenge(acs, Payer.OTP));
        assertThat(genuine.fields()).containsEntry("3DStatus", "-1");
        assertThat(genuine.action()).as("an absolute address under /pay/").startsWith(api.baseUrl() + "/pay/" + link.token() + "/3ds/");

        Page tampered = payer.post(genuine.with("3DStatus", "1"));
        assertThat(tampered.status()).isEqualTo(400);
        assertThat(Payer.result(tampered).reason()).isEqualTo("INVALID_3DS_ANSWER");
        assertThat(count("SELECT count(*) FROM transactions WHERE link_id = ?", link.id())).isZero();
        assertThat(bankAuthorizations(link.id())).isZero();

        Result result = Payer.result(payer.followAll(payer.post(genuine)));
        assertThat(result.reason()).isEqualTo("THREE_DS_FAILED");
    }

    @Test
    void aReplayedOrRefreshedAnswerNeverAuthorizesTwice() {
        Api.CreatedLink link = link("{\"amount\": \"10.00\", \"usage\": \"MULTI\"}");
        Payer payer = new Payer(port);
        Page acs = payer.followAll(payer.submit(payer.open(link.token()), Card.of("4155650100416111"), null));
        Payer.AutoPost back = Payer.autoPost(payer.answerChallenge(acs, Payer.OTP));
        Result first = Payer.result(payer.followAll(payer.post(back)));
        assertThat(first.approved()).isTrue();

        Result replay = Payer.result(payer.followAll(payer.post(back)));
        assertThat(replay.transactionId()).isEqualTo(first.transactionId());
        Payer otherBrowser = new Payer(port);
        Result fromElsewhere = Payer.result(otherBrowser.followAll(otherBrowser.post(back)));
        assertThat(fromElsewhere.transactionId()).as("no session or CSRF cookie needed").isEqualTo(first.transactionId());
        assertThat(bankAuthorizations(link.id())).isEqualTo(1);
        assertThat(linkJson(link.id()).path("paymentCount").asInt()).isEqualTo(1);
    }

    @Test
    void aDoubleSubmitOfTheCardFormIsOneAttempt() {
        Api.CreatedLink link = link("{\"amount\": \"10.00\", \"usage\": \"MULTI\"}");
        Payer payer = new Payer(port);
        Page form = payer.open(link.token());
        Page first = payer.submit(form, Card.of("4155650100416111"), null);
        Page second = payer.submit(form, Card.of("4155650100416111"), null);
        // the browser shows the second answer: the same order goes to the bank again, which replaces its challenge
        assertThat(Payer.autoPost(second).fields().get("OrderId")).isEqualTo(Payer.autoPost(first).fields().get("OrderId"));
        assertThat(count("SELECT count(*) FROM payment_attempts WHERE link_id = ?", link.id())).isEqualTo(1);
        Result result = Payer.result(payer.followAll(payer.answerChallenge(payer.followAll(second), Payer.OTP)));
        assertThat(result.approved()).isTrue();
        assertThat(linkJson(link.id()).path("paymentCount").asInt()).isEqualTo(1);
    }

    @Test
    void anAttemptIsReachableOnlyThroughItsOwnLink() {
        Api.CreatedLink mine = link("{\"amount\": \"10.00\"}");
        Api.CreatedLink other = link("{\"amount\": \"10.00\"}");
        Payer payer = new Payer(port);
        Page acs = payer.followAll(payer.submit(payer.open(mine.token()), Card.of("4155650100416111"), null));
        Payer.AutoPost back = Payer.autoPost(payer.answerChallenge(acs, Payer.OTP));

        Page foreign = payer.post(new Payer.AutoPost(back.action().replace(mine.token(), other.token()), back.fields()));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(bankAuthorizations(mine.id()) + bankAuthorizations(other.id())).isZero();
        assertThat(Payer.result(payer.followAll(payer.post(back))).approved()).isTrue();
        assertThat(linkJson(other.id()).path("paymentCount").asInt()).isZero();
    }

    @Test
    void aLinkThatCannotBePaidTakesNoCard() {
        Api.CreatedLink deleted = link("{\"amount\": \"10.00\"}");
        Api.CreatedLink expired = link("{\"amount\": \"10.00\"}");
        Payer payer = new Payer(port);
        Page deletedForm = payer.open(deleted.token());
        Page expiredForm = payer.open(expired.token());
        api.delete(merchant.key(), "/api/v1/links/" + deleted.id());
        jdbc.sql("UPDATE links SET valid_from = now() - interval '2 days', valid_until = now() - interval '1 day' WHERE id = ?")
                .param(expired.id()).update();

        Page afterDelete = payer.submit(deletedForm, Card.of("4155650100416111"), null);
        assertThat(afterDelete.document().selectFirst("#link-unavailable").attr("data-reason")).isEqualTo("DELETED");
        Page afterExpiry = payer.submit(expiredForm, Card.of("4155650100416111"), null);
        assertThat(afterExpiry.document().selectFirst("#link-unavailable").attr("data-reason")).isEqualTo("EXPIRED");
        assertThat(count("SELECT count(*) FROM payment_attempts WHERE link_id IN (?, ?)", deleted.id(), expired.id())).isZero();
    }

    @Test
    void aLinkDeletedDuringTheChallengeIsNotCharged() {
        Api.CreatedLink link = link("{\"amount\": \"10.00\"}");
        Payer payer = new Payer(port);
        Page acs = payer.followAll(payer.submit(payer.open(link.token()), Card.of("4155650100416111"), null));
        api.delete(merchant.key(), "/api/v1/links/" + link.id());
        Result result = Payer.result(payer.followAll(payer.answerChallenge(acs, Payer.OTP)));
        assertThat(result.status()).isEqualTo("DECLINED");
        assertThat(result.reason()).isEqualTo("LINK_UNAVAILABLE");
        assertThat(bankAuthorizations(link.id())).isZero();
    }

    @Test
    void aMultiUseLinkTakesManyPaymentsAndCountsThem() {
        Api.CreatedLink link = link("{\"amount\": \"250.00\", \"usage\": \"MULTI\"}");
        for (String number : List.of("4155650100416111", "5456160000000000", "9792030000000000")) {
            assertThat(new Payer(port).pay(link.token(), Card.of(number)).approved()).isTrue();
        }
        JsonNode after = linkJson(link.id());
        assertThat(after.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(after.path("paymentCount").asInt()).isEqualTo(3);
        assertThat(after.path("collectedAmount").asString()).isEqualTo("750.00");
        // [M3] what was paid is frozen now
        assertThat(api.patch(merchant.key(), "/api/v1/links/" + link.id(), "{\"amount\": \"1.00\"}").code())
                .isEqualTo("link_frozen_after_payment");
    }

    @Test
    void theMerchantSeesEveryPaymentOnTheLinkDetail() {
        Api.CreatedLink link = link("{\"amount\": \"75.00\", \"usage\": \"MULTI\", \"payerNoteEnabled\": true}");
        new Payer(port).pay(link.token(), Card.of("4000000000009995"), Payer.OTP, null);
        new Payer(port).pay(link.token(), Card.of("5456160000000000"), Payer.OTP, "<b>Kapıda</b> teslim");
        PortalSession merchantUser = PortalSession.loggedIn(port, merchant);
        Page detail = merchantUser.get("/links/" + link.id());
        List<String> rows = detail.document().select("#payments-table tbody tr").eachText();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).contains("Onaylandı", "545616******0000", "<b>Kapıda</b> teslim");
        assertThat(rows.get(1)).contains("Reddedildi", "400000******9995", "51");
        assertThat(detail.body()).doesNotContain("<b>Kapıda</b>");
    }

    @Test
    void theResultSpeaksThePayersLanguage() {
        Api.CreatedLink link = link("{\"amount\": \"480.00\", \"currency\": \"USD\"}");
        Payer payer = new Payer(port);
        payer.browser().get("/pay/" + link.token() + "?lang=en");
        Result result = payer.pay(link.token(), Card.of("4000000000009995"));
        assertThat(result.page().document().selectFirst("#result-reason").text())
                .isEqualTo("Your card's limit is not enough for this payment.");
        assertThat(result.page().document().selectFirst("#payment-result h1").text()).isEqualTo("Payment not made");
    }

    @Test
    void cardNumbersAndCvvsAreNeverStoredNorLogged(CapturedOutput log) {
        Api.CreatedLink link = link("{\"amount\": \"10.00\", \"usage\": \"MULTI\", \"payerNoteEnabled\": true}");
        List<String> numbers = List.of("4155650100416111", "4000000000000002", "4000000000003063", "4000000000000101");
        for (String number : numbers) {
            new Payer(port).pay(link.token(), new Card(number, "12/30", "987", "Ayşe Yılmaz"), Payer.OTP, "not");
        }
        List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
                .query(String.class).list();
        assertThat(tables).contains("payment_attempts", "transactions", "simulator_transactions", "simulator_3ds_requests", "spring_session_attributes",
                "idempotency_keys", "notifications", "webhook_deliveries", "audit_events");
        for (String table : tables) {
            List<String> rows = jdbc.sql("SELECT t::text FROM " + table + " t").query(String.class).list();
            String dump = String.join("\n", rows);
            boolean binary = table.equals("spring_session_attributes") || table.equals("idempotency_keys");
            for (String number : numbers) {
                // binary columns (sessions, stored responses) show as hex: the number's bytes are looked for there
                String hex = java.util.HexFormat.of().formatHex(number.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                assertThat(dump).as(table).doesNotContain(number).doesNotContain(hex);
                if (!binary) {
                    assertThat(dump).as(table).doesNotContain(number.substring(6));
                }
            }
            // no column holds the CVV
            assertThat(com.linkpos.support.StoredCells.of(jdbc, table)).as(table).doesNotContain("987");
        }
        for (String number : numbers) {
            assertThat(log.getAll()).doesNotContain(number);
        }
        // and the exports
        String csv = api.get(merchant.key(), "/api/v1/transactions/export?format=csv").body();
        assertThat(csv).contains("415565******6111");
        for (String number : numbers) {
            assertThat(csv).doesNotContain(number);
        }
    }

    @Test
    void aReturnUrlIsOnlyEverOurOwnPath() {
        Api.CreatedLink link = link("{\"amount\": \"10.00\"}");
        Payer payer = new Payer(port);
        Page submitted = payer.submit(payer.open(link.token()), Card.of("4155650100416111"), null);
        Payer.AutoPost toBank = Payer.autoPost(submitted);
        assertThat(URI.create(toBank.action()).getPath()).isEqualTo("/simulator/payfor/Gateway/Default.aspx");
        assertThat(toBank.fields().get("OkUrl")).isEqualTo(toBank.fields().get("FailUrl"))
                .startsWith(api.baseUrl() + "/pay/" + link.token() + "/3ds/pat_");
        assertThat(toBank.fields().values()).as("the terminal's passwords stay on the server: only the hash travels")
                .doesNotContain(TestData.BANK_KEY, "UcBN0", "12345678");
    }
}
