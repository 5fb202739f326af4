package com.linkpos.link;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.Payer;
import com.linkpos.support.PortalSession;
import com.linkpos.support.PortalSession.Page;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** What users of other pay-by-link products ask for: a way back to the shop, copying a link, renewing one. */
@LinkPosTest
class LinkConveniencesTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Api api;
    Api.Merchant merchant;
    PortalSession session;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        merchant = api.newMerchant();
        session = new PortalSession(port);
        session.login(merchant.username(), merchant.password());
    }

    @Test
    void afterPayingThePayerCanGoBackToTheShop() {
        JsonNode link = api.post(merchant.key(), "/api/v1/links",
                "{\"amount\": \"10.00\", \"orderNumber\": \"DONUS-1\", \"returnUrl\": \"https://shop.example.com/thanks?x=1\"}").json();
        assertThat(link.path("returnUrl").asString()).isEqualTo("https://shop.example.com/thanks?x=1");
        String url = link.path("url").asString();
        Payer.Result paid = new Payer(port).pay(Api.tokenOf(url), Payer.Card.of("4155650100416111"));
        String back = paid.page().document().selectFirst("#back-to-merchant").attr("href");
        assertThat(back).startsWith("https://shop.example.com/thanks?x=1&linkpos_status=APPROVED&linkpos_order=DONUS-1")
                .contains("linkpos_transaction=" + paid.transactionId());
        for (String bad : List.of("javascript:alert(1)", "shop.example.com", "https://user:pw@shop.example.com/", "ftp://x.y")) {
            Api.Response refused = api.post(merchant.key(), "/api/v1/links", Api.json(Map.of("amount", "1", "returnUrl", bad)));
            assertThat(refused.fieldErrors()).as(bad).contains("returnUrl:invalid_return_url");
        }
    }

    @Test
    void aLinkCanBeCopiedAsANewOne() {
        JsonNode original = api.post(merchant.key(), "/api/v1/links",
                "{\"amount\": \"1250.50\", \"installments\": 3, \"usage\": \"MULTI\", \"description\": \"Aylık aidat\"}").json();
        Page detail = session.get("/links/" + original.path("id").asString());
        Page form = session.get(detail.document().selectFirst("#clone").attr("href"));
        assertThat(form.document().selectFirst("#amount").val()).isEqualTo("1.250,50");
        assertThat(form.document().selectFirst("#description").text()).isEqualTo("Aylık aidat");
        assertThat(form.document().selectFirst("#orderNumber").val()).isEmpty();
        Map<String, String> fields = new HashMap<>();
        ((FormElement) form.document().selectFirst("#link-form")).formData().forEach(kv -> fields.put(kv.key(), kv.value()));
        Page saved = session.post("/links", fields);
        assertThat(saved.status()).isEqualTo(302);
        String copyId = saved.location().substring(saved.location().lastIndexOf('/') + 1);
        JsonNode copy = api.get(merchant.key(), "/api/v1/links/" + copyId).json();
        assertThat(copy.path("amount").asString()).isEqualTo("1250.50");
        assertThat(copy.path("installments").asInt()).isEqualTo(3);
        assertThat(copy.path("usage").asString()).isEqualTo("MULTI");
        assertThat(copy.path("url").asString()).isNotEqualTo(original.path("url").asString());
        assertThat(copy.path("orderNumber").asString()).isNotEqualTo(original.path("orderNumber").asString());
    }

    @Test
    void anExpiredLinkIsRenewedWithANewEndDate() {
        JsonNode link = api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"75.00\"}").json();
        String id = link.path("id").asString();
        jdbc.sql("UPDATE links SET valid_from = now() - interval '3 days', valid_until = now() - interval '1 day' WHERE id = ?")
                .param(id).update();
        Page detail = session.get("/links/" + id);
        assertThat(detail.document().selectFirst("#renew")).isNotNull();
        session.get("/links/" + id + "/renew");
        DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
        Page past = session.post("/links/" + id + "/renew",
                Map.of("validUntil", LocalDateTime.now(ZoneId.of("Europe/Istanbul")).minusHours(1).format(local)));
        assertThat(past.document().selectFirst("#renew-refusal").text()).isEqualTo("Bitiş tarihi geçmişte olamaz.");
        Page renewed = session.post("/links/" + id + "/renew",
                Map.of("validUntil", LocalDateTime.now(ZoneId.of("Europe/Istanbul")).plusDays(2).format(local)));
        assertThat(renewed.status()).isEqualTo(302);
        JsonNode after = api.get(merchant.key(), "/api/v1/links/" + id).json();
        assertThat(after.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(after.path("url").asString()).isEqualTo(link.path("url").asString());
        String url = after.path("url").asString();
        assertThat(new Payer(port).pay(Api.tokenOf(url), Payer.Card.of("4155650100416111")).approved())
                .isTrue();
    }
}
