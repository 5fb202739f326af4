package com.linkpos.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.Payer;
import com.linkpos.support.Payer.Card;
import com.linkpos.support.PortalSession.Page;
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
 * [T1][T2] A fixed count or the payer's choice, the vade farkı borne by the merchant or by the payer, through
 * PayFor and through EST: what the payment page shows, what the bank's gateway received (the simulator's
 * books), what the ledger keeps and what the receipt says.
 */
@LinkPosTest
class InstallmentChoiceTest {

    /** The bank's vade farkı: 2.80 % for 3 installments, 5.00 % for 6 (and 4, 5 by the nearest smaller count). */
    private static final String RATES = """
            {"installmentRates": {"3": "2.80", "6": "5.00"}, "commissionRates": {"1": "1.79", "3": "2.99"}}""";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    /** A merchant on the gateway, with the bank's rates, and the card that may pay in installments there. */
    private record Merchant(Api.Merchant account, String card) {
    }

    private Merchant merchantOn(String gateway) {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant(List.of(), 12);
        assertThat(api.patch(TestData.BANK_KEY, "/api/v1/admin/merchants/" + merchant.id(), RATES).status()).isEqualTo(200);
        if (gateway.equals("EST")) {
            api.putOnEst(merchant);
            return new Merchant(merchant, "5555555555554444"); // an İşbank Maximum card: installments at İşbank's EST
        }
        return new Merchant(merchant, "4155650100416111"); // a QNB card: installments at QNB's PayFor
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PAYFOR", "EST"})
    void aFixedCountWithTheVadeFarkıBorneByTheMerchantOrByThePayer(String gateway) {
        Merchant merchant = merchantOn(gateway);
        Api api = new Api(port);

        Api.CreatedLink merchantBears = api.newLink(merchant.account(), Map.of("amount", "1000.00", "installments", 3));
        Payer payer = new Payer(port);
        assertThat(payer.open(merchantBears.token()).document().select("#pay-total")).isEmpty();
        Payer.Result merchantBorne = payer.pay(merchantBears.token(), Card.of(merchant.card()));
        JsonNode sale = paid(merchant, merchantBorne);
        assertThat(merchantBorne.page().document().selectFirst("#receipt-installments").text())
                .isEqualTo("3 taksit (3 × 333,33 TL)");
        assertThat(merchantBorne.page().document().select("#receipt-installment-cost")).isEmpty();
        assertThat(List.of(sale.path("amount").asString(), sale.path("baseAmount").asString(),
                sale.path("installmentCost").asString(), sale.path("installments").asString()))
                .containsExactly("1000.00", "1000.00", "0.00", "3");
        assertThat(atTheBank(sale)).isEqualTo("1000.00 × 3");

        Api.CreatedLink payerBears = api.newLink(merchant.account(), Map.of("amount", "1000.00", "installments", 3,
                "installmentCostBorneBy", "PAYER"));
        assertThat(api.get(merchant.account().key(), "/api/v1/links/" + payerBears.id()).json()
                .path("installmentCostBorneBy").asString()).isEqualTo("PAYER");
        Page page = payer.open(payerBears.token());
        // shown before paying: 2.80 % of 1.000,00 is 28,00; 1.028,00 in all, 3 × 342,66 (the first 342,68)
        assertThat(page.document().selectFirst("#pay-installment-cost").text()).isEqualTo("28,00 TL");
        assertThat(page.document().selectFirst("#pay-total").text()).isEqualTo("1.028,00 TL");
        assertThat(page.document().selectFirst("#pay-installments").text()).isEqualTo("3 taksit (3 × 342,66 TL)");
        assertThat(page.document().selectFirst("#pay-submit").text()).contains("1.028,00 TL");
        Payer.Result result = payer.pay(payerBears.token(), Card.of(merchant.card()));
        sale = paid(merchant, result);
        assertThat(List.of(sale.path("amount").asString(), sale.path("baseAmount").asString(),
                sale.path("installmentCost").asString())).containsExactly("1028.00", "1000.00", "28.00");
        assertThat(atTheBank(sale)).as("the gateway charged exactly what the page showed").isEqualTo("1028.00 × 3");
        assertThat(sale.path("settlement").path("commission").asString()).as("2.99 % of what was charged").isEqualTo("30.74");
        assertThat(result.page().document().selectFirst("#receipt-amount").text()).isEqualTo("1.028,00 TL");
        assertThat(result.page().document().selectFirst("#receipt-installment-cost").text()).isEqualTo("28,00 TL");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PAYFOR", "EST"})
    void thePayerChoosesAmongTheCountsTheCardMayUse(String gateway) {
        Merchant merchant = merchantOn(gateway);
        Api api = new Api(port);
        Api.CreatedLink link = api.newLink(merchant.account(), Map.of("amount", "1000.00", "installments", 6,
                "payerChoosesInstallments", true, "installmentCostBorneBy", "PAYER", "usage", "MULTI"));
        Payer payer = new Payer(port);

        // before a card is known no count is offered; the first submit (no script) shows the card's offers and asks
        Page page = payer.open(link.token());
        assertThat(page.document().select("#installment-offers input[name=installments]")).isEmpty();
        assertThat(page.document().selectFirst("#offers-hint")).isNotNull();
        Page asked = payer.submit(page, Card.of(merchant.card()), null);
        assertThat(asked.status()).isEqualTo(422);
        assertThat(asked.document().selectFirst("#installments-error")).isNotNull();
        assertThat(asked.document().selectFirst("#payment-error").attr("data-code")).isEqualTo("choose_installments");
        assertThat(asked.document().select("#installment-offers input[name=installments]").eachAttr("value"))
                .containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(asked.document().selectFirst("#installment-offers [data-count=6]").text())
                .as("6 × 175,00 = 1.050,00 with 5 % vade farkı").contains("6 × 175,00 TL = 1.050,00 TL", "50,00 TL");
        assertThat(asked.document().selectFirst("#installment-offers [data-count=1]").text()).contains("Peşin: 1.000,00 TL");

        // the script's way: the offers of a BIN as it is typed
        Page offers = payer.browser().get("/pay/" + link.token() + "/installments?bin=" + merchant.card().substring(0, 6));
        assertThat(offers.document().select("input[name=installments]").eachAttr("value")).hasSize(6);

        Payer.Result six = payer.pay(link.token(), Card.of(merchant.card()), 6);
        JsonNode sale = paid(merchant, six);
        assertThat(List.of(sale.path("amount").asString(), sale.path("baseAmount").asString(),
                sale.path("installmentCost").asString(), sale.path("installments").asString()))
                .containsExactly("1050.00", "1000.00", "50.00", "6");
        assertThat(atTheBank(sale)).isEqualTo("1050.00 × 6");
        assertThat(six.page().document().selectFirst("#receipt-installments").text()).isEqualTo("6 taksit (6 × 175,00 TL)");

        JsonNode once = paid(merchant, payer.pay(link.token(), Card.of(merchant.card()), 1));
        assertThat(List.of(once.path("amount").asString(), once.path("installmentCost").asString(),
                once.path("installments").asString())).containsExactly("1000.00", "0.00", "1");

        // the merchant bearing the vade farkı: the payer's choice charges the link's amount, whatever the count
        Api.CreatedLink merchantBears = api.newLink(merchant.account(), Map.of("amount", "1000.00", "installments", 6,
                "payerChoosesInstallments", true));
        assertThat(payer.submit(payer.open(merchantBears.token()), Card.of(merchant.card()), null).document()
                .selectFirst("#installment-offers [data-count=3]").text()).contains("3 × 333,33 TL = 1.000,00 TL");
        Payer.Result chosenThree = payer.pay(merchantBears.token(), Card.of(merchant.card()), 3);
        JsonNode three = paid(merchant, chosenThree);
        assertThat(chosenThree.page().document().selectFirst("#receipt-amount").text()).isEqualTo("1.000,00 TL");
        assertThat(List.of(three.path("amount").asString(), three.path("installmentCost").asString(),
                three.path("installments").asString())).containsExactly("1000.00", "0.00", "3");
        assertThat(atTheBank(three)).isEqualTo("1000.00 × 3");

        // a card without installment programs here: only «Peşin»; a count not offered is refused before the bank
        Page foreign = payer.submit(payer.open(link.token()), Card.of("4111111111111111"), null);
        assertThat(foreign.document().select("#installment-offers input[name=installments]").eachAttr("value"))
                .containsExactly("1");
        Page refused = payer.submit(payer.open(link.token()), Card.of("4111111111111111"), null, 6);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text()).contains("Bu taksit sayısı bu kart için sunulmuyor");
        assertThat(refused.document().selectFirst("#payment-error").attr("data-code")).isEqualTo("installments_not_offered");
    }

    private JsonNode paid(Merchant merchant, Payer.Result result) {
        assertThat(result.approved()).as(result.page().text()).isTrue();
        return new Api(port).get(merchant.account().key(), "/api/v1/transactions/" + result.transactionId()).json();
    }

    /** What the simulated bank's books say it charged: "amount × installments". */
    private String atTheBank(JsonNode sale) {
        Map<String, Object> row = jdbc.sql("""
                        SELECT s.amount, s.installments FROM simulator_transactions s
                        JOIN payment_attempts p ON p.gateway_order_id = s.order_id
                        JOIN transactions t ON t.attempt_id = p.id
                        WHERE t.id = ? AND s.approved AND s.txn_type = 'Auth'""")
                .param(sale.path("id").asString()).query().singleRow();
        return ((BigDecimal) row.get("amount")).toPlainString() + " × " + row.get("installments");
    }
}
