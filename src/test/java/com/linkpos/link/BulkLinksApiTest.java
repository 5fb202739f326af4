package com.linkpos.link;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.Api.Merchant;
import com.linkpos.support.Api.Response;
import com.linkpos.support.Eventually;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.TestData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** [X1] Bulk links through the API (API.md "Links", Bulk): template, upload, progress, result, refusals. */
@LinkPosTest
class BulkLinksApiTest {

    private static final List<String> FIELDS = List.of("orderNumber", "amount", "currency", "installments", "validFrom",
            "validUntil", "usage", "description", "payerNoteEnabled", "sms", "email");

    @LocalServerPort
    int port;

    Api api;
    Merchant merchant;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        merchant = api.newMerchant(List.of("USD"), 6);
    }

    @Test
    void theTemplateIsAHeaderRowOfTheCreateFields() throws Exception {
        String csv = new String(api.download(merchant.key(), "/api/v1/links/bulk/template?format=csv"), StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo(String.join(",", FIELDS) + "\r\n");
        Response head = api.get(merchant.key(), "/api/v1/links/bulk/template?format=csv");
        assertThat(head.contentType()).startsWith("text/csv");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                api.download(merchant.key(), "/api/v1/links/bulk/template?format=xlsx")))) {
            Row header = workbook.getSheetAt(0).getRow(0);
            List<String> cells = new ArrayList<>();
            header.forEach(cell -> cells.add(cell.getStringCellValue()));
            assertThat(cells).isEqualTo(FIELDS);
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isZero();
        }
        assertThat(api.get(merchant.key(), "/api/v1/links/bulk/template?format=pdf").status()).isEqualTo(400);
        assertThat(api.get(null, "/api/v1/links/bulk/template?format=csv").status()).isEqualTo(401);
    }

    @Test
    void aCsvUploadCreatesTheGoodRowsAndReportsTheBadOnesByRowFieldAndCode() throws Exception {
        String a = TestData.unique("BLK");
        String b = TestData.unique("BLK");
        String csv = String.join(",", FIELDS) + "\r\n"
                + a + ",100.00,TRY,1,,,SINGLE,Kasım faturası,true,05321234567,\r\n"
                + TestData.unique("BLK") + ",abc,TRY,1,,,,,,,\r\n"
                + a + ",5.00,,,,,,,,,\r\n"
                + TestData.unique("BLK") + ",10.00,USD,3,,,,,,,\r\n"
                + b + ",2500.50,,,,,MULTI,\"Aralık, \"\"özel\"\" fiyat\nikinci satır\",false,,musteri@example.com\r\n";
        Response accepted = api.upload(merchant.key(), "/api/v1/links/bulk", "links.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.json().path("id").asString()).startsWith("blk_");
        assertThat(accepted.json().path("status").asString()).isEqualTo("PROCESSING");

        JsonNode done = done(merchant, accepted.json().path("id").asString());
        assertThat(done.path("rows").asInt()).isEqualTo(5);
        assertThat(done.path("created").asInt()).isEqualTo(2);
        assertThat(done.path("refused").asInt()).isEqualTo(3);
        assertThat(errors(done)).containsExactly("2:amount:invalid_amount", "3:orderNumber:order_number_taken",
                "4:installments:installments_only_try");
        // the messages are the create API's, in Turkish by default
        assertThat(done.path("errors").get(0).path("message").asString()).isEqualTo("Tutar geçerli bir sayı değil.");

        JsonNode first = api.get(merchant.key(), "/api/v1/links?orderNumber=" + a).json().path("data").get(0);
        assertThat(first.path("amount").asString()).isEqualTo("100.00");
        assertThat(first.path("description").asString()).isEqualTo("Kasım faturası");
        assertThat(first.path("payerNoteEnabled").asBoolean()).isTrue();
        JsonNode second = api.get(merchant.key(), "/api/v1/links?orderNumber=" + b).json().path("data").get(0);
        assertThat(second.path("amount").asString()).isEqualTo("2500.50");
        assertThat(second.path("usage").asString()).isEqualTo("MULTI");
        assertThat(second.path("description").asString()).isEqualTo("Aralık, \"özel\" fiyat\nikinci satır");
        // sent as the create API sends: through the outbox
        assertThat(api.get(merchant.key(), "/api/v1/links/" + first.path("id").asString() + "/notifications").json()
                .path("data").get(0).path("channel").asString()).isEqualTo("SMS");
        assertThat(api.get(merchant.key(), "/api/v1/links/" + second.path("id").asString() + "/notifications").json()
                .path("data").get(0).path("channel").asString()).isEqualTo("EMAIL");

        List<CSVRecord> result = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(new String(api.download(merchant.key(),
                        "/api/v1/links/bulk/" + done.path("id").asString() + "/result?format=csv"), StandardCharsets.UTF_8)))
                .getRecords();
        assertThat(result).hasSize(5);
        assertThat(result.get(0).get("row")).isEqualTo("1");
        assertThat(result.get(0).get("url")).isEqualTo(first.path("url").asString());
        assertThat(result.get(0).get("errors")).isEmpty();
        assertThat(result.get(1).get("url")).isEmpty();
        assertThat(result.get(1).get("errors")).contains("amount").contains("invalid_amount");
        assertThat(result.get(4).get("url")).isEqualTo(second.path("url").asString());
    }

    @Test
    void anXlsxUploadIsReadByItsHeaderWordsInAnyOrderWithTheMessagesInTheRequestsLanguage() throws Exception {
        String good = TestData.unique("BLKX");
        byte[] xlsx;
        LocalDateTime until = LocalDateTime.now(ZoneId.of("Europe/Istanbul")).plusDays(3).withSecond(0).withNano(0);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Linkler");
            // the portal's Turkish headers, in another order and case; a date cell and a number cell as Excel makes them
            Row header = sheet.createRow(0);
            List<String> words = List.of("Tutar", "SİPARİŞ NUMARASI", "bitiş tarihi", "Cep Telefonu", "Ödeyen Açıklaması");
            for (int i = 0; i < words.size(); i++) {
                header.createCell(i).setCellValue(words.get(i));
            }
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("dd.mm.yyyy hh:mm"));
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(250.5);
            row.createCell(1).setCellValue(good);
            row.createCell(2).setCellValue(until);
            row.getCell(2).setCellStyle(dateStyle);
            row.createCell(3).setCellValue("0532 123 45 67");
            row.createCell(4).setCellValue(true);
            // a blank row is skipped and not counted
            Row refused = sheet.createRow(3);
            refused.createCell(1).setCellValue(TestData.unique("BLKX"));
            refused.createCell(3).setCellValue("12345");
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        Response accepted = api.upload(merchant.key(), "/api/v1/links/bulk", "Linkler.XLSX", xlsx, "Accept-Language", "en");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        JsonNode done = done(merchant, accepted.json().path("id").asString());
        assertThat(done.path("rows").asInt()).isEqualTo(2);
        assertThat(done.path("created").asInt()).isEqualTo(1);
        assertThat(errors(done)).containsExactly("2:amount:required", "2:sms:sms_number_not_turkish_mobile");
        assertThat(done.path("errors").get(0).path("message").asString()).isEqualTo("This field is required.");

        JsonNode link = api.get(merchant.key(), "/api/v1/links?orderNumber=" + good).json().path("data").get(0);
        assertThat(link.path("amount").asString()).isEqualTo("250.50");
        assertThat(link.path("validUntil").asString())
                .isEqualTo(until.atZone(ZoneId.of("Europe/Istanbul")).toInstant().toString());
        assertThat(link.path("payerNoteEnabled").asBoolean()).isTrue();

        try (XSSFWorkbook result = new XSSFWorkbook(new ByteArrayInputStream(api.download(merchant.key(),
                "/api/v1/links/bulk/" + done.path("id").asString() + "/result?format=xlsx")))) {
            Sheet sheet = result.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("row");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo(link.path("url").asString());
            assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).contains("sms_number_not_turkish_mobile");
        }
    }

    @Test
    void anotherMerchantCannotSeeAnUpload() {
        Response accepted = api.upload(merchant.key(), "/api/v1/links/bulk", "a.csv", "amount\r\n1.00\r\n".getBytes(StandardCharsets.UTF_8));
        String id = accepted.json().path("id").asString();
        done(merchant, id);
        Merchant other = api.newMerchant();
        assertThat(api.get(other.key(), "/api/v1/links/bulk/" + id).status()).isEqualTo(404);
        assertThat(api.get(other.key(), "/api/v1/links/bulk/" + id + "/result?format=csv").status()).isEqualTo(404);
        assertThat(api.get(null, "/api/v1/links/bulk/" + id).status()).isEqualTo(401);
    }

    @Test
    void filesThatAreNotBulkLinksAreRefusedAsAWhole() {
        Response pdf = api.upload(merchant.key(), "/api/v1/links/bulk", "links.pdf", "%PDF-1.4 …".getBytes(StandardCharsets.UTF_8));
        assertThat(pdf.status()).as(pdf.toString()).isEqualTo(415);
        assertThat(pdf.code()).isEqualTo("unsupported_media_type");
        assertThat(pdf.fieldErrors()).containsExactly("file:unsupported_file_type");
        // a CSV name on a ZIP is not a CSV
        Response zipNamedCsv = api.upload(merchant.key(), "/api/v1/links/bulk", "links.csv", new byte[] {'P', 'K', 3, 4, 0, 0});
        assertThat(zipNamedCsv.status()).isEqualTo(415);
        Response brokenXlsx = api.upload(merchant.key(), "/api/v1/links/bulk", "links.xlsx", new byte[] {'P', 'K', 3, 4, 0, 0});
        assertThat(brokenXlsx.fieldErrors()).containsExactly("file:unreadable_file");

        StringBuilder tooMany = new StringBuilder("amount\r\n");
        for (int i = 0; i < BulkUploads.MAX_ROWS + 1; i++) {
            tooMany.append("1.00\r\n");
        }
        Response many = api.upload(merchant.key(), "/api/v1/links/bulk", "many.csv", tooMany.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(many.status()).as(many.toString()).isEqualTo(422);
        assertThat(many.code()).isEqualTo("bulk_too_many_rows");
        assertThat(many.json().path("errors").get(0).path("message").asString()).contains("10.000");

        Response unknown = api.upload(merchant.key(), "/api/v1/links/bulk", "x.csv",
                "amount,colour,amount\r\n1.00,red,2.00\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.fieldErrors()).containsExactly("file:unknown_column", "file:duplicate_column");
        Response noAmount = api.upload(merchant.key(), "/api/v1/links/bulk", "x.csv", "orderNumber\r\nA1\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(noAmount.fieldErrors()).containsExactly("file:missing_column");
        Response headerOnly = api.upload(merchant.key(), "/api/v1/links/bulk", "x.csv", "amount\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(headerOnly.fieldErrors()).containsExactly("file:no_rows");
        Response badQuotes = api.upload(merchant.key(), "/api/v1/links/bulk", "x.csv", "amount\r\n\"1.00\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(badQuotes.fieldErrors()).containsExactly("file:unreadable_file");
        Response json = api.post(merchant.key(), "/api/v1/links/bulk", "{\"amount\": \"1.00\"}");
        assertThat(json.status()).isEqualTo(415);
        assertThat(api.get(merchant.key(), "/api/v1/links/bulk").status()).isNotEqualTo(500);
    }

    @Test
    void anUploadPastTheLimitIs413AndOtherPathsKeepTheirs() {
        byte[] huge = new byte[22 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        Response tooLarge = api.upload(merchant.key(), "/api/v1/links/bulk", "big.csv", huge);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.code()).isEqualTo("payload_too_large");
        // within the request's limit, past the file's (20 MB): Tomcat's refusal, as a problem
        Response fileTooLarge = api.upload(merchant.key(), "/api/v1/links/bulk", "big.csv",
                java.util.Arrays.copyOf(huge, 20 * 1024 * 1024 + 512 * 1024));
        assertThat(fileTooLarge.status()).as(fileTooLarge.toString()).isEqualTo(413);
        assertThat(fileTooLarge.code()).isEqualTo("payload_too_large");
        // the upload's limit is that path's only: a multipart body elsewhere in the API keeps the 64 KiB
        Response elsewhere = api.upload(merchant.key(), "/api/v1/links", "big.csv", new byte[70 * 1024]);
        assertThat(elsewhere.status()).isEqualTo(413);
    }

    @Test
    void theSameUploadWithTheSameIdempotencyKeyIsOneUpload() {
        byte[] csv = ("orderNumber,amount\r\n" + TestData.unique("BLKI") + ",3.00\r\n").getBytes(StandardCharsets.UTF_8);
        String key = TestData.unique("idem");
        Response first = api.upload(merchant.key(), "/api/v1/links/bulk", "a.csv", csv, "Idempotency-Key", key);
        Response again = api.upload(merchant.key(), "/api/v1/links/bulk", "a.csv", csv, "Idempotency-Key", key);
        assertThat(first.status()).as(first.toString()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
        Response other = api.upload(merchant.key(), "/api/v1/links/bulk", "a.csv", "amount\r\n4.00\r\n".getBytes(StandardCharsets.UTF_8),
                "Idempotency-Key", key);
        assertThat(other.code()).isEqualTo("idempotency_key_reused");
    }

    private JsonNode done(Merchant owner, String id) {
        JsonNode[] last = {null};
        Eventually.within(Duration.ofSeconds(30), () -> {
            last[0] = api.get(owner.key(), "/api/v1/links/bulk/" + id).json();
            return last[0].path("status").asString().equals("DONE");
        }, "the upload done");
        assertThat(last[0].path("created").asInt() + last[0].path("refused").asInt()).isEqualTo(last[0].path("rows").asInt());
        return last[0];
    }

    private static List<String> errors(JsonNode status) {
        return status.path("errors").valueStream()
                .map(e -> e.path("row").asInt() + ":" + e.path("field").asString() + ":" + e.path("code").asString()).toList();
    }

}
