package com.linkpos;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.Api.Merchant;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.TestData;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * [P1] The hosted payment page /pay/{token} as a payer's browser (or an e-mail scanner) meets it:
 * no login, the payer's language, the link's terms as text, and a clear page for a link that cannot be paid.
 */
@LinkPosTest
class PaymentPageTest {

    private static final ZoneId ISTANBUL = ZoneId.of("Europe/Istanbul");
    private static final DateTimeFormatter TURKISH_DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    @DisplayName("[P1] an unknown token answers 404 with #link-unavailable[data-reason=NOT_FOUND]")
    void unknownTokenIsNotFound() {
        for (String token : new String[] {"r4nd0m-t0ken-th4t-n0-l1nk-h4s-000000000000", "x".repeat(500)}) {
            Api.Response response = open(token);

            assertThat(response.status()).isEqualTo(404);
            Document page = Jsoup.parse(response.body());
            assertThat(reasonOn(page)).isEqualTo("NOT_FOUND");
            assertThat(page.text()).contains("Böyle bir ödeme linki bulunamadı.");
            assertThat(page.select("form")).isEmpty();
        }
    }

    @Test
    @DisplayName("[P1] an ACTIVE link shows merchant name, amount, installments, order number and description")
    void activeLinkShowsItsTerms() {
        Merchant merchant = api.newMerchant();
        String orderNumber = TestData.unique("PAY");
        JsonNode link = createLink(merchant, body("orderNumber", orderNumber, "amount", "1250.50", "installments", 3,
                "description", "Kasım ayı faturası"));

        Api.Response response = open(tokenOf(link));

        assertThat(response.status()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst("#link-unavailable")).isNull();
        Element details = page.selectFirst("#payment-details");
        assertThat(details.attr("data-link-id")).isEqualTo(link.path("id").asString());
        assertThat(details.selectFirst(".merchant").text()).isEqualTo(merchantName(merchant));
        assertThat(page.selectFirst("#pay-amount").text()).isEqualTo("1.250,50 TL");
        assertThat(details.text()).contains(orderNumber, "3 taksit");
        assertThat(page.selectFirst("#pay-installments").text()).as("each installment's amount").isEqualTo("3 taksit (3 × 416,83 TL)");
        assertThat(page.select("h1")).as("one heading: the merchant").hasSize(1);
        assertThat(page.selectFirst("h1").text()).isEqualTo(merchantName(merchant));
        assertThat(page.selectFirst("#pay-description").text()).isEqualTo("Kasım ayı faturası");
        assertThat(details.text()).contains(
                TURKISH_DATE_TIME.format(Instant.parse(link.path("validUntil").asString()).atZone(ISTANBUL)) + " (İstanbul saati)");
    }

    @Test
    @DisplayName("[L9] the description is shown as text, never as HTML")
    void descriptionIsEscaped() {
        Merchant merchant = api.newMerchant();
        String description = "<script>alert(1)</script><b>x</b>";
        JsonNode link = createLink(merchant, body("amount", "10.00", "description", description));

        Api.Response response = open(tokenOf(link));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;")
                .doesNotContain("<script>alert(1)</script>");
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("script")).noneMatch(script -> script.data().contains("alert"));
        assertThat(page.select("#pay-description b")).isEmpty();
        assertThat(page.selectFirst("#pay-description").text()).isEqualTo(description);
    }

    @Test
    @DisplayName("[P1][M5] a SCHEDULED link says from when it can be paid and takes no card data")
    void scheduledLinkIsNotPayableYet() {
        Merchant merchant = api.newMerchant();
        OffsetDateTime from = OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).truncatedTo(ChronoUnit.MINUTES);
        JsonNode link = createLink(merchant, body("amount", "10.00",
                "validFrom", from.toString(), "validUntil", from.plusDays(1).toString()));
        assertThat(link.path("status").asString()).isEqualTo("SCHEDULED");

        Document page = unavailablePage(tokenOf(link), "SCHEDULED");

        assertThat(page.text()).contains("Bu link henüz aktif değil.",
                TURKISH_DATE_TIME.format(from.atZoneSameInstant(ISTANBUL)));
        assertThat(page.selectFirst("#link-unavailable .merchant").text()).isEqualTo(merchantName(merchant));
    }

    @Test
    @DisplayName("[P1][M5] an EXPIRED link says so and takes no card data")
    void expiredLinkIsNotPayable() {
        Merchant merchant = api.newMerchant();
        JsonNode link = createLink(merchant, body("amount", "10.00"));
        jdbc.sql("UPDATE links SET valid_from = now() - interval '2 days', valid_until = now() - interval '1 day' WHERE id = ?")
                .param(link.path("id").asString()).update();

        Document page = unavailablePage(tokenOf(link), "EXPIRED");

        assertThat(page.text()).contains("Bu linkin süresi doldu.");
    }

    @Test
    @DisplayName("[P1][M5] a USED single-use link says it was paid and takes no card data")
    void usedLinkIsNotPayable() {
        Merchant merchant = api.newMerchant();
        JsonNode link = createLink(merchant, body("amount", "10.00", "usage", "SINGLE"));
        jdbc.sql("UPDATE links SET used_at = now(), payment_count = 1, collected_minor = amount_minor WHERE id = ?")
                .param(link.path("id").asString()).update();

        Document page = unavailablePage(tokenOf(link), "USED");

        assertThat(page.text()).contains("Bu link ile ödeme zaten yapıldı");
    }

    @Test
    @DisplayName("[P1][M4] a DELETED link says the merchant cancelled it and takes no card data")
    void deletedLinkIsNotPayable() {
        Merchant merchant = api.newMerchant();
        JsonNode link = createLink(merchant, body("amount", "10.00"));
        assertThat(api.delete(merchant.key(), "/api/v1/links/" + link.path("id").asString()).status()).isEqualTo(200);

        Document page = unavailablePage(tokenOf(link), "DELETED");

        assertThat(page.text()).contains("Bu link üye işyeri tarafından iptal edildi.");
    }

    @Test
    @DisplayName("[P1] opening the page (e.g. an e-mail scanner) never changes or uses up the link")
    void openingThePageChangesNothing() {
        Merchant merchant = api.newMerchant();
        JsonNode link = createLink(merchant, body("amount", "10.00", "usage", "SINGLE"));
        String id = link.path("id").asString();
        Map<String, Object> before = storedRow(id);

        for (int i = 0; i < 5; i++) {
            assertThat(open(tokenOf(link)).status()).isEqualTo(200);
        }
        assertThat(open(tokenOf(link), "Accept-Language", "en").status()).isEqualTo(200);

        assertThat(storedRow(id)).isEqualTo(before);
        JsonNode after = api.get(merchant.key(), "/api/v1/links/" + id).json();
        assertThat(after.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(after.path("paymentCount").asInt()).isZero();
        assertThat(after.path("updatedAt").asString()).isEqualTo(link.path("updatedAt").asString());
    }

    @Test
    @DisplayName("[P1] the page follows the payer's Accept-Language: English for en, Turkish by default")
    void pageFollowsTheBrowserLanguage() {
        Merchant merchant = api.newMerchant();
        JsonNode link = createLink(merchant, body("amount", "1250.50", "description", "Invoice"));

        Document english = Jsoup.parse(open(tokenOf(link), "Accept-Language", "en-US,en;q=0.9").body());
        Document turkish = Jsoup.parse(open(tokenOf(link)).body());

        assertThat(english.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(english.selectFirst("#pay-amount").text()).isEqualTo("TRY 1,250.50");
        assertThat(english.text()).contains("Every payment goes through 3-D Secure", "Single payment", "Order number")
                .doesNotContain("Tüm ödemeler 3D Secure ile yapılır");
        assertThat(turkish.selectFirst("html").attr("lang")).isEqualTo("tr");
        assertThat(turkish.selectFirst("#pay-amount").text()).isEqualTo("1.250,50 TL");
        assertThat(turkish.text()).contains("Tüm ödemeler 3D Secure ile yapılır", "Peşin", "Sipariş numarası")
                .doesNotContain("Every payment goes through 3-D Secure");

        Document unknownInEnglish = Jsoup.parse(open("no-such-token", "Accept-Language", "en").body());
        assertThat(unknownInEnglish.text()).contains("There is no such payment link.");
    }

    // ---------------------------------------------------------------- helpers

    private Api.Response open(String token, String... headers) {
        return api.get(null, "/pay/" + token, headers);
    }

    /** The page of a link that cannot be paid: the reason as data, no card form. */
    private Document unavailablePage(String token, String reason) {
        Api.Response response = open(token);
        assertThat(response.status()).isLessThan(500);
        Document page = Jsoup.parse(response.body());
        assertThat(reasonOn(page)).isEqualTo(reason);
        assertThat(page.selectFirst("#payment-details")).isNull();
        assertThat(page.select("input[name=cardNumber], input[name=cvv], form")).isEmpty();
        return page;
    }

    private static String reasonOn(Document page) {
        Element unavailable = page.selectFirst("#link-unavailable");
        assertThat(unavailable).as("#link-unavailable in %s", page.text()).isNotNull();
        return unavailable.attr("data-reason");
    }

    private JsonNode createLink(Merchant merchant, Map<String, Object> body) {
        Api.Response created = api.post(merchant.key(), "/api/v1/links", Api.json(body));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json();
    }

    private static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }

    private static String tokenOf(JsonNode link) {
        String url = link.path("url").asString();
        return url.substring(url.indexOf("/pay/") + "/pay/".length());
    }

    private String merchantName(Merchant merchant) {
        return api.get(TestData.BANK_KEY, "/api/v1/admin/merchants/" + merchant.id()).json().path("name").asString();
    }

    private Map<String, Object> storedRow(String id) {
        return jdbc.sql("""
                        SELECT token, amount_minor, valid_from, valid_until, usage, payment_count, collected_minor,
                               used_at, deleted_at, updated_at FROM links WHERE id = ?""")
                .param(id).query().singleRow();
    }
}
