package com.linkpos.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.Api.Merchant;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.Payer;
import com.linkpos.support.PortalSession;
import com.linkpos.support.PortalSession.Page;
import com.linkpos.support.TestData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Raporlar and Provizyon İptal/İade through real HTTP, as a merchant with a browser uses them:
 * İşlem Arama with its criteria, keyset pages and magnifier [R1], LinkPOS Raporu [R2], void and
 * refund with confirmation [R3], and the bank operator's end of day [R4].
 */
@LinkPosTest
class ReportsPortalTest {

    private static final ZoneId ISTANBUL = ZoneId.of("Europe/Istanbul");
    private static final DateTimeFormatter SCREEN_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final String TX_ROWS = "#transactions-table tbody tr[data-transaction-id]";
    private static final String REVERSAL_ROWS = "#reversals-table tbody tr[data-transaction-id]";
    private static final String LINK_ROWS = "#link-report-table tbody tr[data-link-id]";

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    // ---------------------------------------------------------------- helpers

    /** A link of the merchant, with an order number of the prefix. */
    private Api.CreatedLink link(Merchant merchant, String prefix, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("orderNumber", TestData.unique(prefix));
        return api.newLink(merchant, body);
    }

    private String pay(String token, String card, String note, boolean approved) {
        return new Payer(port).pay(token, card, note, approved);
    }

    /** An approved sale and the single-use link it paid. */
    private record PaidSale(String id, Api.CreatedLink link) {
    }

    private PaidSale sale(Merchant merchant, String amount) {
        Api.CreatedLink link = link(merchant, "SALE", Map.of("amount", amount));
        return new PaidSale(pay(link.token(), "4155650100416111", null, true), link);
    }

    private PortalSession admin(Merchant merchant) {
        return PortalSession.loggedIn(port, merchant);
    }

    private static Page ok(Page page) {
        assertThat(page.status()).as("%s", page.text()).isEqualTo(200);
        return page;
    }

    private static List<String> rowIds(Page page, String rows) {
        return page.document().select(rows).eachAttr("data-transaction-id");
    }

    private List<String> search(PortalSession session, String query) {
        return rowIds(ok(session.get("/reports/transactions" + (query.isEmpty() ? "" : "?" + query))), TX_ROWS);
    }

    private static Element row(Page page, String rows, String id) {
        Element row = page.document().selectFirst(rows.replace("[data-transaction-id]", "[data-transaction-id=" + id + "]"));
        assertThat(row).as("row of %s on %s", id, page.text()).isNotNull();
        return row;
    }

    /** The term → description pairs of the magnifier's details. */
    private static Map<String, String> details(Page page) {
        Element dl = page.document().selectFirst("#transaction-details");
        assertThat(dl).as("details on %s", page.text()).isNotNull();
        Map<String, String> details = new LinkedHashMap<>();
        for (Element dt : dl.select("dt")) {
            details.put(dt.text(), dt.nextElementSibling().text());
        }
        return details;
    }

    /** Submits a form of the page as a browser would: its inputs, to its action. */
    private static Page submit(PortalSession session, Page page, String formSelector) {
        Element form = page.document().selectFirst(formSelector);
        assertThat(form).as("form %s on %s", formSelector, page.text()).isNotNull();
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            fields.put(input.attr("name"), input.val());
        }
        assertThat(form.attr("method")).isEqualToIgnoringCase("post");
        String token = fields.remove("_csrf");
        return session.postWithToken(form.attr("action"), fields, token);
    }

    private JsonNode transaction(Merchant merchant, String id) {
        Api.Response response = api.get(merchant.key(), "/api/v1/transactions/" + id);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private List<JsonNode> apiSearch(Merchant merchant, String query) {
        Api.Response response = api.get(merchant.key(), "/api/v1/transactions?limit=500&" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("data").valueStream().toList();
    }

    private void endOfDay() {
        Api.Response closed = api.post(TestData.BANK_KEY, "/api/v1/admin/batches/close", null);
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
    }

    private static String screenTime(Instant instant) {
        return SCREEN_TIME.format(instant.atZone(ISTANBUL));
    }

    // ---------------------------------------------------------------- İşlem Arama [R1]

    @Test
    @DisplayName("İşlem Arama: today by default, the logged-in merchant's transactions only, each criterion filters")
    void transactionSearchCriteria() {
        Merchant merchant = api.newMerchant(List.of("USD"), 12);
        Merchant other = api.newMerchant();
        Api.CreatedLink a = link(merchant, "ARA-A", Map.of("amount", "1250.50", "payerNoteEnabled", true));
        Api.CreatedLink b = link(merchant, "ARA-B", Map.of("amount", "18900.00", "usage", "MULTI"));
        Api.CreatedLink c = link(merchant, "ARA-C", Map.of("amount", "50.00", "currency", "USD"));
        String saleA = pay(a.token(), "4155650100416111", "Kasım faturası", true);
        String saleB = pay(b.token(), "5456160000000000", null, true);
        String declinedB = pay(b.token(), "4000000000009995", null, false);
        String saleC = pay(c.token(), "4111111111111111", null, true);
        String otherSale = sale(other, "1250.50").id();
        String authA = transaction(merchant, saleA).path("authCode").asString();
        PortalSession session = admin(merchant);

        Page today = ok(session.get("/reports/transactions"));
        assertThat(rowIds(today, TX_ROWS)).containsExactly(saleC, declinedB, saleB, saleA);
        assertThat(rowIds(today, TX_ROWS)).doesNotContain(otherSale);
        // shown and typed as Turkish is written, whatever the browser's own language
        String day = LocalDate.now(ISTANBUL).format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
        assertThat(today.document().selectFirst("#s-from").val()).isEqualTo(day);
        assertThat(today.document().selectFirst("#s-from").attr("placeholder")).isEqualTo("gg.aa.yyyy");
        assertThat(today.document().selectFirst("#s-to").val()).isEqualTo(day);
        assertThat(today.document().select(".alert.error")).isEmpty();
        assertThat(today.document().selectFirst("#next-page")).isNull();
        // what a row shows
        List<String> cellsA = row(today, TX_ROWS, saleA).select("td").stream().map(Element::text).toList();
        assertThat(cellsA.get(1)).isEqualTo("Satış");
        assertThat(cellsA.get(2)).isEqualTo("Onaylandı");
        assertThat(cellsA.get(3)).isEqualTo(a.orderNumber());
        assertThat(cellsA.get(4)).isEqualTo("1.250,50 TL");
        assertThat(cellsA.get(6)).isEqualTo("415565******6111");
        assertThat(cellsA.get(7)).isEqualTo(authA);
        assertThat(cellsA.get(8)).as("the code with its words").startsWith("00 ");
        assertThat(row(today, TX_ROWS, saleA).selectFirst("a.magnifier").attr("href")).isEqualTo("/reports/transactions/" + saleA);
        List<String> declinedCells = row(today, TX_ROWS, declinedB).select("td").stream().map(Element::text).toList();
        assertThat(declinedCells.get(2)).isEqualTo("Reddedildi");
        assertThat(declinedCells.get(8)).isEqualTo("51 Limit yetersiz");
        assertThat(row(today, TX_ROWS, saleC).select("td").get(4).text()).isEqualTo("50,00 USD");

        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("orderNumber=" + a.orderNumber(), List.of(saleA));
        expected.put("orderNumber=" + b.orderNumber(), List.of(declinedB, saleB));
        expected.put("status=DECLINED", List.of(declinedB));
        expected.put("status=APPROVED", List.of(saleC, saleB, saleA));
        expected.put("type=SALE", List.of(saleC, declinedB, saleB, saleA));
        expected.put("type=VOID", List.of());
        expected.put("currency=USD", List.of(saleC));
        expected.put("currency=TRY", List.of(declinedB, saleB, saleA));
        expected.put("minAmount=1000&maxAmount=2000", List.of(saleA));
        expected.put("minAmount=1250,50&maxAmount=1250,50", List.of(saleA));
        expected.put("minAmount=18900", List.of(declinedB, saleB));
        expected.put("maxAmount=50", List.of(saleC));
        expected.put("cardLast4=6111", List.of(saleA));
        expected.put("cardLast4=9995", List.of(declinedB));
        expected.put("cardLast4=0000", List.of(saleB));
        expected.put("authCode=" + authA, List.of(saleA));
        expected.put("linkId=" + b.id(), List.of(declinedB, saleB));
        expected.put("linkId=" + b.id() + "&status=APPROVED", List.of(saleB));
        expected.put("from=" + day + "&to=" + day, List.of(saleC, declinedB, saleB, saleA));
        expected.put("from=" + LocalDate.now(ISTANBUL).minusDays(3) + "&to=" + LocalDate.now(ISTANBUL).minusDays(1), List.of());
        expected.put("from=" + LocalDate.now(ISTANBUL).plusDays(1), List.of());
        expected.put("from=2020-01-01", List.of(saleC, declinedB, saleB, saleA));
        // another merchant's link or order number finds nothing here
        expected.put("orderNumber=" + transaction(other, otherSale).path("orderNumber").asString(), List.of());
        expected.put("linkId=" + transaction(other, otherSale).path("linkId").asString(), List.of());
        expected.forEach((query, ids) -> {
            Page page = ok(session.get("/reports/transactions?" + query));
            assertThat(rowIds(page, TX_ROWS)).as("İşlem Arama with %s", query).containsExactlyElementsOf(ids);
            assertThat(page.document().select(".alert.error")).as("no error for %s", query).isEmpty();
            if (ids.isEmpty()) {
                assertThat(page.document().select("#transactions-table tbody tr").text()).isEqualTo("Bu kriterlere uyan işlem yok.");
            }
        });
        // the form keeps the criteria it searched with, amounts as the page writes them
        Page amounts = session.get("/reports/transactions?minAmount=1250,50");
        assertThat(amounts.document().selectFirst("#s-min").val()).isEqualTo("1.250,50");
        assertThat(amounts.document().selectFirst("#export-csv").attr("href")).contains("minAmount=1.250,50");
        assertThat(rowIds(ok(session.get("/reports/transactions?minAmount=1.250,50")), TX_ROWS)).contains(saleA);
        Page filtered = session.get("/reports/transactions?status=DECLINED&cardLast4=9995&currency=TRY");
        assertThat(filtered.document().selectFirst("#s-status option[selected]").val()).isEqualTo("DECLINED");
        assertThat(filtered.document().selectFirst("#s-currency option[selected]").val()).isEqualTo("TRY");
        assertThat(filtered.document().selectFirst("#s-last4").val()).isEqualTo("9995");
    }

    @Test
    @DisplayName("İşlem Arama: unreadable criteria show an error and no rows, never a 500")
    void badCriteriaShowAnError() {
        Merchant merchant = api.newMerchant();
        sale(merchant, "10.00");
        PortalSession session = admin(merchant);
        assertThat(search(session, "")).hasSize(1);
        // the form as a browser sends it, every field there and empty: no criterion, not an error
        assertThat(search(session, "from=&to=&orderNumber=&status=&type=&currency=&minAmount=&maxAmount=&cardLast4=&authCode="))
                .hasSize(1);

        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("cardLast4=12a", "Kartın son 4 hanesini girin.");
        errors.put("cardLast4=123", "Kartın son 4 hanesini girin.");
        errors.put("minAmount=100&maxAmount=5", "En çok tutar en az tutardan küçük olamaz.");
        errors.put("minAmount=abc", "Tutar geçerli bir sayı değil.");
        errors.put("maxAmount=1.5.5", "Tutar geçerli bir sayı değil.");
        errors.put("minAmount=12.5", "Tutar geçerli bir sayı değil."); // not the Turkish way: never read as 12,5 or 125
        errors.put("from=2026-13-45", "Tarih okunamadı.");
        errors.put("from=2026-11-27&to=2026-11-01", "Bitiş tarihi başlangıçtan sonra olmalıdır.");
        errors.put("status=PAID", "Durum APPROVED veya DECLINED olmalıdır.");
        errors.put("type=CHARGEBACK", "İşlem tipi SALE, VOID, REFUND, PRE_AUTH veya CAPTURE olmalıdır.");
        errors.put("currency=XYZ", "XYZ geçerli bir döviz cinsi değil");
        errors.put("orderNumber=%3Cscript%3E", "Sipariş numarası 1–64 karakter olmalı ve yalnızca harf, rakam, - ve _ içermelidir.");
        errors.put("orderNumber=S%C4%B0P-1001", "Sipariş numarası 1–64 karakter olmalı");
        errors.put("cursor=not-a-cursor&cardLast4=x", "Kartın son 4 hanesini girin.");
        errors.forEach((query, message) -> {
            Page page = session.get("/reports/transactions?" + query);
            assertThat(page.status()).as("status for %s", query).isEqualTo(200);
            Element alert = page.document().selectFirst("#tx-search .alert.error");
            assertThat(alert).as("error alert for %s", query).isNotNull();
            assertThat(alert.text()).as("message for %s", query).contains(message).doesNotContain("??").doesNotContain("{0}");
            assertThat(page.document().select(TX_ROWS)).as("no rows for %s", query).isEmpty();
        });
        // the field at fault is marked for assistive technology
        Page last4 = session.get("/reports/transactions?cardLast4=12a");
        assertThat(last4.document().selectFirst("#s-last4").attr("aria-invalid")).isEqualTo("true");
        assertThat(last4.document().selectFirst("#s-last4").val()).isEqualTo("12a");
    }

    @Test
    @DisplayName("İşlem Arama keyset pages: 25 a page, «Sonraki» leads to the rest with no overlap and no gap")
    void keysetPaging() {
        Merchant merchant = api.newMerchant();
        Api.CreatedLink multi = link(merchant, "PAGE", Map.of("amount", "12.34", "usage", "MULTI"));
        Set<String> all = new HashSet<>();
        for (int i = 0; i < 28; i++) {
            all.add(pay(multi.token(), i % 7 == 3 ? "4000000000009995" : "4155650100416111", null, i % 7 != 3));
        }
        List<String> newestFirst = apiSearch(merchant, "").stream().map(t -> t.path("id").asString()).toList();
        assertThat(newestFirst).containsExactlyInAnyOrderElementsOf(all);
        PortalSession session = admin(merchant);

        Page first = ok(session.get("/reports/transactions"));
        List<String> firstIds = rowIds(first, TX_ROWS);
        assertThat(firstIds).hasSize(25).containsExactlyElementsOf(newestFirst.subList(0, 25));
        Element next = first.document().selectFirst("#next-page");
        assertThat(next).as("a next page").isNotNull();

        Page second = ok(session.get(next.attr("href")));
        List<String> secondIds = rowIds(second, TX_ROWS);
        assertThat(secondIds).containsExactlyElementsOf(newestFirst.subList(25, 28));
        assertThat(second.document().selectFirst("#next-page")).as("no page after the last").isNull();
        List<String> both = new ArrayList<>(firstIds);
        both.addAll(secondIds);
        assertThat(both).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
        String today = LocalDate.now(ISTANBUL).format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
        assertThat(second.document().select("nav.paging a").eachAttr("href")).contains("/reports/transactions?from="
                + today + "&to=" + today);

        // the criteria stay on the next page: 24 approved of 28 → one full page and nothing more
        Page approved = ok(session.get("/reports/transactions?status=APPROVED"));
        assertThat(rowIds(approved, TX_ROWS)).hasSize(24);
        assertThat(approved.document().selectFirst("#next-page")).isNull();
        Page small = ok(session.get("/reports/transactions?minAmount=12&maxAmount=13"));
        assertThat(rowIds(small, TX_ROWS)).hasSize(25);
        String smallNext = small.document().selectFirst("#next-page").attr("href");
        assertThat(smallNext).contains("minAmount=12").contains("maxAmount=13");
        assertThat(rowIds(ok(session.get(smallNext)), TX_ROWS)).hasSize(3);
    }

    @Test
    @DisplayName("The magnifier shows every detail of [R1]; another merchant's transaction is a 404")
    void magnifierShowsEveryDetail() {
        Merchant merchant = api.newMerchant();
        Merchant other = api.newMerchant();
        Api.CreatedLink link = link(merchant, "LUPE", Map.of("amount", "1250.50", "payerNoteEnabled", true, "installments", 3));
        String saleId = pay(link.token(), "5456160000000000", "Fatura 42 — teşekkürler", true);
        Api.CreatedLink declinedLink = link(merchant, "LUPE-RED", Map.of("amount", "20.00"));
        String declinedId = pay(declinedLink.token(), "4000000000009995", null, false);
        JsonNode t = transaction(merchant, saleId);
        PortalSession session = admin(merchant);

        Page page = ok(session.get("/reports/transactions/" + saleId));
        Map<String, String> details = details(page);
        assertThat(details).containsEntry("Tarih", screenTime(Instant.parse(t.path("createdAt").asString())))
                .containsEntry("İşlem tipi", "Satış")
                .containsEntry("Sonuç", "Onaylandı")
                .containsEntry("Tutar", "1.250,50 TL")
                .containsEntry("Kart", "545616******0000")
                .containsEntry("Kart markası", "Mastercard")
                .containsEntry("Kartı veren banka", "QNB Finansbank")
                .containsEntry("Kart tipi", "Kredi kartı")
                .containsEntry("Onay kodu", t.path("authCode").asString())
                .containsEntry("Referans", t.path("hostReference").asString())
                .containsEntry("3D Secure", "mdStatus 1, ECI 02")
                .containsEntry("Ödeyen açıklaması", "Fatura 42 — teşekkürler")
                .containsEntry("Sipariş No", link.orderNumber())
                .containsEntry("Link", link.orderNumber())
                .containsEntry("Gün sonu no", t.path("batchNumber").asInt() + " · açık")
                .containsEntry("İade edilen", "0,00 TL")
                .containsEntry("İptal edildi", "Hayır");
        assertThat(details.get("Taksit")).contains("3");
        assertThat(details.get("Banka yanıtı")).startsWith("00 ").contains(t.path("responseMessage").asString());
        assertThat(t.path("authCode").asString()).matches("[A-Z0-9]{6}");
        assertThat(t.path("hostReference").asString()).matches("\\d{12}");
        assertThat(page.document().selectFirst("#transaction-details a[href='/links/" + link.id() + "']")).isNotNull();
        assertThat(page.document().selectFirst("a[href='/reversals/" + saleId + "']")).as("admin may go to İptal/İade").isNotNull();

        Map<String, String> declined = details(ok(session.get("/reports/transactions/" + declinedId)));
        assertThat(declined).containsEntry("Sonuç", "Reddedildi").containsEntry("Kart", "400000******9995")
                .containsEntry("Onay kodu", "").containsEntry("Gün sonu no", "").containsEntry("3D Secure", "mdStatus 1, ECI 05");
        assertThat(declined.get("Banka yanıtı")).startsWith("51");

        // another merchant's id, or no such id: 404, and nothing of it shows
        PortalSession otherAdmin = admin(other);
        Page foreign = otherAdmin.get("/reports/transactions/" + saleId);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain(link.orderNumber()).doesNotContain("545616");
        assertThat(otherAdmin.get("/reversals/" + saleId).status()).isEqualTo(404);
        assertThat(otherAdmin.get("/reversals/" + saleId + "/void").status()).isEqualTo(404);
        Page foreignVoid = otherAdmin.open("/reversals/" + saleId + "/void");
        assertThat(foreignVoid.status()).isEqualTo(404);
        String token = csrfOf(ok(otherAdmin.get("/reports/transactions")));
        Page touched = otherAdmin.postWithToken("/reversals/" + saleId + "/void", Map.of(), token);
        if (touched.location() != null) {
            touched = otherAdmin.get(otherAdmin.relative(touched.location()));
        }
        assertThat(touched.status()).as("another merchant's sale cannot be voided").isEqualTo(404);
        assertThat(transaction(merchant, saleId).path("voided").asBoolean()).isFalse();
        assertThat(session.get("/reports/transactions/txn_00000000000000000000000000").status()).isEqualTo(404);
    }

    // ---------------------------------------------------------------- LinkPOS Raporu [R2]

    @Test
    @DisplayName("LinkPOS Raporu: per link order number, payment count, collected total, last payment; filtered by status")
    void linkReport() {
        Merchant merchant = api.newMerchant();
        Merchant other = api.newMerchant();
        Api.CreatedLink multi = link(merchant, "RAP-M", Map.of("amount", "18900.00", "usage", "MULTI"));
        Api.CreatedLink single = link(merchant, "RAP-S", Map.of("amount", "1250.50"));
        Api.CreatedLink unpaid = link(merchant, "RAP-U", Map.of("amount", "5.00"));
        Api.CreatedLink deleted = link(merchant, "RAP-D", Map.of("amount", "7.00"));
        assertThat(api.delete(merchant.key(), "/api/v1/links/" + deleted.id()).status()).isEqualTo(200);
        pay(multi.token(), "4155650100416111", null, true);
        pay(multi.token(), "4000000000009995", null, false);
        String lastMulti = pay(multi.token(), "5456160000000000", null, true);
        String singleSale = pay(single.token(), "4155650100416111", null, true);
        String otherOrder = sale(other, "3.00").link().orderNumber();
        PortalSession session = admin(merchant);

        Page report = ok(session.get("/reports/links"));
        Map<String, List<String>> rows = new HashMap<>();
        for (Element row : report.document().select(LINK_ROWS)) {
            rows.put(row.attr("data-link-id"), row.select("td").stream().map(Element::text).toList());
        }
        assertThat(rows.keySet()).containsExactlyInAnyOrder(multi.id(), single.id(), unpaid.id(), deleted.id());
        assertThat(report.text()).doesNotContain(otherOrder);

        List<String> m = rows.get(multi.id());
        assertThat(m.get(0)).isEqualTo(multi.orderNumber());
        assertThat(m.get(4)).isEqualTo("Çok Kullanımlık");
        assertThat(m.get(5)).isEqualTo("Aktif");
        assertThat(m.get(6)).isEqualTo("2");
        assertThat(m.get(7)).isEqualTo("37.800,00 TL");
        Instant lastPaid = Instant.parse(transaction(merchant, lastMulti).path("createdAt").asString());
        assertThat(m.get(8)).as("refunded").isEqualTo("0,00 TL");
        assertThat(m.get(9)).as("net").isEqualTo("37.800,00 TL");
        assertThat(m.get(10)).isIn(screenTime(lastPaid), screenTime(lastPaid.minus(Duration.ofSeconds(2))));
        JsonNode multiJson = api.get(merchant.key(), "/api/v1/links/" + multi.id()).json();
        assertThat(m.get(1)).isEqualTo(screenTime(Instant.parse(multiJson.path("createdAt").asString())));
        assertThat(m.get(3)).isEqualTo(screenTime(Instant.parse(multiJson.path("validUntil").asString())));

        List<String> s = rows.get(single.id());
        assertThat(s.get(0)).isEqualTo(single.orderNumber());
        assertThat(s.get(5)).isEqualTo("Kullanıldı");
        assertThat(s.get(6)).isEqualTo("1");
        assertThat(s.get(7)).isEqualTo("1.250,50 TL");
        Instant singlePaid = Instant.parse(transaction(merchant, singleSale).path("createdAt").asString());
        assertThat(s.get(10)).isIn(screenTime(singlePaid), screenTime(singlePaid.minus(Duration.ofSeconds(2))));

        List<String> u = rows.get(unpaid.id());
        assertThat(u.get(6)).isEqualTo("0");
        assertThat(u.get(7)).isEqualTo("0,00 TL");
        assertThat(u.get(10)).as("never paid: no last payment").isEmpty();
        assertThat(rows.get(deleted.id()).get(5)).isEqualTo("Silindi");

        Map<String, Set<String>> byStatus = Map.of(
                "ACTIVE", Set.of(multi.id(), unpaid.id()),
                "USED", Set.of(single.id()),
                "DELETED", Set.of(deleted.id()),
                "EXPIRED", Set.of());
        byStatus.forEach((status, ids) -> {
            Page filtered = ok(session.get("/reports/links?status=" + status));
            assertThat(filtered.document().select(LINK_ROWS).eachAttr("data-link-id")).as("status %s", status)
                    .containsExactlyInAnyOrderElementsOf(ids);
            assertThat(filtered.document().selectFirst("#r-status option[selected]").val()).isEqualTo(status);
            assertThat(filtered.document().selectFirst("#export-csv").attr("href")).contains("status=" + status);
        });
        assertThat(ok(session.get("/reports/links?orderNumber=" + multi.orderNumber())).document().select(LINK_ROWS)
                .eachAttr("data-link-id")).containsExactly(multi.id());
    }

    // ---------------------------------------------------------------- Provizyon İptal/İade [R3]

    @Test
    @DisplayName("Void: «İptal» beside today's sale, detail → confirmation (nothing yet) → POST → approved VOID, sale voided")
    void voidWithConfirmation() {
        Merchant merchant = api.newMerchant();
        PaidSale sale = sale(merchant, "1250.50");
        String saleId = sale.id();
        Api.CreatedLink declinedLink = link(merchant, "RED", Map.of("amount", "30.00"));
        String declinedId = pay(declinedLink.token(), "4000000000000002", null, false);
        PortalSession session = admin(merchant);

        Page list = ok(session.get("/reversals"));
        assertThat(rowIds(list, REVERSAL_ROWS)).containsExactlyInAnyOrder(saleId, declinedId);
        Element voidLink = row(list, REVERSAL_ROWS, saleId).selectFirst("a.action-void");
        assertThat(voidLink).as("«İptal» beside an open-batch sale").isNotNull();
        assertThat(voidLink.text()).isEqualTo("İptal");
        assertThat(row(list, REVERSAL_ROWS, saleId).selectFirst("a.action-refund")).isNull();
        assertThat(row(list, REVERSAL_ROWS, declinedId).select("a.action-void, a.action-refund")).as("nothing for a decline").isEmpty();

        Page detail = ok(session.get(voidLink.attr("href")));
        assertThat(detail.document().selectFirst("#refund-form")).isNull();
        Element voidButton = detail.document().selectFirst("#void");
        assertThat(voidButton).isNotNull();
        assertThat(voidButton.text()).isEqualTo("İşlem İptal");

        Page confirm = ok(session.get(voidButton.attr("href")));
        assertThat(confirm.document().selectFirst("#confirm-form").attr("action")).isEqualTo("/reversals/" + saleId + "/void");
        assertThat(confirm.text()).contains(sale.link().orderNumber()).contains("1.250,50 TL").contains("iptal edilecek");
        // asking is not doing
        assertThat(transaction(merchant, saleId).path("voided").asBoolean()).isFalse();
        assertThat(apiSearch(merchant, "type=VOID")).isEmpty();

        Page done = submit(session, confirm, "#confirm-form");
        assertThat(done.status()).isEqualTo(302);
        assertThat(done.location()).endsWith("/reversals/" + saleId);
        Page outcome = ok(session.get(session.relative(done.location())));
        Element result = outcome.document().selectFirst("#reversal-outcome");
        assertThat(result).as("outcome on %s", outcome.text()).isNotNull();
        assertThat(result.attr("data-status")).isEqualTo("APPROVED");
        assertThat(result.attr("data-type")).isEqualTo("VOID");
        String voidId = result.attr("data-transaction-id");
        assertThat(result.text()).contains("İşlem iptal edildi").contains("1.250,50 TL");
        assertThat(outcome.document().selectFirst("#void")).as("no second void").isNull();
        assertThat(outcome.document().selectFirst("#nothing-to-do")).isNotNull();
        assertThat(details(outcome)).containsEntry("İptal edildi", "Evet");
        assertThat(outcome.document().select("#related li").eachText()).singleElement().asString()
                .startsWith("İptal · Onaylandı · 1.250,50 TL");

        // the API tells the same story: a VOID linked to the sale, the sale voided
        JsonNode voided = transaction(merchant, voidId);
        assertThat(voided.path("type").asString()).isEqualTo("VOID");
        assertThat(voided.path("status").asString()).isEqualTo("APPROVED");
        assertThat(voided.path("originalTransactionId").asString()).isEqualTo(saleId);
        assertThat(voided.path("amount").asString()).isEqualTo("1250.50");
        assertThat(transaction(merchant, saleId).path("voided").asBoolean()).isTrue();
        assertThat(apiSearch(merchant, "type=VOID")).singleElement().satisfies(v -> assertThat(v.path("id").asString()).isEqualTo(voidId));

        // the list: the sale shows voided, no action any more; İşlem Arama shows the VOID
        Page after = ok(session.get("/reversals"));
        Element saleRow = row(after, REVERSAL_ROWS, saleId);
        assertThat(saleRow.select("a.action-void, a.action-refund")).isEmpty();
        assertThat(saleRow.text()).contains("İptal edildi");
        assertThat(rowIds(after, REVERSAL_ROWS)).as("Provizyon İptal/İade lists sales").doesNotContain(voidId);
        assertThat(search(session, "type=VOID")).containsExactly(voidId);

        // voiding again is refused with the reason, and changes nothing
        Page again = session.get("/reversals/" + saleId + "/void");
        Page refused = ok(session.get(session.relative(submit(session, again, "#confirm-form").location())));
        assertThat(refused.document().selectFirst("#reversal-refusal").text()).isEqualTo("Bu satış zaten iptal edilmiş.");
        assertThat(refused.document().selectFirst("#reversal-outcome")).isNull();
        assertThat(apiSearch(merchant, "type=VOID")).hasSize(1);

        // a refund before end of day is refused: use void
        Page early = session.postWithToken("/reversals/" + declinedId + "/refund", Map.of("amount", "1.00"), csrfOf(after));
        Page earlyOutcome = ok(session.get(session.relative(early.location())));
        assertThat(earlyOutcome.document().selectFirst("#reversal-refusal").text())
                .isEqualTo("Yalnızca onaylanmış satışlar iptal veya iade edilebilir.");
        assertThat(apiSearch(merchant, "type=REFUND")).isEmpty();
    }

    private static String csrfOf(Page page) {
        Element input = page.document().selectFirst("input[name=_csrf]");
        assertThat(input).as("a CSRF token on %s", page.text()).isNotNull();
        return input.val();
    }

    @Test
    @DisplayName("Refund after end of day: «İade», partial 100,00 with confirmation, over the rest refused with the reason")
    void partialRefundAfterEndOfDay() {
        Merchant merchant = api.newMerchant();
        PaidSale sale = sale(merchant, "1250.50");
        String saleId = sale.id();
        PortalSession session = admin(merchant);

        // before end of day a refund is refused: the batch is open
        Page open = ok(session.get("/reversals/" + saleId));
        Page tooEarly = session.postWithToken("/reversals/" + saleId + "/refund", Map.of("amount", "100,00"), csrfOf(open));
        assertThat(ok(session.get(session.relative(tooEarly.location()))).document().selectFirst("#reversal-refusal").text())
                .isEqualTo("Bu satışın gün sonu henüz alınmadı; iade yerine iptal yapın.");
        assertThat(transaction(merchant, saleId).path("refundedAmount").asString()).isEqualTo("0.00");

        endOfDay();

        Page list = ok(session.get("/reversals"));
        Element refundLink = row(list, REVERSAL_ROWS, saleId).selectFirst("a.action-refund");
        assertThat(refundLink).as("«İade» after end of day").isNotNull();
        assertThat(refundLink.text()).isEqualTo("İade");
        assertThat(row(list, REVERSAL_ROWS, saleId).selectFirst("a.action-void")).isNull();

        Page detail = ok(session.get(refundLink.attr("href")));
        assertThat(detail.document().selectFirst("#void")).isNull();
        assertThat(details(detail).get("Gün sonu no")).endsWith("kapalı");
        Element form = detail.document().selectFirst("#refund-form");
        assertThat(form).isNotNull();
        assertThat(form.attr("method")).isEqualToIgnoringCase("get");
        assertThat(form.attr("action")).isEqualTo("/reversals/" + saleId + "/refund");
        assertThat(form.selectFirst("input[name=amount]").val()).as("pre-filled as Turkish is written").isEqualTo("1.250,50");

        // a void now is refused: use refund
        Page lateVoid = session.postWithToken("/reversals/" + saleId + "/void", Map.of(), csrfOf(detail));
        assertThat(ok(session.get(session.relative(lateVoid.location()))).document().selectFirst("#reversal-refusal").text())
                .isEqualTo("Bu satışın gün sonu alındı; iptal edilemez, iade yapın.");
        assertThat(transaction(merchant, saleId).path("voided").asBoolean()).isFalse();

        // the form sends the amount as typed, Turkish style; the confirmation shows it and does nothing yet
        Page confirm = ok(session.get(form.attr("action") + "?amount=100,00"));
        assertThat(confirm.document().selectFirst("#confirm-form").attr("action")).isEqualTo("/reversals/" + saleId + "/refund");
        assertThat(confirm.document().selectFirst("#confirm-form input[name=amount]").val()).isEqualTo("100.00");
        assertThat(confirm.text()).contains(sale.link().orderNumber()).contains("100,00 TL").contains("iade edilecek");
        assertThat(apiSearch(merchant, "type=REFUND")).isEmpty();
        assertThat(transaction(merchant, saleId).path("refundedAmount").asString()).isEqualTo("0.00");

        Page done = submit(session, confirm, "#confirm-form");
        Page outcome = ok(session.get(session.relative(done.location())));
        Element result = outcome.document().selectFirst("#reversal-outcome");
        assertThat(result).as("outcome on %s", outcome.text()).isNotNull();
        assertThat(result.attr("data-status")).isEqualTo("APPROVED");
        assertThat(result.attr("data-type")).isEqualTo("REFUND");
        assertThat(result.text()).contains("100,00 TL iade edildi");
        assertThat(outcome.document().selectFirst("#tx-refunded").text()).isEqualTo("100,00 TL");
        assertThat(outcome.document().selectFirst("#refund-form input[name=amount]").val()).isEqualTo("1.150,50");
        JsonNode refund = transaction(merchant, result.attr("data-transaction-id"));
        assertThat(refund.path("type").asString()).isEqualTo("REFUND");
        assertThat(refund.path("amount").asString()).isEqualTo("100.00");
        assertThat(refund.path("originalTransactionId").asString()).isEqualTo(saleId);
        assertThat(transaction(merchant, saleId).path("refundedAmount").asString()).isEqualTo("100.00");
        // the magnifier shows the refunded total and the refund
        Page magnifier = ok(session.get("/reports/transactions/" + saleId));
        assertThat(details(magnifier)).containsEntry("İade edilen", "100,00 TL");
        assertThat(magnifier.document().select("#related a").eachAttr("href"))
                .containsExactly("/reports/transactions/" + refund.path("id").asString());
        assertThat(row(ok(session.get("/reversals")), REVERSAL_ROWS, saleId).select("td").get(5).text()).isEqualTo("100,00 TL");

        // more than the rest, nothing, or not a number: refused before anyone is asked «Emin misiniz?», nothing changes
        for (String typed : new String[] {"1200,00", "0", "abc", "1.150,51"}) {
            Page refused = session.get("/reversals/" + saleId + "/refund?amount=" + java.net.URLEncoder.encode(typed,
                    java.nio.charset.StandardCharsets.UTF_8));
            assertThat(refused.status()).as(typed).isEqualTo(422);
            assertThat(refused.document().selectFirst("#confirm-form")).as(typed).isNull();
            assertThat(refused.document().selectFirst("#refund-form input[name=amount]").val()).as("as typed").isEqualTo(typed);
            assertThat(refused.document().selectFirst("#refund-form input[name=amount]").attr("aria-invalid")).isEqualTo("true");
            assertThat(refused.document().selectFirst("#amount-error")).as(typed).isNotNull();
        }
        Page tooMuch = session.get("/reversals/" + saleId + "/refund?amount=1200,00");
        assertThat(tooMuch.document().selectFirst("#amount-error").text())
                .isEqualTo("İade tutarı, satışın iade edilmemiş kısmını (1.150,50 TL) aşamaz.");
        // posted anyway (a stale page, another tab): the ledger's own rule still refuses it
        Page refused = ok(session.get(session.relative(session.postWithToken("/reversals/" + saleId + "/refund",
                Map.of("amount", "1200.00"), csrfOf(tooMuch)).location())));
        Element refusal = refused.document().selectFirst("#reversal-refusal");
        assertThat(refusal).as("refusal on %s", refused.text()).isNotNull();
        assertThat(refusal.text()).contains("aşamaz");
        assertThat(refused.document().selectFirst("#reversal-outcome")).isNull();
        assertThat(refused.document().selectFirst("#tx-refunded").text()).isEqualTo("100,00 TL");
        assertThat(transaction(merchant, saleId).path("refundedAmount").asString()).isEqualTo("100.00");
        assertThat(apiSearch(merchant, "type=REFUND")).hasSize(1);

        // the rest, exactly: then nothing more can be done
        Page rest = ok(session.get("/reversals/" + saleId + "/refund"));
        assertThat(rest.document().selectFirst("#confirm-form input[name=amount]").val()).isEqualTo("1150.50");
        Page all = ok(session.get(session.relative(submit(session, rest, "#confirm-form").location())));
        assertThat(all.document().selectFirst("#reversal-outcome").attr("data-status")).isEqualTo("APPROVED");
        assertThat(all.document().selectFirst("#tx-refunded").text()).isEqualTo("1.250,50 TL");
        assertThat(all.document().selectFirst("#refund-form")).isNull();
        assertThat(all.document().selectFirst("#nothing-to-do")).isNotNull();
        assertThat(row(ok(session.get("/reversals")), REVERSAL_ROWS, saleId).select("a.action-void, a.action-refund")).isEmpty();
    }

    @Test
    @DisplayName("Two refunds confirmed at the same moment in two tabs: together they never exceed the sale")
    void simultaneousRefundsNeverExceedTheSale() throws Exception {
        Merchant merchant = api.newMerchant();
        String saleId = sale(merchant, "1250.50").id();
        endOfDay();
        PortalSession tab1 = admin(merchant);
        PortalSession tab2 = admin(merchant);
        Page confirm1 = ok(tab1.get("/reversals/" + saleId + "/refund?amount=1000,00"));
        Page confirm2 = ok(tab2.get("/reversals/" + saleId + "/refund?amount=1000,00"));

        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> { start.await(); return submit(tab1, confirm1, "#confirm-form"); });
            var second = pool.submit(() -> { start.await(); return submit(tab2, confirm2, "#confirm-form"); });
            start.countDown();
            Page after1 = ok(tab1.get(tab1.relative(first.get().location())));
            Page after2 = ok(tab2.get(tab2.relative(second.get().location())));
            List<Page> outcomes = List.of(after1, after2);
            assertThat(outcomes.stream().filter(p -> p.document().selectFirst("#reversal-outcome[data-status=APPROVED]") != null))
                    .as("exactly one refund approved").hasSize(1);
            assertThat(outcomes.stream().map(p -> p.document().selectFirst("#reversal-refusal")).filter(java.util.Objects::nonNull)
                    .map(Element::text)).singleElement().asString().contains("250,50 TL"); // the rest written the page's way
        } finally {
            pool.shutdownNow();
        }
        assertThat(transaction(merchant, saleId).path("refundedAmount").asString()).isEqualTo("1000.00");
        assertThat(apiSearch(merchant, "type=REFUND&status=APPROVED")).hasSize(1);
    }

    @Test
    @DisplayName("A MERCHANT_USER reads reports but gets 403 for Provizyon İptal/İade and its POSTs")
    void merchantUserCannotVoidOrRefund() {
        Merchant merchant = api.newMerchant();
        String saleId = sale(merchant, "40.00").id();
        PortalSession admin = admin(merchant);
        String username = TestData.unique("kasiyer");
        admin.get("/users");
        Page created = admin.post("/users", Map.of("username", username, "password", "user-password-1", "role", "MERCHANT_USER"));
        assertThat(created.status()).as(created.text()).isEqualTo(302);

        PortalSession user = PortalSession.loggedIn(port, username, "user-password-1");
        Page reports = ok(user.get("/reports/transactions"));
        assertThat(rowIds(reports, TX_ROWS)).containsExactly(saleId);
        assertThat(reports.document().select("a[href='/reversals']")).as("no İptal/İade in the menu").isEmpty();
        Page magnifier = ok(user.get("/reports/transactions/" + saleId));
        assertThat(magnifier.document().select("a[href='/reversals/" + saleId + "']")).isEmpty();
        String token = csrfOf(reports);

        assertThat(user.get("/reversals").status()).isEqualTo(403);
        assertThat(user.get("/reversals/" + saleId).status()).isEqualTo(403);
        assertThat(user.get("/reversals/" + saleId + "/void").status()).isEqualTo(403);
        assertThat(user.postWithToken("/reversals/" + saleId + "/void", Map.of(), token).status()).isEqualTo(403);
        assertThat(user.postWithToken("/reversals/" + saleId + "/refund", Map.of("amount", "1.00"), token).status()).isEqualTo(403);
        assertThat(transaction(merchant, saleId).path("voided").asBoolean()).isFalse();
        assertThat(apiSearch(merchant, "type=VOID")).isEmpty();
        assertThat(row(ok(admin.get("/reversals")), REVERSAL_ROWS, saleId).selectFirst("a.action-void")).isNotNull();
    }

    // ---------------------------------------------------------------- end of day [R4]

    @Test
    @DisplayName("The bank operator closes the batches on /bank/batches: «İptal» turns into «İade»")
    void bankClosesTheBatches() {
        Merchant merchant = api.newMerchant();
        String saleId = sale(merchant, "75.25").id();
        int batch = transaction(merchant, saleId).path("batchNumber").asInt();
        PortalSession merchantAdmin = admin(merchant);
        assertThat(row(ok(merchantAdmin.get("/reversals")), REVERSAL_ROWS, saleId).selectFirst("a.action-void")).isNotNull();
        assertThat(merchantAdmin.get("/bank/batches").status()).as("a merchant is no bank operator").isEqualTo(403);

        String refunded = sale(merchant, "20.00").id();
        PortalSession bank = PortalSession.loggedIn(port, "bank", TestData.BANK_PASSWORD);
        Page batches = ok(bank.get("/bank/batches"));
        Element openRow = batchRow(batches.document(), merchant.id(), batch);
        assertThat(openRow.select("td").get(4).text()).as("still open").isEmpty();
        assertThat(openRow.select("td").get(0).text()).as("named, not only numbered").startsWith(merchantName(merchant));
        assertThat(openRow.select("td").get(2).text()).as("the Istanbul business day").matches("\\d{2}\\.\\d{2}\\.\\d{4}");
        assertThat(openRow.selectFirst("[data-col=sales]").text()).isEqualTo("2 satış · 95,25 TL");

        // the end of day is asked for first, with what it will close; nothing closes until it is confirmed
        assertThat(batches.document().selectFirst("#close-batches").attr("method")).isEqualToIgnoringCase("get");
        Page confirm = ok(bank.get("/bank/batches/close"));
        assertThat(confirm.document().selectFirst("h1").text()).isEqualTo("Gün sonu alınsın mı?");
        assertThat(batchRow(confirm.document(), merchant.id(), batch).selectFirst("[data-col=net]").text()).isEqualTo("95,25 TL");
        assertThat(transaction(merchant, saleId).path("batchClosed").asBoolean()).as("not before it is confirmed").isFalse();

        Page closed = submit(bank, confirm, "#confirm-close");
        assertThat(closed.status()).isEqualTo(302);
        Page after = ok(bank.get(bank.relative(closed.location())));
        assertThat(after.document().selectFirst("#batches-closed").text()).matches("[1-9]\\d* gün sonu kapatıldı\\.");
        List<String> closedRow = batchRow(after.document(), merchant.id(), batch).select("td").stream().map(Element::text).toList();
        assertThat(closedRow.get(4)).as("closed at").isNotEmpty();
        assertThat(closedRow.get(5)).isEqualTo("bank:bank");

        JsonNode sale = transaction(merchant, saleId);
        assertThat(sale.path("batchClosed").asBoolean()).isTrue();
        assertThat(api.post(merchant.key(), "/api/v1/transactions/" + refunded + "/refunds", "{\"amount\": \"5.00\"}").status())
                .isEqualTo(201);
        Element saleRow = row(ok(merchantAdmin.get("/reversals")), REVERSAL_ROWS, saleId);
        assertThat(saleRow.selectFirst("a.action-void")).isNull();
        assertThat(saleRow.selectFirst("a.action-refund")).isNotNull();

        // a new sale of the merchant opens the next batch, voidable again
        String nextSale = sale(merchant, "10.00").id();
        assertThat(transaction(merchant, nextSale).path("batchNumber").asInt()).isEqualTo(batch + 1);
        assertThat(row(ok(merchantAdmin.get("/reversals")), REVERSAL_ROWS, nextSale).selectFirst("a.action-void")).isNotNull();
    }

    @Test
    @DisplayName("[R3] amounts typed the Turkish way are refunded; yesterday's open batch offers no void; foreign POSTs are 404")
    void turkishAmountsStaleBatchesAndForeignSales() {
        Merchant merchant = api.newMerchant();
        PortalSession session = admin(merchant);
        PaidSale sale = sale(merchant, "1500.00");
        endOfDay();
        ok(session.get("/reversals/" + sale.id()));
        Page confirm = ok(session.get("/reversals/" + sale.id() + "/refund?amount=1.000,50"));
        assertThat(confirm.document().selectFirst("#confirm-form input[name=amount]").val()).isEqualTo("1000.50");
        session.post("/reversals/" + sale.id() + "/refund", Map.of("amount", "1000.50"));
        assertThat(transaction(merchant, sale.id()).path("refundedAmount").asString()).isEqualTo("1000.50");

        PaidSale yesterday = sale(merchant, "20.00");
        jdbc.sql("UPDATE batches SET business_day = business_day - 1 WHERE merchant_id = ? AND closed_at IS NULL")
                .param(merchant.id()).update();
        Page stale = ok(session.get("/reversals/" + yesterday.id()));
        assertThat(stale.document().selectFirst("#void")).as("no void after the business day").isNull();
        assertThat(stale.document().selectFirst("#refund-form")).isNotNull();

        Merchant other = api.newMerchant();
        PortalSession stranger = admin(other);
        stranger.get("/reversals");
        assertThat(stranger.post("/reversals/" + sale.id() + "/refund", Map.of("amount", "1.00")).status()).isEqualTo(404);
        assertThat(transaction(merchant, sale.id()).path("refundedAmount").asString()).isEqualTo("1000.50");
    }

    private static Element batchRow(Document page, String merchantId, int batch) {
        Element row = page.selectFirst("tr[data-merchant-id=" + merchantId + "][data-batch=" + batch + "]");
        assertThat(row).as("batch %s of %s on the page", batch, merchantId).isNotNull();
        return row;
    }

    private String merchantName(Merchant merchant) {
        return api.get(TestData.BANK_KEY, "/api/v1/admin/merchants/" + merchant.id()).json().path("name").asString();
    }
}
