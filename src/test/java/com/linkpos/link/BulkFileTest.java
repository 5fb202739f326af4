package com.linkpos.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.ProblemException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.ResourceBundleMessageSource;

/** [X1] Reading a bulk file without Spring: RFC 4180 records, the header's words, a row's values. */
class BulkFileTest {

    @TempDir
    Path dir;

    private static List<List<String>> records(String csv) throws Exception {
        List<List<String>> records = new ArrayList<>();
        CsvRecords.read(new java.io.BufferedReader(new StringReader(csv)), ',', records::add);
        return records;
    }

    @Test
    void csvRecordsFollowRfc4180() throws Exception {
        assertThat(records("a,b\r\n1,\"x, \"\"y\"\"\r\nz\"\n\n3,\r4,5")).containsExactly(
                List.of("a", "b"), List.of("1", "x, \"y\"\r\nz"), List.of("3", ""), List.of("4", "5"));
        assertThat(records("\"\"\r\n")).containsExactly(List.of(""));
        assertThatThrownBy(() -> records("a\"b\r\n")).isInstanceOf(CsvRecords.Malformed.class);
        assertThatThrownBy(() -> records("\"a\"b\r\n")).isInstanceOf(CsvRecords.Malformed.class);
        assertThatThrownBy(() -> records("\"open\r\n")).isInstanceOf(CsvRecords.Malformed.class);
        assertThatThrownBy(() -> records("x".repeat(CsvRecords.LONGEST_RECORD + 1))).isInstanceOf(CsvRecords.Malformed.class);
    }

    @Test
    void aFileIsReadWithItsByteOrderMarkAndExcelsSemicolons() throws Exception {
        Path file = dir.resolve("excel.csv");
        Files.write(file, "\uFEFFTutar;Açıklama\r\n1.250,50;\"a;b\"\r\n;\r\n".getBytes(StandardCharsets.UTF_8));
        List<List<String>> rows = new ArrayList<>();
        BulkFile.of("excel.csv", file).read(rows::add);
        assertThat(rows).containsExactly(List.of("Tutar", "Açıklama"), List.of("1.250,50", "a;b"));

        Path latin = dir.resolve("latin.csv");
        Files.write(latin, "amount\r\n\u00e7\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> BulkFile.of("latin.csv", latin).read(row -> { }))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.errors().get(0).code()).isEqualTo("unreadable_file"));
        assertThatThrownBy(() -> BulkFile.of("latin.txt", latin))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo("unsupported_media_type"));
    }

    @Test
    void headersAreTheApisNamesOrThePortalsWordsInAnyCaseAndOrder() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        BulkColumns columns = BulkColumns.of(List.of("TUTAR", "sipariş numarası", "Valid until", "email", ""), messages);
        assertThat(columns.fields()).containsExactly("amount", "orderNumber", "validUntil", "email", null);
        assertThat(BulkColumns.header(messages, null)).isEqualTo(BulkColumns.FIELDS);
        assertThat(BulkColumns.header(messages, java.util.Locale.ENGLISH)).startsWith("Order number", "Amount");
        assertThatThrownBy(() -> BulkColumns.of(List.of("orderNumber"), messages))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.errors()).extracting(FieldProblem::code)
                        .containsExactly("missing_column"));
    }

    @Test
    void aRowsValuesAreReadAsTheApiAndThePortalWriteThem() {
        List<FieldProblem> unreadable = new ArrayList<>();
        LinkInput input = new BulkRow(1, Map.of("amount", "1.250,50", "validUntil", "01.12.2026 09:00",
                "validFrom", "2026-11-30T10:00:00Z", "payerNoteEnabled", "Evet", "installments", " 3 ")).toInput(unreadable);
        assertThat(unreadable).isEmpty();
        assertThat(input.amount()).isEqualTo("1250.50");
        assertThat(input.validUntil()).isEqualTo(Instant.parse("2026-12-01T06:00:00Z"));
        assertThat(input.validFrom()).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
        assertThat(input.payerNoteEnabled()).isTrue();
        assertThat(input.installments()).isEqualTo(3);
        assertThat(new BulkRow(2, Map.of("amount", "1250.50")).toInput(unreadable).amount()).isEqualTo("1250.50");

        LinkInput bad = new BulkRow(3, Map.of("amount", "12,5.0", "installments", "üç", "validUntil", "yarın",
                "payerNoteEnabled", "belki")).toInput(unreadable);
        assertThat(bad.amount()).isEqualTo("12,5.0"); // the rules refuse it with the API's own code
        assertThat(unreadable).extracting(p -> p.field() + ":" + p.code()).containsExactly(
                "installments:invalid_type", "validUntil:invalid_date", "payerNoteEnabled:invalid_type");
    }
}
