package com.linkpos.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.Payer;
import com.linkpos.support.Payer.Card;
import com.linkpos.support.PortalSession;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.jsoup.nodes.Element;
import tools.jackson.databind.JsonNode;

/**
 * [X3] A link's engagement: each GET of its payment page is a view, HEAD requests and known link scanners
 * are counted apart, and payment attempts that reached the bank are counted with their outcome, in the API,
 * on the link's page and in LinkPOS Raporu.
 */
@LinkPosTest
class EngagementTest {

    @LocalServerPort
    int port;

    @Test
    void viewsScannersAndAttemptsAreCountedApart() {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant();
        Api.CreatedLink link = api.newLink(merchant, Map.of("amount", "40.00", "usage", "MULTI"));
        JsonNode fresh = api.get(merchant.key(), "/api/v1/links/" + link.id()).json();
        assertThat(fresh.path("views").asInt()).isZero();
        assertThat(fresh.path("firstViewedAt").isNull()).isTrue();

        String page = "/pay/" + link.token();
        assertThat(api.get(null, page).status()).isEqualTo(200);
        assertThat(api.get(null, page).status()).isEqualTo(200);
        assertThat(api.send(null, "HEAD", page, null).status()).isEqualTo(200);
        assertThat(api.get(null, page, "User-Agent", "facebookexternalhit/1.1").status()).isEqualTo(200);
        assertThat(api.get(null, page, "User-Agent", "Mozilla/5.0 (compatible; Mimecast URL protect)").status()).isEqualTo(200);

        // two payers: one paid, one declined by the bank; each opened the page once more
        new Payer(port).pay(link.token(), "4155650100416111", null, true);
        assertThat(new Payer(port).pay(link.token(), Card.of("4000000000009995")).approved()).isFalse();

        JsonNode json = api.get(merchant.key(), "/api/v1/links/" + link.id()).json();
        assertThat(json.path("views").asInt()).isEqualTo(4);
        assertThat(json.path("scannerViews").asInt()).isEqualTo(3);
        assertThat(json.path("attempts").asInt()).isEqualTo(2);
        assertThat(Instant.parse(json.path("firstViewedAt").asString()))
                .isBeforeOrEqualTo(Instant.parse(json.path("lastViewedAt").asString()));

        PortalSession portal = PortalSession.loggedIn(port, merchant);
        assertThat(portal.get("/links/" + link.id()).document().selectFirst("#link-engagement").text())
                .contains("4 görüntülenme", "3 bağlantı tarayıcısı", "2 ödeme denemesi bankaya ulaştı, 1 tanesi onaylandı");
        Element row = portal.get("/reports/links?orderNumber=" + link.orderNumber()).document()
                .selectFirst("tr[data-link-id=" + link.id() + "]");
        assertThat(row.selectFirst("[data-col=views]").text()).isEqualTo("4");
        assertThat(row.selectFirst("[data-col=attempts]").text()).isEqualTo("2");
    }
}
