package com.linkpos.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.Eventually;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.Payer;
import com.linkpos.support.PortalSession;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** [X4] A link whose payer types the amount, between the link's least and most, in the page's language. */
@LinkPosTest
class OpenAmountTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void thePayerTypesAnAmountInTheRangeInHisLanguageAndIsChargedExactlyThat() {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant();
        Api.CreatedLink link = api.newLink(merchant, """
                {"openAmount": {"min": "10.00", "max": "5000.00"}, "usage": "MULTI",
                 "notify": {"email": "bagisci@example.com"}}""");
        JsonNode created = api.get(merchant.key(), "/api/v1/links/" + link.id()).json();
        assertThat(created.path("amount").isNull()).isTrue();
        assertThat(created.path("openAmount").path("min").asString()).isEqualTo("10.00");
        assertThat(created.path("openAmount").path("max").asString()).isEqualTo("5000.00");

        Payer payer = new Payer(port);
        PortalSession.Page page = payer.open(link.token());
        assertThat(page.document().selectFirst("#pay-amount")).as(page.text()).isNotNull();
        assertThat(page.document().selectFirst("#pay-amount").text()).isEqualTo("10,00 TL – 5.000,00 TL");
        assertThat(page.document().selectFirst("#card-form input[name=amount]")).isNotNull();

        // outside the range, unreadable, or missing: the form again with the code, and nothing sent to the bank
        for (String[] typed : new String[][] {{"5.000,01", "amount_out_of_range"}, {"9,99", "amount_out_of_range"},
                {"0,001", "amount_out_of_range"}, {"12.5", "invalid_amount"}, {"", "required"}}) {
            PortalSession.Page refused = payer.submit(payer.open(link.token()), Payer.Card.of("4155650100416111"), null, null,
                    typed[0]);
            assertThat(refused.status()).as(typed[0]).isEqualTo(422);
            assertThat(refused.document().selectFirst("#payment-error").attr("data-code")).as(typed[0]).isEqualTo(typed[1]);
        }
        PortalSession.Page outside = payer.submit(payer.open(link.token()), Payer.Card.of("4155650100416111"), null, null, "6000");
        assertThat(outside.document().selectFirst("#amount-error").text()).contains("10,00 TL", "5.000,00 TL");
        assertThat(outside.document().selectFirst("#card-form input[name=amount]").val()).isEqualTo("6000");
        assertThat(jdbc.sql("SELECT count(*) FROM payment_attempts WHERE link_id = ?").param(link.id())
                .query(Long.class).single()).isZero();

        // Turkish: 1.250,75 — English: 1,250.50; the card is charged what was typed, the bank sees the same
        Payer.Result turkish = new Payer(port).payTyping("/pay/" + link.token(), Payer.Card.of("4155650100416111"), "1.250,75");
        Payer.Result english = new Payer(port).payTyping("/pay/" + link.token() + "?lang=en", Payer.Card.of("5456160000000000"),
                "1,250.50");
        assertThat(turkish.approved()).as(turkish.page().text()).isTrue();
        assertThat(english.approved()).as(english.page().text()).isTrue();
        assertThat(api.get(merchant.key(), "/api/v1/transactions/" + turkish.transactionId()).json().path("amount").asString())
                .isEqualTo("1250.75");
        assertThat(api.get(merchant.key(), "/api/v1/transactions/" + english.transactionId()).json().path("amount").asString())
                .isEqualTo("1250.50");
        assertThat(jdbc.sql("""
                        SELECT sum(a.amount) FROM simulator_transactions a
                        JOIN payment_attempts p ON p.gateway_order_id = a.order_id WHERE p.link_id = ?""")
                .param(link.id()).query(BigDecimal.class).single()).isEqualByComparingTo("2501.25");
        JsonNode paid = api.get(merchant.key(), "/api/v1/links/" + link.id()).json();
        assertThat(paid.path("paymentCount").asInt()).isEqualTo(2);
        assertThat(paid.path("collectedAmount").asString()).isEqualTo("2501.25");

        // the message names the range, not one amount
        Eventually.within(Duration.ofSeconds(20), () -> jdbc.sql("SELECT body FROM notifications WHERE link_id = ? AND kind = 'LINK' AND status = 'SENT'")
                .param(link.id()).query(String.class).optional().filter(body -> body.contains("10,00 TL – 5.000,00 TL")).isPresent(),
                "the link's e-mail, naming the range");

        // once paid, the range is frozen like an amount
        Api.Response changed = api.patch(merchant.key(), "/api/v1/links/" + link.id(),
                "{\"openAmount\": {\"min\": \"20.00\", \"max\": \"5000.00\"}}");
        assertThat(changed.status()).isEqualTo(409);
        assertThat(changed.code()).isEqualTo("link_frozen_after_payment");
    }

    @Test
    void anOpenAmountIsARangeInTryForOnePaymentInsteadOfAnAmount() {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant(java.util.List.of("USD"), 6);
        assertThat(api.post(merchant.key(), "/api/v1/links",
                "{\"amount\": \"10.00\", \"openAmount\": {\"min\": \"10.00\", \"max\": \"20.00\"}}").fieldErrors())
                .containsExactly("openAmount:open_amount_with_amount");
        assertThat(api.post(merchant.key(), "/api/v1/links",
                "{\"currency\": \"USD\", \"openAmount\": {\"min\": \"10.00\", \"max\": \"20.00\"}}").fieldErrors())
                .containsExactly("currency:open_amount_only_try");
        assertThat(api.post(merchant.key(), "/api/v1/links", "{\"openAmount\": {\"min\": \"30.00\", \"max\": \"20.00\"}}")
                .fieldErrors()).containsExactly("openAmount.max:invalid_open_amount");
        assertThat(api.post(merchant.key(), "/api/v1/links",
                "{\"installments\": 3, \"openAmount\": {\"min\": \"10.00\", \"max\": \"20.00\"}}").fieldErrors())
                .containsExactly("installments:open_amount_single_payment");

        // turned into a link of one amount by a merge patch that removes the range
        Api.CreatedLink link = api.newLink(merchant, Map.of("openAmount", Map.of("min", "10.00", "max", "20.00")));
        JsonNode fixed = api.patch(merchant.key(), "/api/v1/links/" + link.id(), "{\"openAmount\": null, \"amount\": \"15.00\"}")
                .json();
        assertThat(fixed.path("amount").asString()).isEqualTo("15.00");
        assertThat(fixed.path("openAmount").isNull()).isTrue();
        assertThat(new Payer(port).open(link.token()).document().selectFirst("#card-form input[name=amount]")).isNull();
    }
}
