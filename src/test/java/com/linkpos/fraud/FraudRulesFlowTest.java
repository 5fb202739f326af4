package com.linkpos.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.Api.Merchant;
import com.linkpos.support.Api.Response;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.Payer;
import com.linkpos.support.Payer.Card;
import com.linkpos.support.PortalSession;
import com.linkpos.support.PortalSession.Page;
import com.linkpos.support.TestData;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * [S4] Each fraud rule, set through the bank's API or pages, refuses a card before 3-D Secure with
 * {@code card_blocked}, and records the refusal as a declined attempt the merchant finds in İşlem Arama,
 * leaving the link, its counters and the money totals as they were.
 */
@LinkPosTest
class FraudRulesFlowTest {

    private static final String APPROVED = "4155650100416111";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;
    Api api;
    Merchant merchant;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        merchant = api.newMerchant(List.of("USD"), 12);
    }

    @AfterEach
    void noBankWideRulesLeftForOtherTests() {
        api.send(TestData.BANK_KEY, "PUT", "/api/v1/admin/fraud-rules", "{}");
    }

    private Response setRules(String rulesJson) {
        Response patched = api.patch(TestData.BANK_KEY, "/api/v1/admin/merchants/" + merchant.id(),
                "{\"fraudRules\": " + rulesJson + "}");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        return patched;
    }

    private Api.CreatedLink link() {
        return api.newLink(merchant, "{\"amount\": \"120.00\"}");
    }

    /** The card form's answer to this card: the form again when refused, else on its way to 3-D Secure. */
    private Page submit(Payer payer, Api.CreatedLink link, String number) {
        return payer.submit(payer.open(link.token()), Card.of(number), null);
    }

    private static void assertBlocked(Page page) {
        assertThat(page.status()).as(page.text()).isEqualTo(422);
        assertThat(page.document().selectFirst("#payment-error").attr("data-code")).isEqualTo("card_blocked");
        assertThat(page.document().selectFirst("#card-form")).isNotNull();
    }

    private double refusals(String rule) {
        var counter = meters.find("linkpos.fraud.refusals").tag("rule", rule).counter();
        return counter == null ? 0 : counter.count();
    }

    private long count(String sql, Object... params) {
        var statement = jdbc.sql(sql);
        for (Object param : params) {
            statement = statement.param(param);
        }
        return statement.query(Long.class).single();
    }

    @Test
    void aBlockedBinIsRefusedBeforeThreeDSecureRecordedAndLeavesTheLinkAsItWas() {
        setRules("{\"blockedBins\": [\"415565\"]}");
        Api.CreatedLink link = link();
        double before = refusals("blocked_bin");

        Page refused = submit(new Payer(port), link, APPROVED);

        assertBlocked(refused);
        assertThat(refused.document().selectFirst("#card-form").text())
                .contains("Bu kartla ödeme yapılamıyor. Lütfen başka bir kart deneyin");
        assertThat(refusals("blocked_bin")).isEqualTo(before + 1);
        // nothing reached the bank: no 3-D Secure request, no authorization
        assertThat(count("""
                SELECT count(*) FROM simulator_3ds_requests s JOIN payment_attempts p ON p.gateway_order_id = s.order_id
                WHERE p.link_id = ?""", link.id())).isZero();
        // recorded: a declined sale with the code and the rule, never money
        JsonNode sales = api.get(merchant.key(), "/api/v1/transactions?linkId=" + link.id()).json().path("data");
        assertThat(sales.size()).isEqualTo(1);
        JsonNode sale = sales.get(0);
        assertThat(sale.path("status").asString()).isEqualTo("DECLINED");
        assertThat(sale.path("type").asString()).isEqualTo("SALE");
        assertThat(sale.path("responseCode").asString()).isEqualTo("card_blocked");
        assertThat(sale.path("responseMessage").asString()).contains("blocked_bin");
        Map<String, Object> row = jdbc.sql("SELECT * FROM transactions WHERE link_id = ?").param(link.id()).query().singleRow();
        assertThat(row.get("batch_number")).isNull();
        assertThat(row.get("auth_code")).isNull();
        assertThat(row.get("net_minor")).isNull();
        assertThat(row.get("card_bin")).isEqualTo("415565");
        // the link: still unpaid, its counters untouched, so the payer may pay with another card
        JsonNode after = api.get(merchant.key(), "/api/v1/links/" + link.id()).json();
        assertThat(after.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(after.path("paymentCount").asInt()).isZero();
        assertThat(after.path("collectedAmount").asString()).isEqualTo("0.00");
        assertThat(new Payer(port).pay(link.token(), Card.of("5456160000000000")).approved()).isTrue();
        // İşlem Arama on the portal shows the refused attempt beside the payment
        PortalSession portal = PortalSession.loggedIn(port, merchant);
        assertThat(portal.get("/reports/transactions").document().select("tbody tr").eachText())
                .anySatisfy(line -> assertThat(line).contains("415565******6111"));
    }

    @Test
    void aBlockedCountryAndABlockedProgramAreRefused() {
        setRules("{\"blockedCountries\": [\"US\"], \"blockedPrograms\": [\"HSBC Advantage\"]}");
        Api.CreatedLink link = api.newLink(merchant, "{\"amount\": \"10.00\", \"usage\": \"MULTI\"}");
        double country = refusals("blocked_country");
        double program = refusals("blocked_program");

        assertBlocked(submit(new Payer(port), link, "4111111111111111"));
        assertBlocked(submit(new Payer(port), link, "5504720000000003"));

        assertThat(refusals("blocked_country")).isEqualTo(country + 1);
        assertThat(refusals("blocked_program")).isEqualTo(program + 1);
        assertThat(jdbc.sql("SELECT response_message FROM transactions WHERE link_id = ? ORDER BY id").param(link.id())
                .query(String.class).list()).containsExactly("Refused by the fraud rule blocked_country",
                "Refused by the fraud rule blocked_program");
        assertThat(new Payer(port).pay(link.token(), Card.of(APPROVED)).approved()).isTrue();
    }

    @Test
    void aCardPastItsLimitIsRefusedAndStaysRefused() {
        setRules("{\"maxAttemptsPerCardPerHour\": 2}");
        Api.CreatedLink link = api.newLink(merchant, "{\"amount\": \"10.00\", \"usage\": \"MULTI\"}");

        // two attempts go to 3-D Secure (left unanswered, as a card tester leaves them)
        for (int i = 0; i < 2; i++) {
            Page toBank = submit(new Payer(port), link, "5456160000000000");
            assertThat(toBank.document().selectFirst("#payment-error")).as(toBank.text()).isNull();
        }
        // the third, and every one after it in the hour: refused, each recorded
        assertBlocked(submit(new Payer(port), link, "5456 1600 0000 0000"));
        assertBlocked(submit(new Payer(port), link, "5456160000000000"));
        assertThat(count("SELECT count(*) FROM transactions WHERE link_id = ? AND response_code = 'card_blocked'", link.id()))
                .isEqualTo(2);
        // another card is another card
        assertThat(new Payer(port).pay(link.token(), Card.of(APPROVED)).approved()).isTrue();
        // the card is counted by its keyed fingerprint, never by its number
        assertThat(jdbc.sql("SELECT DISTINCT card_fingerprint FROM payment_attempts WHERE link_id = ?").param(link.id())
                .query(String.class).list()).hasSize(2).allSatisfy(fingerprint -> assertThat(fingerprint)
                .matches("[0-9a-f]{64}").doesNotContain("5456160000000000").doesNotContain(APPROVED));
    }

    @Test
    void aDoubleSubmitOfOneFormIsOneAttempt() {
        setRules("{\"maxAttemptsPerCardPerHour\": 1}");
        Api.CreatedLink link = link();
        Payer payer = new Payer(port);
        Page form = payer.open(link.token());
        assertThat(payer.submit(form, Card.of(APPROVED), null).document().selectFirst("#payment-error")).isNull();
        assertThat(payer.submit(form, Card.of(APPROVED), null).document().selectFirst("#payment-error")).isNull();
        assertBlocked(submit(new Payer(port), link, APPROVED));
    }

    @Test
    void anAddressAndALinkPastTheirLimitsAreRefused() {
        setRules("{\"maxAttemptsPerAddressPerHour\": 2}");
        Api.CreatedLink first = api.newLink(merchant, "{\"amount\": \"10.00\", \"usage\": \"MULTI\"}");
        Api.CreatedLink second = api.newLink(merchant, "{\"amount\": \"10.00\", \"usage\": \"MULTI\"}");
        submit(new Payer(port), first, APPROVED);
        submit(new Payer(port), second, "5456160000000000");
        // a third card from the same address, at either link
        assertBlocked(submit(new Payer(port), second, "9792030000000000"));
        assertThat(jdbc.sql("SELECT response_message FROM transactions WHERE link_id = ?").param(second.id())
                .query(String.class).single()).contains("address_velocity");

        setRules("{\"maxAttemptsPerAddressPerHour\": null, \"maxAttemptsPerLinkPerHour\": 1}");
        Api.CreatedLink third = api.newLink(merchant, "{\"amount\": \"10.00\", \"usage\": \"MULTI\"}");
        submit(new Payer(port), third, APPROVED);
        assertBlocked(submit(new Payer(port), third, "5456160000000000"));
        assertThat(jdbc.sql("SELECT response_message FROM transactions WHERE link_id = ?").param(third.id())
                .query(String.class).single()).contains("link_velocity");
    }

    @Test
    void theRefusalSpeaksThePayersLanguage() {
        setRules("{\"blockedBins\": [\"41556501\"]}");
        Api.CreatedLink link = link();
        Payer payer = new Payer(port);
        Page english = payer.submit(payer.browser().get("/pay/" + link.token() + "?lang=en"), Card.of(APPROVED), null);
        assertBlocked(english);
        assertThat(english.document().selectFirst("#card-form").text()).contains("This card cannot be used for this payment.");
    }

    @Test
    void theMerchantShowsItsRulesAndBadRulesAreRefusedNamingTheEntryWithNothingChanged() {
        JsonNode set = setRules("{\"blockedBins\": [\"400000\"], \"blockedCountries\": [\"RU\"], "
                + "\"maxAttemptsPerCardPerHour\": 5}").json().path("fraudRules");
        assertThat(set.path("blockedBins").get(0).asString()).isEqualTo("400000");
        assertThat(set.path("maxAttemptsPerCardPerHour").asInt()).isEqualTo(5);
        assertThat(set.path("maxAttemptsPerLinkPerHour").isNull()).isTrue();

        Response refused = api.patch(TestData.BANK_KEY, "/api/v1/admin/merchants/" + merchant.id(), """
                {"name": "Renamed", "fraudRules": {"blockedBins": ["4000"], "blockedCountries": ["RUS"],
                 "maxAttemptsPerCardPerHour": 0}}""");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("validation_failed");
        assertThat(refused.fieldErrors()).containsExactlyInAnyOrder("fraudRules.blockedBins.0:bin_invalid",
                "fraudRules.blockedCountries.0:country_invalid",
                "fraudRules.maxAttemptsPerCardPerHour:attempt_limit_out_of_range");
        JsonNode after = api.get(TestData.BANK_KEY, "/api/v1/admin/merchants/" + merchant.id()).json();
        assertThat(after.path("name").asString()).isNotEqualTo("Renamed");
        assertThat(after.path("fraudRules")).isEqualTo(set);
        // a merchant's own key may not set rules
        assertThat(api.patch(merchant.key(), "/api/v1/admin/merchants/" + merchant.id(), "{\"fraudRules\": {}}").status())
                .isEqualTo(403);
        // the change is in the audit log, the rules that changed only
        Map<String, Object> event = jdbc.sql("""
                SELECT actor_type, object_id, changes::text AS changes FROM audit_events
                WHERE merchant_id = ? AND action = 'merchant.updated' ORDER BY id DESC LIMIT 1""")
                .param(merchant.id()).query().singleRow();
        assertThat(event).containsEntry("actor_type", "BANK").containsEntry("object_id", merchant.id());
        assertThat((String) event.get("changes")).contains("fraudRules.blockedBins", "400000", "fraudRules.blockedCountries",
                "fraudRules.maxAttemptsPerCardPerHour").doesNotContain("maxAttemptsPerLinkPerHour");
    }

    @Test
    void theBanksOwnRulesApplyAtEveryMerchant() {
        Response refused = api.send(TestData.BANK_KEY, "PUT", "/api/v1/admin/fraud-rules",
                "{\"blockedBins\": [\"97920300\", \"12\"], \"maxAttemptsPerLinkPerHour\": \"x\"}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.fieldErrors()).containsExactlyInAnyOrder("blockedBins.1:bin_invalid",
                "maxAttemptsPerLinkPerHour:attempt_limit_out_of_range");
        assertThat(api.get(TestData.BANK_KEY, "/api/v1/admin/fraud-rules").json().path("blockedBins").size()).isZero();
        assertThat(api.send(merchant.key(), "PUT", "/api/v1/admin/fraud-rules", "{}").status()).isEqualTo(403);
        assertThat(api.get(merchant.key(), "/api/v1/admin/fraud-rules").status()).isEqualTo(403);

        Response set = api.send(TestData.BANK_KEY, "PUT", "/api/v1/admin/fraud-rules", "{\"blockedBins\": [\"97920300\"]}");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(api.get(TestData.BANK_KEY, "/api/v1/admin/fraud-rules").json().path("blockedBins").get(0).asString())
                .isEqualTo("97920300");
        assertBlocked(submit(new Payer(port), link(), "9792030000000000"));
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_events WHERE action = 'fraud_rules.updated' AND merchant_id IS NULL
                AND object_id IS NULL AND changes::text LIKE '%97920300%'""").query(Long.class).single()).isPositive();
    }

    @Test
    void theBankSetsRulesOnItsPages() {
        PortalSession bank = PortalSession.loggedIn(port, "bank", TestData.BANK_PASSWORD);
        Page page = bank.get("/bank/merchants/" + merchant.id());
        assertThat(page.document().selectFirst("#fraud-rules-form")).isNotNull();
        Page saved = bank.post("/bank/merchants/" + merchant.id() + "/fraud-rules", Map.of("blockedBins", "415565, 54561600",
                "blockedCountries", "ru", "blockedPrograms", "", "maxAttemptsPerCardPerHour", "5",
                "maxAttemptsPerAddressPerHour", "", "maxAttemptsPerLinkPerHour", ""));
        assertThat(saved.status()).as(saved.text()).isEqualTo(302);
        JsonNode rules = api.get(TestData.BANK_KEY, "/api/v1/admin/merchants/" + merchant.id()).json().path("fraudRules");
        assertThat(rules.path("blockedBins").valueStream().map(JsonNode::asString)).containsExactly("415565", "54561600");
        assertThat(rules.path("blockedCountries").get(0).asString()).isEqualTo("RU");
        Page shown = bank.get("/bank/merchants/" + merchant.id());
        assertThat(shown.document().selectFirst("#fraud-rules-blockedBins").val()).isEqualTo("415565, 54561600");
        assertThat(shown.document().selectFirst("#fraud-rules-maxAttemptsPerCardPerHour").val()).as("a limit saved shows too")
                .isEqualTo("5");

        Page wrong = bank.post("/bank/merchants/" + merchant.id() + "/fraud-rules", Map.of("blockedBins", "4155"));
        assertThat(wrong.document().selectFirst("#fraud-rules-errors [data-field=blockedBins.0]").attr("data-code"))
                .isEqualTo("bin_invalid");

        Page bankWide = bank.get("/bank/fraud-rules");
        assertThat(bankWide.document().selectFirst("#bank-fraud-rules-form")).isNotNull();
        Page savedBankWide = bank.post("/bank/fraud-rules", Map.of("blockedCountries", "KP"));
        assertThat(savedBankWide.status()).as(savedBankWide.text()).isEqualTo(302);
        assertThat(api.get(TestData.BANK_KEY, "/api/v1/admin/fraud-rules").json().path("blockedCountries").get(0).asString())
                .isEqualTo("KP");
        assertThat(bank.get("/bank/fraud-rules").document().selectFirst("#fraud-saved")).isNotNull();
        // a merchant's user may not open the bank's page
        assertThat(PortalSession.loggedIn(port, merchant).get("/bank/fraud-rules").status()).isEqualTo(403);
    }
}
