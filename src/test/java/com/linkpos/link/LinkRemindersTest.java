package com.linkpos.link;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.Eventually;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.Payer;
import com.linkpos.support.PortalSession;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * [X2] A link's reminder goes to its recipients once, its chosen time before expiry, through the outbox;
 * never for a link paid, deleted or not yet due. The job is the scheduled one, run here when the test says.
 */
@LinkPosTest
class LinkRemindersTest {

    @LocalServerPort
    int port;
    @Autowired
    LinkReminders reminders;

    @Test
    void aDueLinkIsRemindedOnceAndNoOtherIs() {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant();
        Instant soon = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Instant later = Instant.now().plus(10, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> notify = Map.of("sms", "05321234567", "email", "musteri@example.com");
        Api.CreatedLink due = api.newLink(merchant, Map.of("amount", "30.00", "validUntil", soon.toString(),
                "reminderBefore", "PT3H", "notify", notify));
        Api.CreatedLink notYet = api.newLink(merchant, Map.of("amount", "30.00", "validUntil", later.toString(),
                "reminderBefore", "PT3H", "notify", notify));
        Api.CreatedLink paid = api.newLink(merchant, Map.of("amount", "30.00", "validUntil", soon.toString(),
                "reminderBefore", "PT3H", "notify", notify));
        Api.CreatedLink deleted = api.newLink(merchant, Map.of("amount", "30.00", "validUntil", soon.toString(),
                "reminderBefore", "PT3H", "notify", notify));
        assertThat(api.get(merchant.key(), "/api/v1/links/" + due.id()).json().path("reminderBefore").asString()).isEqualTo("PT3H");
        new Payer(port).pay(paid.token(), "4155650100416111", null, true);
        assertThat(api.delete(merchant.key(), "/api/v1/links/" + deleted.id()).status()).isEqualTo(200);

        reminders.sendDue();
        reminders.sendDue(); // once only

        assertThat(kinds(api, merchant, due)).containsExactlyInAnyOrder("LINK", "LINK", "REMINDER", "REMINDER");
        assertThat(kinds(api, merchant, notYet)).doesNotContain("REMINDER");
        assertThat(kinds(api, merchant, paid)).doesNotContain("REMINDER");
        assertThat(kinds(api, merchant, deleted)).doesNotContain("REMINDER");
        // the reminder's own words, once the sender has sent it (to the local outbox)
        PortalSession portal = PortalSession.loggedIn(port, merchant);
        Eventually.within(Duration.ofSeconds(20), () -> portal.get("/messages").document().selectFirst("#messages-table")
                .text().contains("Hatırlatma: "), "the reminder sent with its words");

        // a reminder longer than a link may live, or not a duration, is refused
        for (String bad : List.of("-PT1H", "tomorrow", "P400D")) { // PT0S asks for none (below)
            Api.Response refused = api.post(merchant.key(), "/api/v1/links",
                    "{\"amount\": \"10.00\", \"reminderBefore\": \"" + bad + "\"}");
            assertThat(refused.status()).as(bad).isEqualTo(422);
            assertThat(refused.fieldErrors()).as(bad).containsExactly("reminderBefore:invalid_reminder");
        }
    }

    private static List<String> kinds(Api api, Api.Merchant merchant, Api.CreatedLink link) {
        return api.get(merchant.key(), "/api/v1/links/" + link.id() + "/notifications").json().path("data").valueStream()
                .map(d -> d.path("kind").asString()).toList();
    }

    @Test
    void aMerchantDefaultRemindsTheNewLinksThatAskForNone() {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant();
        assertThat(api.get(merchant.key(), "/api/v1/links/defaults").json().path("reminderBefore").isNull()).isTrue();
        Api.Response bad = api.send(merchant.key(), "PUT", "/api/v1/links/defaults", "{\"reminderBefore\": \"tomorrow\"}");
        assertThat(bad.fieldErrors()).containsExactly("reminderBefore:invalid_reminder");
        assertThat(api.send(merchant.key(), "PUT", "/api/v1/links/defaults", "{\"reminderBefore\": \"PT24H\"}").json()
                .path("reminderBefore").asString()).isEqualTo("PT24H");

        Api.CreatedLink silent = api.newLink(merchant, Map.of("amount", "30.00"));
        Api.CreatedLink own = api.newLink(merchant, Map.of("amount", "30.00", "reminderBefore", "PT3H"));
        Api.CreatedLink none = api.newLink(merchant, Map.of("amount", "30.00", "reminderBefore", "PT0S"));
        assertThat(api.get(merchant.key(), "/api/v1/links/" + silent.id()).json().path("reminderBefore").asString())
                .isEqualTo("PT24H");
        assertThat(api.get(merchant.key(), "/api/v1/links/" + own.id()).json().path("reminderBefore").asString())
                .isEqualTo("PT3H");
        assertThat(api.get(merchant.key(), "/api/v1/links/" + none.id()).json().path("reminderBefore").isNull()).isTrue();

        // the portal's «Yeni Ekle» starts from the default, and an admin may make another choice the default
        PortalSession portal = PortalSession.loggedIn(port, merchant);
        PortalSession.Page form = portal.get("/links/new");
        assertThat(form.document().selectFirst("#reminderBefore option[selected]").val()).isEqualTo("PT24H");
        PortalSession.Page created = portal.post("/links", Map.of("amount", "45,00", "currency", "TRY", "installments", "1",
                "usage", "SINGLE", "installmentCostBorneBy", "MERCHANT", "reminderBefore", "PT3H", "reminderAsDefault", "true"));
        assertThat(created.status()).as(created.text()).isEqualTo(302);
        assertThat(api.get(merchant.key(), "/api/v1/links/defaults").json().path("reminderBefore").asString()).isEqualTo("PT3H");
    }
}
