package com.linkpos.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.Api.Merchant;
import com.linkpos.support.Api.Response;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.Payer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** [R1] İşlem Arama through the API: every criterion, keyset pages, bad criteria. */
@LinkPosTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransactionSearchApiTest {

    @LocalServerPort
    int port;
    Api api;
    Merchant merchant;
    String multiLinkId;
    String jpyLinkId;
    String approvedVisa;
    String declined;
    String approvedMastercard;
    String voidId;

    @BeforeAll
    void paySome() {
        api = new Api(port);
        merchant = api.newMerchant(List.of("JPY"), 12);
        JsonNode multi = api.post(merchant.key(), "/api/v1/links",
                "{\"amount\": \"150.00\", \"usage\": \"MULTI\", \"orderNumber\": \"ARA-" + merchant.id().substring(4, 14) + "\"}").json();
        multiLinkId = multi.path("id").asString();
        String token = token(multi);
        approvedVisa = new Payer(port).pay(token, Payer.Card.of("4155650100416111")).transactionId();
        declined = new Payer(port).pay(token, Payer.Card.of("4000000000009995")).transactionId();
        approvedMastercard = new Payer(port).pay(token, Payer.Card.of("5456160000000000")).transactionId();
        voidId = api.post(merchant.key(), "/api/v1/transactions/" + approvedMastercard + "/void", null).json().path("id").asString();
        JsonNode yen = api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"20000\", \"currency\": \"JPY\"}").json();
        jpyLinkId = yen.path("id").asString();
        new Payer(port).pay(token(yen), Payer.Card.of("4111111111111111"));
    }

    private static String token(JsonNode link) {
        String url = link.path("url").asString();
        return Api.tokenOf(url);
    }

    private List<String> ids(String query) {
        Response response = api.get(merchant.key(), "/api/v1/transactions" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("data").valueStream().map(t -> t.path("id").asString()).toList();
    }

    @Test
    void byDefaultTodaysTransactionsOfTheMerchantNewestFirst() {
        List<String> today = ids("");
        assertThat(today).hasSize(5).startsWith(today.get(0)).contains(approvedVisa, declined, approvedMastercard, voidId);
        JsonNode first = api.get(merchant.key(), "/api/v1/transactions").json().path("data").get(0);
        assertThat(first.path("type").asString()).isEqualTo("SALE");
        assertThat(first.path("currency").asString()).isEqualTo("JPY");
        assertThat(ids("?from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z")).isEmpty();
        String istanbulToday = LocalDate.now(ZoneId.of("Europe/Istanbul")).toString();
        assertThat(ids("?from=" + istanbulToday + "&to=" + istanbulToday)).hasSize(5);
        assertThat(ids("?from=" + Instant.now().plusSeconds(3600))).isEmpty();
    }

    @Test
    void everyCriterionFilters() {
        assertThat(ids("?status=DECLINED")).containsExactly(declined);
        assertThat(ids("?type=VOID")).containsExactly(voidId);
        assertThat(ids("?type=SALE&status=APPROVED")).hasSize(3).doesNotContain(declined, voidId);
        assertThat(ids("?currency=JPY")).hasSize(1);
        assertThat(ids("?linkId=" + jpyLinkId)).hasSize(1);
        assertThat(ids("?linkId=" + multiLinkId)).hasSize(4);
        assertThat(ids("?cardLast4=6111")).containsExactly(approvedVisa);
        assertThat(ids("?minAmount=1000")).as("20000 JPY").hasSize(1);
        assertThat(ids("?minAmount=100&maxAmount=200")).hasSize(4);
        assertThat(ids("?maxAmount=149.99")).isEmpty();
        String orderNumber = api.get(merchant.key(), "/api/v1/transactions/" + approvedVisa).json().path("orderNumber").asString();
        assertThat(ids("?orderNumber=" + orderNumber)).hasSize(4);
        String authCode = api.get(merchant.key(), "/api/v1/transactions/" + approvedVisa).json().path("authCode").asString();
        assertThat(ids("?authCode=" + authCode)).contains(approvedVisa);
    }

    @Test
    void theTransactionObjectIsTheOneOfApiMd() {
        JsonNode sale = api.get(merchant.key(), "/api/v1/transactions/" + approvedVisa).json();
        assertThat(sale.path("card").path("masked").asString()).isEqualTo("415565******6111");
        assertThat(sale.path("card").path("brand").asString()).isEqualTo("VISA");
        assertThat(sale.path("card").path("issuer").asString()).isEqualTo("QNB Finansbank");
        assertThat(sale.path("card").path("type").asString()).isEqualTo("CREDIT");
        assertThat(sale.path("threeDSecure").path("mdStatus").asString()).isEqualTo("1");
        assertThat(sale.path("threeDSecure").path("eci").asString()).isEqualTo("05");
        assertThat(sale.path("responseCode").asString()).isEqualTo("00");
        assertThat(sale.path("linkId").asString()).isEqualTo(multiLinkId);
        assertThat(sale.path("refundedAmount").asString()).isEqualTo("0.00");
        assertThat(sale.path("voided").asBoolean()).isFalse();
        assertThat(sale.path("originalTransactionId").isNull()).isTrue();
        JsonNode voided = api.get(merchant.key(), "/api/v1/transactions/" + voidId).json();
        assertThat(voided.path("originalTransactionId").asString()).isEqualTo(approvedMastercard);
    }

    @Test
    void keysetPagesWalkEveryRowOnce() {
        List<String> all = ids("?limit=500");
        Set<String> seen = new HashSet<>();
        List<String> inOrder = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get(merchant.key(), "/api/v1/transactions?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.path("data").valueStream().forEach(t -> {
                assertThat(seen.add(t.path("id").asString())).isTrue();
                inOrder.add(t.path("id").asString());
            });
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
        } while (cursor != null);
        assertThat(inOrder).containsExactlyElementsOf(all);
    }

    @Test
    void badCriteriaAreRefusedClearly() {
        for (String bad : List.of("?status=PAID", "?type=SALES", "?currency=XYZ", "?minAmount=abc", "?cardLast4=12a",
                "?from=yesterday", "?minAmount=10&maxAmount=5", "?limit=0", "?cursor=nonsense", "?orderNumber=a%00b",
                "?from=2026-02-01&to=2026-01-01")) {
            Response response = api.get(merchant.key(), "/api/v1/transactions" + bad);
            assertThat(response.status()).as(bad + " " + response).isEqualTo(400);
            assertThat(response.code()).isEqualTo("validation_failed");
            assertThat(response.json().path("errors").size()).as(bad).isPositive();
        }
        Response export = api.get(merchant.key(), "/api/v1/transactions/export?format=pdf");
        assertThat(export.status()).isEqualTo(400);
        assertThat(export.fieldErrors()).contains("format:invalid_export_format");
    }

    @Test
    void anotherMerchantSeesNoneOfIt() {
        Merchant other = api.newMerchant();
        assertThat(api.get(other.key(), "/api/v1/transactions?linkId=" + multiLinkId).json().path("data").size()).isZero();
        assertThat(api.get(other.key(), "/api/v1/transactions").json().path("data").size()).isZero();
    }
}
