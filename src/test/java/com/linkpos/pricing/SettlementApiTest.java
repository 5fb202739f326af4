package com.linkpos.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.Payer;
import com.linkpos.support.PortalSession;
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
                "{\"installmentRates\": {\"1\": \"1.00\"}}", "installmentRates.1:invalid_installment_count",
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

    @Test
    void hesapÖzetiReconcilesWithTheLedgerForTheMerchantAndTheBank() {
        Api api = new Api(port);
        String name = "Hesap Özeti Ticaret " + TestData.unique("");
        Api.Merchant merchant = api.newMerchant(name, List.of(), 12);
        assertThat(api.patch(TestData.BANK_KEY, "/api/v1/admin/merchants/" + merchant.id(),
                "{\"commissionRates\": {\"1\": \"2.00\"}, \"valueDays\": {\"1\": 1}}").status()).isEqualTo(200);
        String voided = sale(api, merchant, "100.00", 1, "4155650100416111").path("id").asString();
        String refunded = sale(api, merchant, "100.00", 1, "4155650100416111").path("id").asString();
        sale(api, merchant, "100.00", 1, "5456160000000000");
        assertThat(api.post(merchant.key(), "/api/v1/transactions/" + voided + "/void", null).status()).isEqualTo(201);
        api.post(TestData.BANK_KEY, "/api/v1/admin/batches/close", null);
        assertThat(api.post(merchant.key(), "/api/v1/transactions/" + refunded + "/refunds", "{\"amount\": \"30.00\"}")
                .status()).isEqualTo(201);

        String range = "?from=" + TODAY + "&to=" + TODAY.plusDays(1);
        List<String> days = api.get(merchant.key(), "/api/v1/settlements" + range).json().path("data").valueStream()
                .map(SettlementApiTest::day).toList();
        // the refund taken back today; two sales (the voided one no longer counts) credited tomorrow less 2 % and BSMV
        assertThat(days).containsExactly(
                TODAY + " TRY 1 sales 0.00 refunds 30.00 commission 0.00 tax 0.00 net -30.00",
                TODAY.plusDays(1) + " TRY 2 sales 200.00 refunds 0.00 commission 4.00 tax 0.20 net 195.80");
        // the same as the ledger's transactions say, one by one
        long ledgerNet = api.get(merchant.key(), "/api/v1/transactions?limit=500&from=" + TODAY).json().path("data")
                .valueStream().filter(t -> !t.path("settlement").isNull() && !t.path("voided").asBoolean())
                .mapToLong(t -> (t.path("type").asString().equals("REFUND") ? -1 : 1)
                        * Math.round(Double.parseDouble(t.path("settlement").path("net").asString()) * 100)).sum();
        assertThat(ledgerNet).isEqualTo(195_80 - 30_00);

        // the bank sees every merchant's, this one's the same
        List<String> bank = api.get(TestData.BANK_KEY, "/api/v1/admin/settlements" + range).json().path("data").valueStream()
                .filter(d -> d.path("merchantId").asString().equals(merchant.id())).map(SettlementApiTest::day).toList();
        assertThat(bank).isEqualTo(days);
        assertThat(api.get(merchant.key(), "/api/v1/admin/settlements").status()).isEqualTo(403);
        assertThat(api.get(TestData.BANK_KEY, "/api/v1/settlements").status()).isEqualTo(403);

        // refused ranges
        Api.Response backwards = api.get(merchant.key(), "/api/v1/settlements?from=2026-12-10&to=2026-12-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.fieldErrors()).containsExactly("to:invalid_date_range");
        assertThat(api.get(merchant.key(), "/api/v1/settlements?from=2026-01-01&to=2027-12-31").fieldErrors())
                .containsExactly("to:date_range_too_long");
        assertThat(api.get(merchant.key(), "/api/v1/settlements?from=yesterday").fieldErrors()).containsExactly("from:invalid_date");

        // the pages: the merchant's under Raporlar, the bank's by merchant name; and the export
        String typed = "?from=" + TODAY.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"))
                + "&to=" + TODAY.plusDays(1).format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
        PortalSession.Page page = PortalSession.loggedIn(port, merchant).get("/reports/settlements" + typed);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select("#settlements-table tbody tr[data-value-date] [data-col=net]").eachText())
                .containsExactly("-30,00 TL", "195,80 TL");
        assertThat(page.document().selectFirst("#settlements-table tfoot [data-col=net]").text()).isEqualTo("165,80 TL");
        PortalSession.Page bankPage = PortalSession.loggedIn(port, "bank", TestData.BANK_PASSWORD).get("/bank/settlements" + typed);
        assertThat(bankPage.document().select("#settlements-table tr[data-merchant-id=" + merchant.id() + "]").eachText())
                .hasSize(2).allMatch(row -> row.contains(name));
        String csv = new String(PortalSession.loggedIn(port, merchant).download("/reports/settlements/export" + typed
                + "&format=csv").body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).contains(TODAY.plusDays(1) + "," + merchant.id() + ",TRY,2,200.00,0.00,4.00,0.20,195.80");
    }

    private static String day(JsonNode d) {
        return d.path("valueDate").asString() + " " + d.path("currency").asString() + " " + d.path("count").asLong()
                + " sales " + d.path("sales").asString() + " refunds " + d.path("refunds").asString() + " commission "
                + d.path("commission").asString() + " tax " + d.path("commissionTax").asString() + " net "
                + d.path("net").asString();
    }

    @Test
    void theBanksPageSetsTheRatesAsTurkishIsWritten() {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant(List.of(), 12);
        PortalSession bank = PortalSession.loggedIn(port, "bank", TestData.BANK_PASSWORD);
        String page = "/bank/merchants/" + merchant.id();
        assertThat(bank.get(page).document().select("#pricing-table tbody tr")).hasSize(12);

        PortalSession.Page saved = bank.post(page + "/pricing", Map.of("vadeFarki.3", "2,80", "vadeFarki.6", "5",
                "commission.1", "1,79", "commission.foreign", "3,50", "valueDays.1", "1", "valueDays.3", "30",
                "commission.2", ""));
        assertThat(saved.status()).isEqualTo(302);
        JsonNode json = api.get(TestData.BANK_KEY, "/api/v1/admin/merchants/" + merchant.id()).json();
        assertThat(json.path("installmentRates").toString()).isEqualTo("{\"3\":\"2.80\",\"6\":\"5.00\"}");
        assertThat(json.path("commissionRates").toString()).isEqualTo("{\"1\":\"1.79\",\"foreign\":\"3.50\"}");
        assertThat(json.path("valueDays").toString()).isEqualTo("{\"1\":1,\"3\":30}");
        assertThat(bank.get(page).document().selectFirst("#vadeFarki-3").val()).as("shown the page's way").isEqualTo("2,80");

        // a bad rate is named, shown as typed, and changes nothing
        PortalSession.Page refused = bank.post(page + "/pricing", Map.of("vadeFarki.3", "2.80.1", "commission.1", "60"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.document().select("#pricing-errors [data-code=invalid_rate]").eachAttr("data-field"))
                .containsExactlyInAnyOrder("installmentRates.3", "commissionRates.1");
        assertThat(refused.document().selectFirst("#vadeFarki-3").val()).isEqualTo("2.80.1");
        assertThat(api.get(TestData.BANK_KEY, "/api/v1/admin/merchants/" + merchant.id()).json().path("installmentRates")
                .toString()).isEqualTo("{\"3\":\"2.80\",\"6\":\"5.00\"}");
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
