package com.linkpos.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/** The exports' own CSV writing, read back by an independent parser (Apache Commons CSV). */
class CsvFieldsTest {

    private static final List<String> AWKWARD = List.of("plain", "with, comma", "with; semicolon", "say \"hi\"",
            "two\r\nlines", "line\nfeed", "", " padded ", "=HYPERLINK(\"x\")", "ğüşıöç ĞÜŞİÖÇ");

    @Test
    void everyValueComesBackAsItWasWrittenButFormulasAsText() throws Exception {
        List<String> read = writeAndRead(false);
        assertThat(read).containsExactlyElementsOf(AWKWARD.stream().map(Exporter::neutralised).toList());
        assertThat(read).contains("'=HYPERLINK(\"x\")", "with, comma", "two\r\nlines");
    }

    @Test
    void theExcelVariantKeepsFormulasAsText() throws Exception {
        List<String> read = writeAndRead(true);
        assertThat(read).containsExactlyElementsOf(AWKWARD.stream().map(Exporter::neutralised).toList());
        assertThat(read).contains("'=HYPERLINK(\"x\")");
    }

    @Test
    void owaspsFormulaStartsAreNeutralised() {
        assertThat(List.of("=1+1", "+SUM(1+1)*cmd|' /C calc'!A0", "-2+3", "@SUM(1,1)", "\t=1", "\r=1"))
                .allSatisfy(cell -> assertThat(Exporter.neutralised(cell)).isEqualTo("'" + cell));
        assertThat(Exporter.neutralised("Teşekkürler = ok")).isEqualTo("Teşekkürler = ok");
        assertThat(Exporter.neutralised("")).isEmpty();
    }

    private static List<String> writeAndRead(boolean decimalComma) throws Exception {
        StaticMessageSource messages = new StaticMessageSource();
        List<Column<List<String>>> columns = new java.util.ArrayList<>();
        for (int i = 0; i < AWKWARD.size(); i++) {
            int index = i;
            messages.addMessage("h" + i, Locale.ENGLISH, "Header " + i);
            columns.add(Column.text("h" + i, row -> row.get(index)));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Exporter(messages).csv(out, columns, Locale.ENGLISH, decimalComma, each -> {
            each.accept(AWKWARD);
            each.accept(AWKWARD);
        });
        String text = out.toString(StandardCharsets.UTF_8);
        if (decimalComma) {
            assertThat(text).startsWith("\uFEFF");
            text = text.substring(1);
        }
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setDelimiter(decimalComma ? ';' : ',').get()
                .parse(new StringReader(text)).getRecords();
        assertThat(records).hasSize(3);
        assertThat(records.get(0).get(0)).isEqualTo("Header 0");
        assertThat(records.get(1).values()).containsExactly(records.get(2).values());
        return List.of(records.get(1).values());
    }
}
