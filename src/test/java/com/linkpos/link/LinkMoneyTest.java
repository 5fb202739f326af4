package com.linkpos.link;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.Payer;
import com.linkpos.support.PortalSession;
import com.linkpos.support.PortalSession.Page;
import com.linkpos.support.TestData;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * [M7] The same money everywhere: once a sale of a link is voided and another partly refunded, the link's
 * payments, collected total, refunds and net agree in the API, the link detail and list, LinkPOS Raporu
 * and its export, in Turkish and in English.
 */
@LinkPosTest
class LinkMoneyTest {

    @LocalServerPort
    int port;

    @Test
    void aVoidAndARefundShowTheSameOnEveryScreenOfTheLink() throws IOException {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant();
        Api.CreatedLink link = api.newLink(merchant, Map.of("amount", "25.00", "usage", "MULTI",
                "orderNumber", TestData.unique("M7")));
        String voided = new Payer(port).pay(link.token(), "4155650100416111", null, true);
        String refunded = new Payer(port).pay(link.token(), "5456160000000000", null, true);
        assertThat(api.post(merchant.key(), "/api/v1/transactions/" + voided + "/void", null).status()).isEqualTo(201);
        assertThat(api.post(TestData.BANK_KEY, "/api/v1/admin/batches/close", null).status() / 100).isEqualTo(2);
        assertThat(api.post(merchant.key(), "/api/v1/transactions/" + refunded + "/refunds", "{\"amount\": \"10.00\"}")
                .status()).isEqualTo(201);

        JsonNode json = api.get(merchant.key(), "/api/v1/links/" + link.id()).json();
        assertThat(json.path("paymentCount").asInt()).as("the voided sale no longer counts").isEqualTo(1);
        assertThat(json.path("collectedAmount").asString()).isEqualTo("25.00");
        assertThat(json.path("refundedAmount").asString()).isEqualTo("10.00");

        PortalSession portal = PortalSession.loggedIn(port, merchant);
        Page detail = portal.get("/links/" + link.id());
        assertThat(detail.document().selectFirst("#link-payments").text()).isEqualTo("1");
        assertThat(detail.document().selectFirst("#link-collected").text()).isEqualTo("25,00 TL");
        assertThat(detail.document().selectFirst("#link-refunded").text()).isEqualTo("10,00 TL");
        assertThat(detail.document().selectFirst("#link-net").text()).isEqualTo("15,00 TL");
        assertThat(detail.document().selectFirst("tr[data-transaction-id=" + voided + "] .status").text())
                .as("a voided sale no longer looks approved").isEqualTo("İptal edildi");
        assertThat(portal.get("/reports/transactions/" + voided).document().selectFirst(".status").text()).isEqualTo("İptal edildi");

        Element listed = portal.get("/links?orderNumber=" + link.orderNumber()).document()
                .selectFirst("tr[data-link-id=" + link.id() + "]");
        assertThat(listed.selectFirst("[data-col=collected]").text()).isEqualTo("25,00");
        assertThat(listed.selectFirst("[data-col=refunded]").text()).isEqualTo("İade 10,00 · Net 15,00");

        Element reported = portal.get("/reports/links?orderNumber=" + link.orderNumber()).document()
                .selectFirst("tr[data-link-id=" + link.id() + "]");
        assertThat(List.of(reported.selectFirst("[data-col=collected]").text(), reported.selectFirst("[data-col=refunded]").text(),
                reported.selectFirst("[data-col=net]").text())).containsExactly("25,00 TL", "10,00 TL", "15,00 TL");

        PortalSession.Download export = portal.download("/reports/links/export?format=csv&orderNumber=" + link.orderNumber());
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(export.body(), StandardCharsets.UTF_8).replace("\uFEFF", ""))).getRecords();
        assertThat(rows).hasSize(1);
        assertThat(List.of(rows.get(0).get("Başarılı Ödeme"), rows.get(0).get("Tahsil Edilen"), rows.get(0).get("İade Edilen"),
                rows.get(0).get("Net"))).containsExactly("1", "25.00", "10.00", "15.00");

        Page english = portal.get("/links/" + link.id() + "?lang=en");
        assertThat(english.document().selectFirst("#link-net").text()).contains("15.00");
        assertThat(english.document().selectFirst("tr[data-transaction-id=" + refunded + "]").text())
                .as("the bank's answer in the page's language").contains("00 Approved").doesNotContain("Onaylandı");
    }
}
