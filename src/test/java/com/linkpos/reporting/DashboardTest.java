package com.linkpos.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.Payer;
import com.linkpos.support.PortalSession;
import com.linkpos.support.PortalSession.Page;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The first page after login: today's and this month's collections, 30 days of lira, expiring links, recent payments. */
@LinkPosTest
class DashboardTest {

    @LocalServerPort
    int port;

    @Test
    void theDashboardAddsUpWhatCameIn() {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant(List.of("USD"), 12);
        String lira = api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"1250.50\", \"usage\": \"MULTI\", \"orderNumber\": \"OZET-1\"}")
                .json().path("url").asString();
        String token = Api.tokenOf(lira);
        new Payer(port).pay(token, Payer.Card.of("4155650100416111"));
        new Payer(port).pay(token, Payer.Card.of("5456160000000000"));
        new Payer(port).pay(token, Payer.Card.of("4000000000000002")); // declined: not collected
        String dollars = api.post(merchant.key(), "/api/v1/links", "{\"amount\": \"480.00\", \"currency\": \"USD\"}")
                .json().path("url").asString();
        new Payer(port).pay(Api.tokenOf(dollars), Payer.Card.of("4111111111111111"));

        PortalSession session = new PortalSession(port);
        Page home = session.open(session.relative(session.login(merchant.username(), merchant.password()).location()));
        assertThat(home.document().selectFirst("h1").text()).isEqualTo("Özet");
        assertThat(home.document().select("#today-total .big").eachText()).containsExactly("2.501,00 TL", "480,00 USD");
        assertThat(home.document().selectFirst("#today-total .muted").text()).isEqualTo("3 başarılı ödeme");
        assertThat(home.document().select("#month-total .big").eachText()).contains("2.501,00 TL");

        List<Element> bars = home.document().select("#daily-chart rect.bar");
        assertThat(bars).hasSize(30);
        Element todayBar = bars.get(29);
        assertThat(todayBar.attr("data-day")).isEqualTo(LocalDate.now(ZoneId.of("Europe/Istanbul")).toString());
        assertThat(todayBar.attr("data-amount")).isEqualTo("2501.00");
        assertThat(todayBar.attr("height")).isEqualTo("100");
        assertThat(bars.get(0).attr("height")).isEqualTo("0");

        assertThat(home.document().select("#expiring li").eachText()).anyMatch(text -> text.startsWith("OZET-1"));
        assertThat(home.document().select("#recent li")).hasSize(4);
        assertThat(home.document().select("#recent li").eachText()).anyMatch(text -> text.contains("Reddedildi"));

        PortalSession english = PortalSession.loggedIn(port, merchant);
        english.get("/links?lang=en");
        assertThat(english.get("/dashboard").document().select("#today-total .big").eachText())
                .containsExactly("TRY 2,501.00", "USD 480.00");
    }
}
