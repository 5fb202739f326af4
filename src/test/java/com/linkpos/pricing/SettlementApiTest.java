package com.linkpos.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.Payer;
import com.linkpos.support.TestData;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * [T2][T3] The bank sets a merchant's rates through the admin API; every approved sale carries what the
 * rates of its moment made of it (commission, BSMV, net, value date), refunds are taken back on their day.
 */
@LinkPosTest
class SettlementApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Istanbul"));

    @LocalServerPort
    int port;

    @Test
    void theBankSetsTheRatesAndEverySaleCarriesWhatTheyMadeOfIt() {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant(List.of(), 12);
        Api.Response set = api.patch(TestData.BANK_KEY, "/api/v1/admin/merchants/" + merchant.id(), """
                {"installmentRates": {"2": "1.90", "3": "2.80"},
                 "commissionRates": {"1": "1.79", "3": 2.99, "foreign": "3.50"},
                 "valueDays": {"1": 1, "3": 30}}""");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        JsonNode merchantJson = api.get(TestData.BANK_KEY, "/api/v1/admin/merchants/" + merchant.id()).json();
        assertThat(merchantJson.path("installmentRates").toString()).isEqualTo("{\"2\":\"1.90\",\"3\":\"2.80\"}");
        assertThat(merchantJson.path("commissionRates").toString()).isEqualTo("{\"1\":\"1.79\",\"3\":\"2.99\",\"foreign\":\"3.50\"}");
        assertThat(merchantJson.path("valueDays").toString()).isEqualTo("{\"1\":1,\"3\":30}");

        // 3 installments, the merchant bears the vade farkı: 2.99 % of 1.028,00 = 30,74; BSMV 1,54; net 995,72; 30 days
        JsonNode sale = sale(api, merchant, "1028.00", 3, "4155650100416111");
        assertThat(sale.path("amount").asString()).isEqualTo("1028.00");
        assertThat(sale.path("baseAmount").asString()).isEqualTo("1028.00");
        assertThat(sale.path("installmentCost").asString()).isEqualTo("0.00");
        assertThat(settlement(sale)).containsExactly("30.74", "1.54", "995.72", TODAY.plusDays(30).toString());

        // two installments take the rates of one (the nearest smaller count set); a card issued abroad its own
        assertThat(settlement(sale(api, merchant, "100.00", 2, "4155650100416111")))
                .containsExactly("1.79", "0.09", "98.12", TODAY.plusDays(1).toString());
        assertThat(settlement(sale(api, merchant, "100.00", 1, "4111111111111111")))
                .containsExactly("3.50", "0.18", "96.32", TODAY.plusDays(1).toString());

        // new rates count from the moment they are saved: the sale made keeps its settlement
        assertThat(api.patch(TestData.BANK_KEY, "/api/v1/admin/merchants/" + merchant.id(),
                "{\"commissionRates\": {\"1\": \"2.00\"}}").status()).isEqualTo(200);
        assertThat(settlement(api.get(merchant.key(), "/api/v1/transactions/" + sale.path("id").asString()).json()))
                .containsExactly("30.74", "1.54", "995.72", TODAY.plusDays(30).toString());
        assertThat(settlement(sale(api, merchant, "100.00", 3, "4155650100416111")))
                .as("3.50 for foreign cards went with the map it was in").containsExactly("2.00", "0.10", "97.90",
                        TODAY.plusDays(30).toString());
        assertThat(api.get(TestData.BANK_KEY, "/api/v1/admin/merchants/" + merchant.id()).json().path("valueDays").toString())
                .as("a map left out is kept").isEqualTo("{\"1\":1,\"3\":30}");

        // a refund after the end of day: no commission, taken back today
        api.post(TestData.BANK_KEY, "/api/v1/admin/batches/close", null);
        Api.Response refund = api.post(merchant.key(), "/api/v1/transactions/" + sale.path("id").asString() + "/refunds",
                "{\"amount\": \"100.00\"}");
        assertThat(refund.status()).as(refund.body()).isEqualTo(201);
        assertThat(settlement(refund.json())).containsExactly("0.00", "0.00", "100.00", TODAY.toString());
        assertThat(refund.json().path("installmentCost").asString()).isEqualTo("0.00");
    }

    @Test
    void badRatesAreRefusedByNameAndChangeNothing() {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant(List.of(), 12);
        String path = "/api/v1/admin/merchants/" + merchant.id();
        assertThat(api.patch(TestData.BANK_KEY, path, "{\"commissionRates\": {\"1\": \"1.79\"}}").status()).isEqualTo(200);

        Map<String, String> refused = Map.of(
                "{\"installmentRates\": {\"13\": \"1.00\"}}", "installmentRates.13:invalid_installment_count",
                "{\"installmentRates\": {\"foreign\": \"1.00\"}}", "installmentRates.foreign:invalid_installment_count",
                "{\"installmentRates\": {\"2\": \"abc\"}}", "installmentRates.2:invalid_rate",
                "{\"installmentRates\": {\"2\": \"-1\"}}", "installmentRates.2:invalid_rate",
                "{\"installmentRates\": {\"2\": \"1.905\"}}", "installmentRates.2:invalid_rate",
                "{\"commissionRates\": {\"1\": \"60\"}}", "commissionRates.1:invalid_rate",
                "{\"valueDays\": {\"1\": 400}}", "valueDays.1:invalid_value_days",
                "{\"valueDays\": {\"0\": 1}}", "valueDays.0:invalid_installment_count",
                "{\"commissionRates\": {\"1\": \"2.00\"}, \"valueDays\": {\"1\": -1}}", "valueDays.1:invalid_value_days");
        refused.forEach((body, error) -> {
            Api.Response answer = api.patch(TestData.BANK_KEY, path, body);
            assertThat(answer.status()).as(body).isEqualTo(422);
            assertThat(answer.fieldErrors()).as(body).containsExactly(error);
            assertThat(answer.json().path("errors").get(0).path("message").asString()).as(body).isNotBlank();
        });
        assertThat(api.get(TestData.BANK_KEY, path).json().path("commissionRates").toString()).isEqualTo("{\"1\":\"1.79\"}");
    }

    /** An approved sale of a new link of {@code amount} in {@code installments}, as the API tells it. */
    private JsonNode sale(Api api, Api.Merchant merchant, String amount, int installments, String card) {
        Api.CreatedLink link = api.newLink(merchant, Map.of("amount", amount, "installments", installments));
        String id = new Payer(port).pay(link.token(), card, null, true);
        return api.get(merchant.key(), "/api/v1/transactions/" + id).json();
    }

    private static List<String> settlement(JsonNode transaction) {
        JsonNode s = transaction.path("settlement");
        return List.of(s.path("commission").asString(), s.path("commissionTax").asString(), s.path("net").asString(),
                s.path("valueDate").asString());
    }
}
