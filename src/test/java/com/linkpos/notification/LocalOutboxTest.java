package com.linkpos.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.Eventually;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.PortalSession;
import com.linkpos.support.PortalSession.Page;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** [N2] With nothing configured, messages land in the local outbox the portal shows: a demo works offline. */
@LinkPosTest
class LocalOutboxTest {

    @LocalServerPort
    int port;

    @Test
    void messagesAreKeptForTheMerchantToRead() {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant();
        JsonNode link = api.post(merchant.key(), "/api/v1/links", Api.json(Map.of("amount", "1250.50",
                "description", "<script>alert(1)</script>",
                "notify", Map.of("sms", "05321234567", "email", "musteri@example.com")))).json();
        String linkId = link.path("id").asString();
        Eventually.within(Duration.ofSeconds(15), () -> api.get(merchant.key(), "/api/v1/links/" + linkId + "/notifications")
                .json().path("data").valueStream().allMatch(d -> d.path("status").asString().equals("SENT")), "local delivery");
        JsonNode deliveries = api.get(merchant.key(), "/api/v1/links/" + linkId + "/notifications").json().path("data");
        assertThat(deliveries.size()).isEqualTo(2);
        assertThat(deliveries.valueStream().map(d -> d.path("to").asString())).contains("+90 532 *** ** 67", "m******@example.com");

        PortalSession session = PortalSession.loggedIn(port, merchant);
        Page messages = session.get("/messages");
        List<String> rows = messages.document().select("#messages-table tbody tr").eachText();
        assertThat(rows).hasSize(2).allMatch(row -> row.contains("Yerel giden kutusu") && row.contains("Gönderildi"))
                .noneMatch(row -> row.contains("LOCAL_OUTBOX") || row.contains("EMAIL"));
        assertThat(rows).anyMatch(row -> row.contains("ödeme bekliyor") && row.contains(link.path("url").asString()));

        Page detail = session.get("/links/" + linkId);
        assertThat(detail.document().select("#deliveries-table tbody tr")).hasSize(2);
        String first = detail.document().selectFirst("#deliveries-table tbody tr").attr("data-notification-id");
        Page resent = session.post("/messages/" + first + "/resend", Map.of());
        assertThat(resent.location()).endsWith("/links/" + linkId);
        Eventually.within(Duration.ofSeconds(15), () -> api.get(merchant.key(), "/api/v1/links/" + linkId + "/notifications")
                .json().path("data").size() == 3, "the resent message");
        assertThat(new PortalSession(port).get("/messages").status()).as("a stranger is sent to log in").isEqualTo(302);
        Api.Merchant other = api.newMerchant();
        PortalSession otherSession = PortalSession.loggedIn(port, other);
        otherSession.get("/messages");
        assertThat(otherSession.post("/messages/" + first + "/resend", Map.of()).status()).isEqualTo(404);
        assertThat(otherSession.get("/messages").document().select("#messages-table tbody tr")).isEmpty();
    }
}
