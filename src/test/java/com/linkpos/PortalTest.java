package com.linkpos;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.Api.Merchant;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.PortalSession;
import com.linkpos.support.PortalSession.Page;
import com.linkpos.support.TestData;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The merchant portal through real HTTP, as a person with a browser uses it: form login, CSRF,
 * «Yeni Ekle» [L1]-[L11], the LinkPOS list [M1], pencil edit [M3], X delete [M4], isolation and roles.
 */
@LinkPosTest
class PortalTest {

    private static final ZoneId ISTANBUL = ZoneId.of("Europe/Istanbul");
    private static final DateTimeFormatter DATETIME_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final String LINK_ROWS = "#links-table tbody tr[data-link-id]";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    // ---------------------------------------------------------------- login, CSRF, logout

    @Test
    @DisplayName("Login: a wrong password goes back to /login?error with the Turkish message and opens no session")
    void wrongPasswordIsRefused() {
        PortalSession session = new PortalSession(port);

        Page refused = session.login("demo", "not-the-password");

        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.location()).endsWith("/login?error");
        Page loginPage = session.get(session.relative(refused.location()));
        assertThat(loginPage.document().selectFirst("#login-error").text())
                .isEqualTo("Kullanıcı adı veya şifre hatalı.");
        assertRedirectsToLogin(session.get("/links"));
    }

    @Test
    @DisplayName("Login: the demo user lands on /links, which lists the demo merchant's links (SIP-1001)")
    void demoUserLandsOnItsLinkList() {
        PortalSession session = new PortalSession(port);

        Page loggedIn = session.login("demo", TestData.DEMO_PASSWORD);
        assertThat(loggedIn.status()).isEqualTo(302);
        Page home = session.get(session.relative(loggedIn.location()));
        assertThat(home.location()).endsWith("/dashboard");

        Page list = session.open("/links");
        assertThat(list.status()).isEqualTo(200);
        assertThat(orderNumbersOn(list)).contains("SIP-1001", "SIP-1002", "BAGIS-2026");
        assertThat(list.document().selectFirst(".session .who").text()).contains("Demo Toptancı A.Ş.");
        // every portal page has one header with the whole menu
        for (String path : List.of("/links", "/links/new", "/reports/transactions", "/reports/links", "/reversals", "/users")) {
            Page page = session.get(path);
            assertThat(page.document().select("header.topbar")).as(path).hasSize(1);
            assertThat(page.document().select("header.topbar nav a").eachAttr("href"))
                    .contains("/links", "/reversals", "/reports/transactions", "/reports/links", "/users");
        }
    }

    @Test
    @DisplayName("CSRF: a portal POST without (or with a wrong) CSRF token is refused with 403 and creates nothing")
    void postWithoutCsrfTokenIsRefused() {
        Merchant merchant = api.newMerchant();
        PortalSession session = loggedIn(merchant);
        session.get("/links/new");

        Page withoutToken = session.postWithToken("/links", minimalLinkForm(TestData.unique("CSRF"), "10,00"), null);
        Page wrongToken = session.postWithToken("/links", minimalLinkForm(TestData.unique("CSRF"), "10,00"), "forged");

        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(wrongToken.status()).isEqualTo(403);
        assertThat(linkCount(merchant)).isZero();
    }

    @Test
    @DisplayName("Logout: POST /logout with the CSRF token ends the session; /links then asks to log in")
    void logoutEndsTheSession() {
        Merchant merchant = api.newMerchant();
        PortalSession session = loggedIn(merchant);
        assertThat(session.get("/links").status()).isEqualTo(200);

        Page loggedOut = session.post("/logout", Map.of());

        assertThat(loggedOut.status()).isEqualTo(302);
        assertThat(loggedOut.location()).endsWith("/login?logout");
        assertRedirectsToLogin(session.get("/links"));
    }

    // ---------------------------------------------------------------- «Yeni Ekle» [L1]-[L11]

    @Test
    @DisplayName("[L1]-[L11] «Yeni Ekle» with all 13 fields: Turkish amount, Istanbul times, SMS in E.164, URL and QR shown")
    void createLinkWithAllFields() {
        Merchant merchant = api.newMerchant();
        PortalSession session = loggedIn(merchant);
        String orderNumber = TestData.unique("SIP");
        LocalDateTime from = LocalDateTime.now(ISTANBUL).plusDays(1).withHour(9).withMinute(30).truncatedTo(ChronoUnit.MINUTES);
        LocalDateTime until = from.plusDays(2).withHour(18).withMinute(0);

        Page newForm = session.get("/links/new");
        assertThat(newForm.document().selectFirst("#validUntil").attr("type")).as("not the browser's own date widget").isEqualTo("text");
        assertThat(newForm.document().selectFirst("#validUntil").attr("placeholder")).isEqualTo("gg.aa.yyyy ss:dd");
        assertThat(newForm.document().select("#link-form [name]").eachAttr("name")).contains("orderNumber", "currency",
                "amount", "installments", "validFrom", "validUntil", "smsEnabled", "sms", "emailEnabled", "email",
                "usage", "description", "payerNoteEnabled");
        Page saved = session.post("/links", form(
                "orderNumber", orderNumber,
                "currency", "TRY",
                "amount", "1.250,50",
                "installments", "3",
                // typed the Turkish way, as the fields show it
                "validFrom", from.format(DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")),
                "validUntil", until.format(DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")),
                "smsEnabled", "true",
                "sms", "0532 123 45 67",
                "emailEnabled", "true",
                "email", "musteri@example.com",
                "usage", "MULTI",
                "description", "Kasım faturası",
                "payerNoteEnabled", "true"));

        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).matches(".*/links/lnk_[0-9A-Z]{26}");
        String id = linkIdFrom(saved.location());

        Page detail = session.get(session.relative(saved.location()));
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.document().selectFirst("#link-created")).isNotNull();
        String url = detail.document().selectFirst("input#link-url").val();
        assertThat(url).contains("/pay/");
        assertThat(detail.document().select("figure.qr svg path[d]")).hasSize(1);
        // the copy buttons copy exactly this URL, on the detail page and in the list
        assertThat(detail.document().selectFirst("button.copy").attr("data-copy")).isEqualTo(url);
        assertThat(session.get("/links").document().selectFirst("tr[data-link-id=" + id + "] button.copy").attr("data-copy"))
                .isEqualTo(url);
        assertThat(detail.text()).contains(orderNumber, "1.250,50 TL", "3 taksit", "Çok Kullanımlık", "Kasım faturası",
                from.format(DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")),
                until.format(DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")));
        // the recipients masked, as the deliveries below them are
        assertThat(detail.document().selectFirst("#link-recipients").text()).isEqualTo("+90 532 *** ** 67 m******@example.com");
        assertThat(detail.body()).doesNotContain("5321234567").doesNotContain("musteri@example.com");

        JsonNode link = apiLink(merchant, id);
        assertThat(link.path("url").asString()).isEqualTo(url);
        assertThat(link.path("orderNumber").asString()).isEqualTo(orderNumber);
        assertThat(link.path("amount").asString()).isEqualTo("1250.50");
        assertThat(link.path("currency").asString()).isEqualTo("TRY");
        assertThat(link.path("installments").asInt()).isEqualTo(3);
        assertThat(link.path("usage").asString()).isEqualTo("MULTI");
        assertThat(link.path("description").asString()).isEqualTo("Kasım faturası");
        assertThat(link.path("payerNoteEnabled").asBoolean()).isTrue();
        // [L6] the typed times are Istanbul wall-clock times (UTC+3), not UTC
        assertThat(Instant.parse(link.path("validFrom").asString())).isEqualTo(from.atZone(ISTANBUL).toInstant())
                .isNotEqualTo(from.toInstant(ZoneOffset.UTC));
        assertThat(Instant.parse(link.path("validUntil").asString())).isEqualTo(until.atZone(ISTANBUL).toInstant());
        assertThat(link.path("status").asString()).isEqualTo("SCHEDULED");

        Map<String, Object> stored = jdbc.sql("SELECT amount_minor, notify_sms, notify_email FROM links WHERE id = ?")
                .param(id).query().singleRow();
        assertThat(stored).containsEntry("amount_minor", 125050L)
                .containsEntry("notify_sms", "+905321234567")
                .containsEntry("notify_email", "musteri@example.com");
    }

    @Test
    @DisplayName("[L3][L6][L7] form errors stand beside their fields in Turkish, and nothing is created")
    void invalidFieldsAreShownBesideTheFields() {
        Merchant merchant = api.newMerchant();
        PortalSession session = loggedIn(merchant);

        Document page = refusedNewLink(session, invalidLinkForm());

        assertThat(page.selectFirst("#form-errors").text()).contains("Lütfen işaretli alanları düzeltin.");
        assertThat(fieldError(page, "amount")).isEqualTo("Tutar sıfırdan büyük olmalıdır.");
        assertThat(fieldError(page, "validUntil")).isEqualTo("Bitiş tarihi geçmişte olamaz.");
        assertThat(fieldError(page, "sms")).startsWith("SMS yalnızca Türkiye’de kayıtlı cep telefonlarına gönderilebilir")
                .contains("linki kopyalayıp kendiniz gönderebilirsiniz");
        assertThat(fieldError(page, "email")).isEqualTo("Geçerli bir e-posta adresi girin.");
        assertThat(page.selectFirst("#amount").attr("aria-invalid")).isEqualTo("true");
        // what was typed is kept, so the merchant only fixes the wrong fields
        assertThat(page.selectFirst("#sms").val()).isEqualTo("+49 151 1234 5678");
        assertThat(page.selectFirst("#description").text()).isEqualTo("Hatalı form");
        assertThat(linkCount(merchant)).isZero();
    }

    @Test
    @DisplayName("money is typed the page's way: 1.25 on a Turkish page is refused, never read as 1,25 or 125")
    void amountsFollowThePagesConvention() {
        Merchant merchant = api.newMerchant();
        PortalSession session = loggedIn(merchant);
        for (String typed : new String[] {"1.25", "12.5", "1250.50"}) {
            Document refused = refusedNewLink(session, minimalLinkForm(TestData.unique("ORDER"), typed));
            assertThat(fieldError(refused, "amount")).as(typed).isEqualTo("Tutar geçerli bir sayı değil.");
            assertThat(refused.selectFirst("#amount").val()).as("kept as typed").isEqualTo(typed);
        }
        // the largest amount named the way the page writes money, not the API's "92233720368547758.07 TRY"
        Document tooLarge = refusedNewLink(session, minimalLinkForm(TestData.unique("ORDER"), "100.000.000.000.000.000,00"));
        assertThat(fieldError(tooLarge, "amount")).isEqualTo("Tutar çok büyük: TL için en çok 92.233.720.368.547.758,07 girilebilir.");
        assertThat(linkCount(merchant)).isZero();
    }

    @Test
    @DisplayName("[L6] an end before the typed start is refused beside the end date, and nothing is created")
    void endBeforeStartIsRefused() {
        Merchant merchant = api.newMerchant();
        PortalSession session = loggedIn(merchant);
        LocalDateTime start = LocalDateTime.now(ISTANBUL).plusDays(2).truncatedTo(ChronoUnit.MINUTES);
        Map<String, String> fields = minimalLinkForm(TestData.unique("ORDER"), "100");
        fields.put("validFrom", start.format(DATETIME_LOCAL));
        fields.put("validUntil", start.minusDays(1).format(DATETIME_LOCAL));

        Document refused = refusedNewLink(session, fields);

        assertThat(fieldError(refused, "validUntil")).isEqualTo("Bitiş tarihi başlangıç tarihinden sonra olmalıdır.");
        assertThat(refused.select("p.field-error")).hasSize(1);
        assertThat(linkCount(merchant)).isZero();
    }

    @Test
    @DisplayName("Bad input: values the form cannot read are refused beside their fields, never guessed")
    void unreadableValuesAreRefused() {
        Merchant merchant = api.newMerchant();
        PortalSession session = loggedIn(merchant);
        Map<String, String> fields = minimalLinkForm(TestData.unique("BAD"), "10");
        fields.put("installments", "abc");
        fields.put("smsEnabled", "maybe");
        fields.put("validFrom", "yarın");
        Document refused = refusedNewLink(session, fields);

        assertThat(fieldError(refused, "installments")).isEqualTo("Bu alanın değeri okunamadı.");
        assertThat(fieldError(refused, "validFrom")).isEqualTo("Tarih okunamadı.");
        assertThat(refused.select("p.field-error").eachText()).noneMatch(text -> text.contains("Exception"));
        assertThat(linkCount(merchant)).isZero();
    }

    @Test
    @DisplayName("[L1] an order number used before is refused beside the field, and nothing is created")
    void usedOrderNumberIsRefused() {
        Merchant merchant = api.newMerchant();
        PortalSession session = loggedIn(merchant);
        String orderNumber = TestData.unique("SIP");
        createThroughForm(session, minimalLinkForm(orderNumber, "100"));

        Document refused = refusedNewLink(session, minimalLinkForm(orderNumber, "200"));

        assertThat(fieldError(refused, "orderNumber"))
                .isEqualTo(orderNumber + " sipariş numarası daha önce kullanıldı; kullanılmış numaralar tekrar kullanılamaz.");
        assertThat(linkCount(merchant)).isOne();

        // a used number is named together with the other mistakes, not after they are mended
        Document both = refusedNewLink(session, minimalLinkForm(orderNumber, "0"));
        assertThat(fieldError(both, "orderNumber")).contains("daha önce kullanıldı");
        assertThat(fieldError(both, "amount")).isEqualTo("Tutar sıfırdan büyük olmalıdır.");
        assertThat(linkCount(merchant)).isOne();
    }

    @Test
    @DisplayName("[L3][L6][L7] after ?lang=en the same form errors are in English")
    void formErrorsFollowTheChosenLanguage() {
        Merchant merchant = api.newMerchant();
        PortalSession session = loggedIn(merchant);
        Page english = session.get("/links?lang=en");
        assertThat(english.document().selectFirst("html").attr("lang")).isEqualTo("en");

        Document page = refusedNewLink(session, invalidLinkForm());

        assertThat(page.selectFirst("#form-errors").text()).contains("Please correct the marked fields.");
        assertThat(fieldError(page, "amount")).isEqualTo("The amount must be greater than zero.");
        assertThat(fieldError(page, "validUntil")).isEqualTo("The end cannot be in the past.");
        assertThat(fieldError(page, "sms")).startsWith("SMS can be sent only to Turkish mobile numbers");
        assertThat(fieldError(page, "email")).isEqualTo("Enter a valid e-mail address.");
        assertThat(linkCount(merchant)).isZero();
    }

    @Test
    @DisplayName("[L2] a currency without the bank's permission says to contact the branch; [L4] installments above the maximum are refused")
    void currencyAndInstallmentsNeedTheBanksPermission() {
        Merchant merchant = api.newMerchant(List.of(), 1);
        PortalSession session = loggedIn(merchant);
        Page newForm = session.get("/links/new");
        assertThat(newForm.document().select("#currency option").eachAttr("value")).containsExactly("TRY");
        assertThat(newForm.document().select("#installments option").eachAttr("value")).containsExactly("1");

        Map<String, String> usd = minimalLinkForm(TestData.unique("USD"), "100");
        usd.put("currency", "USD");
        Page currencyRefused = session.post("/links", usd);

        assertThat(currencyRefused.status()).isEqualTo(200);
        assertThat(fieldError(currencyRefused.document(), "currency"))
                .contains("USD ile tahsilat için Döviz POS yetkiniz yok", "şubenizle iletişime geçiniz");

        Map<String, String> threeInstallments = minimalLinkForm(TestData.unique("TAK"), "100");
        threeInstallments.put("installments", "3");
        Page installmentsRefused = session.post("/links", threeInstallments);

        assertThat(installmentsRefused.status()).isEqualTo(200);
        assertThat(fieldError(installmentsRefused.document(), "installments"))
                .isEqualTo("Taksit sayısı, bankanın tanımladığı azami 1 taksiti aşamaz.");
        assertThat(linkCount(merchant)).isZero();
    }

    // ---------------------------------------------------------------- pencil [M3], X [M4]

    @Test
    @DisplayName("[M3] pencil: the edit form shows the values; saving changes them and keeps the URL")
    void editKeepsTheUrlAndChangesTheValues() {
        Merchant merchant = api.newMerchant();
        PortalSession session = loggedIn(merchant);
        String orderNumber = TestData.unique("EDIT");
        Map<String, String> fields = minimalLinkForm(orderNumber, "1.250,50");
        fields.put("description", "İlk açıklama");
        String id = createThroughForm(session, fields);
        JsonNode before = apiLink(merchant, id);

        Page edit = session.get("/links/" + id + "/edit");
        assertThat(edit.status()).isEqualTo(200);
        assertThat(edit.document().selectFirst("#amount").val()).isEqualTo("1.250,50");
        assertThat(edit.document().selectFirst("#orderNumber").val()).isEqualTo(orderNumber);
        assertThat(edit.document().selectFirst("#orderNumber").hasAttr("readonly")).isTrue();
        assertThat(edit.document().selectFirst("#description").text()).isEqualTo("İlk açıklama");
        assertThat(edit.document().selectFirst("#link-form").attr("action")).isEqualTo("/links/" + id);

        Map<String, String> changed = formData(edit, "#link-form");
        changed.put("amount", "2.000,75");
        changed.put("description", "Güncel açıklama");
        Page saved = session.post("/links/" + id, changed);

        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).endsWith("/links/" + id);
        assertThat(session.get("/links/" + id).document().selectFirst("#link-updated")).isNotNull();
        JsonNode after = apiLink(merchant, id);
        assertThat(after.path("url").asString()).isEqualTo(before.path("url").asString());
        assertThat(after.path("orderNumber").asString()).isEqualTo(orderNumber);
        assertThat(after.path("amount").asString()).isEqualTo("2000.75");
        assertThat(after.path("description").asString()).isEqualTo("Güncel açıklama");
        assertThat(after.path("validFrom").asString()).isEqualTo(before.path("validFrom").asString());
        assertThat(after.path("validUntil").asString()).isEqualTo(before.path("validUntil").asString());
        assertThat(after.path("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    @DisplayName("[M3] after a payment the amount is frozen (with the reason), while the description can still change")
    void amountIsFrozenAfterAPayment() {
        Merchant merchant = api.newMerchant();
        PortalSession session = loggedIn(merchant);
        Map<String, String> fields = minimalLinkForm(TestData.unique("PAID"), "1.250,50");
        fields.put("usage", "MULTI");
        String id = createThroughForm(session, fields);
        markPaid(id);

        Page edit = session.get("/links/" + id + "/edit");
        assertThat(edit.document().selectFirst("p.alert.info").text())
                .isEqualTo("Bu link ile ödeme alındığı için tutar, döviz cinsi, taksit sayısı ve kullanım tipi değiştirilemez.");
        Map<String, String> newAmount = formData(edit, "#link-form");
        newAmount.put("amount", "999,00");
        Page refused = session.post("/links/" + id, newAmount);

        assertThat(refused.status()).isEqualTo(200);
        assertThat(fieldError(refused.document(), "amount"))
                .isEqualTo("Bu link ile ödeme alındığı için tutar, döviz cinsi, taksit sayısı ve kullanım tipi değiştirilemez.");
        assertThat(apiLink(merchant, id).path("amount").asString()).isEqualTo("1250.50");

        Map<String, String> newDescription = formData(session.get("/links/" + id + "/edit"), "#link-form");
        newDescription.put("description", "Yalnızca açıklama değişti");
        Page saved = session.post("/links/" + id, newDescription);

        assertThat(saved.status()).isEqualTo(302);
        JsonNode after = apiLink(merchant, id);
        assertThat(after.path("description").asString()).isEqualTo("Yalnızca açıklama değişti");
        assertThat(after.path("amount").asString()).isEqualTo("1250.50");
        assertThat(after.path("paymentCount").asInt()).isEqualTo(1);
    }

    @Test
    @DisplayName("[M4] X asks for confirmation, then deletes: DELETED, the payment page says so, the order number stays taken")
    void deleteAfterConfirmation() {
        Merchant merchant = api.newMerchant();
        PortalSession session = loggedIn(merchant);
        String orderNumber = TestData.unique("DEL");
        String id = createThroughForm(session, minimalLinkForm(orderNumber, "75"));
        String token = tokenOf(id);

        Page confirm = session.get("/links/" + id + "/delete");
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.document().selectFirst("#delete-form").text()).contains(orderNumber, "silinecek");
        assertThat(confirm.document().selectFirst("#delete-form").attr("action")).isEqualTo("/links/" + id + "/delete");
        assertThat(apiLink(merchant, id).path("status").asString())
                .as("opening the confirmation deletes nothing").isEqualTo("ACTIVE");

        Page deleted = session.post("/links/" + id + "/delete", Map.of());

        assertThat(deleted.status()).isEqualTo(302);
        assertThat(deleted.location()).endsWith("/links");
        assertThat(session.get("/links").text()).contains(orderNumber + " numaralı link silindi.");
        assertThat(apiLink(merchant, id).path("status").asString()).isEqualTo("DELETED");
        Page payment = new PortalSession(port).get("/pay/" + token);
        assertThat(payment.document().selectFirst("#link-unavailable").attr("data-reason")).isEqualTo("DELETED");
        assertThat(payment.document().select("input[name=cardNumber]")).isEmpty();

        // the pencil of a deleted link leads back to the link, saying why it cannot change
        Page edit = session.get("/links/" + id + "/edit");
        assertThat(edit.status()).isEqualTo(302);
        Page detail = session.get(session.relative(edit.location()));
        assertThat(detail.document().select("#link-not-editable").text())
                .isEqualTo("Silinmiş bir link değiştirilemez.");

        Document reuse = refusedNewLink(session, minimalLinkForm(orderNumber, "75"));
        assertThat(fieldError(reuse, "orderNumber")).contains(orderNumber, "daha önce kullanıldı");
        assertThat(linkCount(merchant)).isOne();
    }

    // ---------------------------------------------------------------- list [M1]

    @Test
    @DisplayName("[M1] the list pages by 20 and filters by status and order-number prefix")
    void listPagesAndFilters() {
        Merchant merchant = api.newMerchant();
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            ids.add(createThroughApi(merchant, "PG-" + i));
        }
        String deletedId = ids.get(7);
        assertThat(api.delete(merchant.key(), "/api/v1/links/" + deletedId).status()).isEqualTo(200);
        PortalSession session = loggedIn(merchant);

        Page first = session.get("/links");
        Page second = session.get("/links?page=2");
        assertThat(linkIdsOn(first)).hasSize(20);
        assertThat(linkIdsOn(second)).hasSize(5);
        List<String> both = new ArrayList<>(linkIdsOn(first));
        both.addAll(linkIdsOn(second));
        assertThat(both).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(first.text()).contains("Toplam 25 link", "Sayfa 1 / 2");
        assertThat(first.document().select("nav.paging a[rel=next]").attr("href")).contains("page=2");

        Page deleted = session.get("/links?status=DELETED");
        assertThat(linkIdsOn(deleted)).containsExactly(deletedId);
        assertThat(deleted.document().selectFirst("#f-status option[selected]").val()).isEqualTo("DELETED");
        Page active = session.get("/links?status=ACTIVE");
        assertThat(active.text()).contains("Toplam 24 link");
        assertThat(linkIdsOn(active)).hasSize(20).doesNotContain(deletedId);
        // on paper: the filters and the time in place of the controls; «Kopyala» leaves the actions out
        assertThat(active.document().selectFirst("#print-criteria").text()).startsWith("Yazdırma: ").contains("Durum: Aktif");
        assertThat(active.document().selectFirst("#links-table th.row-actions")).isNotNull();

        Page prefix = session.get("/links?orderNumber=PG-1");
        assertThat(orderNumbersOn(prefix)).containsExactlyInAnyOrder(
                "PG-1", "PG-10", "PG-11", "PG-12", "PG-13", "PG-14", "PG-15", "PG-16", "PG-17", "PG-18", "PG-19");
        Page prefixAndStatus = session.get("/links?orderNumber=PG-2&status=ACTIVE");
        assertThat(orderNumbersOn(prefixAndStatus)).containsExactlyInAnyOrder("PG-2", "PG-20", "PG-21", "PG-22",
                "PG-23", "PG-24", "PG-25");

        // creation date range, in Istanbul days
        LocalDate firstDay = istanbulDay(apiLink(merchant, ids.get(0)).path("createdAt").asString());
        LocalDate lastDay = istanbulDay(apiLink(merchant, ids.get(24)).path("createdAt").asString());
        assertThat(session.get("/links?from=" + firstDay + "&to=" + lastDay).text()).contains("Toplam 25 link");
        Page before = session.get("/links?to=" + firstDay.minusDays(1));
        assertThat(linkIdsOn(before)).isEmpty();
        assertThat(before.text()).contains("Toplam 0 link", "Bu kriterlere uyan link yok.");
    }

    // ---------------------------------------------------------------- isolation and roles

    @Test
    @DisplayName("Isolation: merchant B gets 404 for merchant A's link, its edit form and its delete; A's link is untouched")
    void anotherMerchantsLinkIsNotFound() {
        Merchant a = api.newMerchant();
        Merchant b = api.newMerchant();
        String idA = createThroughApi(a, TestData.unique("ISO"));
        JsonNode before = apiLink(a, idA);
        PortalSession sessionB = loggedIn(b);

        Page detail = sessionB.get("/links/" + idA);
        Page edit = sessionB.get("/links/" + idA + "/edit");
        Page confirm = sessionB.get("/links/" + idA + "/delete");
        sessionB.get("/links");
        Page delete = sessionB.post("/links/" + idA + "/delete", Map.of());
        sessionB.get("/links");
        Page update = sessionB.post("/links/" + idA, minimalLinkForm(before.path("orderNumber").asString(), "1"));

        assertThat(detail.status()).isEqualTo(404);
        assertThat(edit.status()).isEqualTo(404);
        assertThat(confirm.status()).isEqualTo(404);
        assertThat(delete.status()).isEqualTo(404);
        assertThat(update.status()).isEqualTo(404);
        assertThat(detail.text()).contains("Aradığınız sayfa bulunamadı.");
        assertThat(detail.body()).doesNotContain(before.path("url").asString(), before.path("orderNumber").asString());
        JsonNode after = apiLink(a, idA);
        assertThat(after.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(after.path("amount").asString()).isEqualTo(before.path("amount").asString());
        assertThat(after.path("updatedAt").asString()).isEqualTo(before.path("updatedAt").asString());
    }

    @Test
    @DisplayName("[B1] Roles: the bank user lands on /bank/merchants and onboards a merchant whose admin can log in")
    void bankUserOnboardsAMerchant() {
        PortalSession bank = new PortalSession(port);
        Page loggedIn = bank.login("bank", TestData.BANK_PASSWORD);
        assertThat(bank.get(bank.relative(loggedIn.location())).location()).endsWith("/bank/merchants");
        Page merchants = bank.get("/bank/merchants");
        assertThat(merchants.status()).isEqualTo(200);
        assertThat(merchants.document().select("#merchants-table td a").eachText()).contains("Demo Toptancı A.Ş.");

        String username = TestData.unique("newadmin");
        String name = "Yeni Toptancı " + username;
        Page saved = bank.post("/bank/merchants", form("name", name, "email", "yeni@example.com",
                "foreignCurrencies", "USD", "maxInstallments", "6",
                "adminUsername", username, "adminPassword", "a-good-password-2"));

        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).endsWith("/bank/merchants");
        Page after = bank.get("/bank/merchants");
        assertThat(after.text()).contains(name + " kaydedildi.");
        Element row = after.document().select("#merchants-table tbody tr").stream()
                .filter(tr -> tr.text().contains(name)).findFirst().orElseThrow();
        assertThat(row.text()).contains("yeni@example.com", "USD", "6");

        PortalSession newAdmin = new PortalSession(port);
        Page adminHome = newAdmin.get(newAdmin.relative(newAdmin.login(username, "a-good-password-2").location()));
        assertThat(adminHome.location()).endsWith("/dashboard");
        Page newForm = newAdmin.get("/links/new");
        assertThat(newForm.document().select("#currency option").eachAttr("value")).containsExactly("TRY", "USD");
        assertThat(newForm.document().select("#installments option")).hasSize(6);
    }

    @Test
    @DisplayName("Roles: a merchant user gets 403 for the bank's pages")
    void merchantUserCannotOpenBankPages() {
        Merchant merchant = api.newMerchant();
        PortalSession session = loggedIn(merchant);

        Page page = session.get("/bank/merchants");

        assertThat(page.status()).isEqualTo(403);
        assertThat(page.document().select("#merchants-table")).isEmpty();
        assertThat(page.text()).contains("Bu sayfayı görme yetkiniz yok.");
    }

    // ---------------------------------------------------------------- helpers

    private PortalSession loggedIn(Merchant merchant) {
        PortalSession session = new PortalSession(port);
        Page loggedIn = session.login(merchant.username(), merchant.password());
        assertThat(loggedIn.location()).as("login of %s", merchant.username()).doesNotContain("error");
        assertThat(session.get(session.relative(loggedIn.location())).location()).endsWith("/dashboard");
        return session;
    }

    /** Opens «Yeni Ekle» and posts the form, which is refused: the form again (200), with its errors. */
    private static Document refusedNewLink(PortalSession session, Map<String, String> fields) {
        session.get("/links/new");
        Page refused = session.post("/links", fields);
        assertThat(refused.status()).as("a refused form is shown again: %s", refused.text()).isEqualTo(200);
        return refused.document();
    }

    /** Opens «Yeni Ekle», posts the form and returns the new link's id. */
    private static String createThroughForm(PortalSession session, Map<String, String> fields) {
        session.get("/links/new");
        Page saved = session.post("/links", fields);
        assertThat(saved.status()).as("link created: %s", saved.text()).isEqualTo(302);
        session.get(session.relative(saved.location())); // a browser follows the redirect to the new link
        return linkIdFrom(saved.location());
    }

    private String createThroughApi(Merchant merchant, String orderNumber) {
        Api.Response created = api.post(merchant.key(), "/api/v1/links",
                Api.json(Map.of("orderNumber", orderNumber, "amount", "10.00")));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private static Map<String, String> minimalLinkForm(String orderNumber, String amount) {
        return form("orderNumber", orderNumber, "currency", "TRY", "amount", amount, "installments", "1",
                "usage", "SINGLE");
    }

    /** Four wrong fields at once: the form shows them all. */
    private static Map<String, String> invalidLinkForm() {
        Map<String, String> fields = minimalLinkForm(TestData.unique("BAD"), "0");
        fields.put("validUntil", LocalDateTime.now(ISTANBUL).minusDays(1).format(DATETIME_LOCAL));
        fields.put("smsEnabled", "true");
        fields.put("sms", "+49 151 1234 5678");
        fields.put("emailEnabled", "true");
        fields.put("email", "musteri@@example");
        fields.put("description", "Hatalı form");
        return fields;
    }

    private static Map<String, String> form(String... keysAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            fields.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return fields;
    }

    /** What a browser would submit for the form as the page shows it (disabled fields left out). */
    private static Map<String, String> formData(Page page, String formSelector) {
        FormElement form = (FormElement) page.document().selectFirst(formSelector);
        assertThat(form).as("form %s", formSelector).isNotNull();
        Map<String, String> fields = new LinkedHashMap<>();
        form.formData().forEach(field -> fields.put(field.key(), field.value()));
        return fields;
    }

    private static String fieldError(Document page, String field) {
        Element error = page.selectFirst("p.field-error#" + field + "-error");
        assertThat(error).as("field error for %s in %s", field, page.select("p.field-error").eachText()).isNotNull();
        return error.text();
    }

    private static List<String> linkIdsOn(Page page) {
        return page.document().select(LINK_ROWS).eachAttr("data-link-id");
    }

    private static List<String> orderNumbersOn(Page page) {
        return page.document().select(LINK_ROWS + " td:first-child a").eachText();
    }

    private static String linkIdFrom(String location) {
        return location.substring(location.lastIndexOf("/links/") + "/links/".length());
    }

    private static LocalDate istanbulDay(String instant) {
        return Instant.parse(instant).atZone(ISTANBUL).toLocalDate();
    }

    private static void assertRedirectsToLogin(Page page) {
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/login");
    }

    private JsonNode apiLink(Merchant merchant, String id) {
        Api.Response response = api.get(merchant.key(), "/api/v1/links/" + id);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    private long linkCount(Merchant merchant) {
        return jdbc.sql("SELECT count(*) FROM links WHERE merchant_id = ?").param(merchant.id()).query(Long.class).single();
    }

    private String tokenOf(String linkId) {
        return jdbc.sql("SELECT token FROM links WHERE id = ?").param(linkId).query(String.class).single();
    }

    /** A successful payment, as the checkout module will record it. */
    private void markPaid(String linkId) {
        jdbc.sql("UPDATE links SET payment_count = 1, collected_minor = amount_minor WHERE id = ?").param(linkId).update();
    }
}
