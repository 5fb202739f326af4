package com.linkpos.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.shared.Currency;
import com.linkpos.shared.Money;
import com.linkpos.shared.Total;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/**
 * The export's XLSX is written by fastexcel since it replaced POI's SXSSF; the file must say what it said:
 * cell by cell, as POI reads them back, both writers give the same sheets, values, kinds of cell, number
 * formats, bold header, frozen header row and column widths. (The benchmark compares their speed on the
 * strength of this.)
 */
class SxssfXlsxTest {

    private static final Locale TURKISH = Locale.forLanguageTag("tr-TR");

    record Item(String name, String code, Money amount, Total total, Integer count, Instant time, LocalDate day) {
    }

    @Test
    @DisplayName("fastexcel writes the same workbook as SXSSF did: sheets, values, cell kinds, formats, header, panes, widths")
    void bothWritersWriteTheSameWorkbook() throws IOException {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("h.name", TURKISH, "Ad");
        messages.addMessage("h.code", TURKISH, "Durum");
        messages.addMessage("h.amount", TURKISH, "Tutar");
        messages.addMessage("h.total", TURKISH, "Toplam tahsil edilen tutar (bir uzun başlık)");
        messages.addMessage("h.count", TURKISH, "Adet");
        messages.addMessage("h.time", TURKISH, "Zaman");
        messages.addMessage("h.day", TURKISH, "Valör");
        messages.addMessage("links.col.url", TURKISH, "Link");
        messages.addMessage("code.A", TURKISH, "Onaylandı");
        messages.addMessage("sheet", TURKISH, "İşlemler");
        List<Column<Item>> columns = List.of(Column.text("h.name", Item::name), Column.code("h.code", Item::code, "code."),
                Column.money("h.amount", Item::amount), Column.money("h.total", Item::total),
                Column.integer("h.count", Item::count), Column.dateTime("h.time", Item::time),
                Column.date("h.day", Item::day), Column.text("links.col.url", item -> "https://pay.example/pay/" + item.name()));
        Instant base = Instant.parse("2026-11-27T21:30:15.250Z"); // the next day in Istanbul
        List<Item> items = new ArrayList<>();
        String[] names = {"=HYPERLINK(\"http://evil.example\")", "<b>&amp;\" 'Ayşe'", "+SUM(1)", "düz metin", null, "@x", "-1"};
        Currency[] currencies = {Currency.TRY, Currency.JPY, Currency.USD};
        for (int i = 0; i < names.length; i++) {
            Currency currency = currencies[i % currencies.length];
            items.add(new Item(names[i], i % 2 == 0 ? "A" : "B",
                    i == 3 ? null : new Money(123_456L * i + 7, currency),
                    new Total(BigInteger.valueOf(9_000_000_000_000L).multiply(BigInteger.valueOf(i)), currency),
                    i == 4 ? null : i * 1000, base.plusSeconds(3_600L * i), i == 2 ? null : LocalDate.of(2026, 12, 1 + i)));
        }
        Exporter exporter = new Exporter(messages);
        SxssfXlsx sxssf = new SxssfXlsx(messages);
        for (int rowsPerSheet : new int[] {3, Exporter.ROWS_PER_SHEET}) {
            ByteArrayOutputStream fast = new ByteArrayOutputStream();
            exporter.xlsx(fast, columns, TURKISH, "sheet", items::forEach, rowsPerSheet);
            ByteArrayOutputStream poi = new ByteArrayOutputStream();
            sxssf.xlsx(poi, columns, TURKISH, "sheet", items::forEach, rowsPerSheet);
            assertSameWorkbook(fast.toByteArray(), poi.toByteArray(), columns.size());
        }
        // and with no rows at all: one sheet with its header
        ByteArrayOutputStream fast = new ByteArrayOutputStream();
        exporter.xlsx(fast, columns, TURKISH, "sheet", each -> { }, 3);
        ByteArrayOutputStream poi = new ByteArrayOutputStream();
        sxssf.xlsx(poi, columns, TURKISH, "sheet", each -> { }, 3);
        assertSameWorkbook(fast.toByteArray(), poi.toByteArray(), columns.size());
    }

    private static void assertSameWorkbook(byte[] fast, byte[] poi, int columns) throws IOException {
        try (XSSFWorkbook actual = new XSSFWorkbook(new ByteArrayInputStream(fast));
             XSSFWorkbook expected = new XSSFWorkbook(new ByteArrayInputStream(poi))) {
            assertThat(actual.getNumberOfSheets()).isEqualTo(expected.getNumberOfSheets());
            for (int s = 0; s < expected.getNumberOfSheets(); s++) {
                Sheet want = expected.getSheetAt(s);
                Sheet got = actual.getSheetAt(s);
                assertThat(got.getSheetName()).isEqualTo(want.getSheetName());
                assertThat(got.getLastRowNum()).as("rows of sheet %s", s + 1).isEqualTo(want.getLastRowNum());
                assertThat(got.getPaneInformation().isFreezePane()).isTrue();
                assertThat(got.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
                assertThat(got.getPaneInformation().getVerticalSplitPosition()).isZero();
                for (int c = 0; c < columns; c++) {
                    assertThat(got.getColumnWidth(c)).as("width of column %s", c).isEqualTo(want.getColumnWidth(c));
                }
                for (int r = 0; r <= want.getLastRowNum(); r++) {
                    Row wantRow = want.getRow(r);
                    Row gotRow = got.getRow(r);
                    for (int c = 0; c < columns; c++) {
                        assertSameCell(gotRow.getCell(c), wantRow.getCell(c), "sheet " + (s + 1) + ", row " + r + ", column " + c);
                    }
                }
            }
        }
    }

    private static void assertSameCell(Cell got, Cell want, String where) {
        if (want == null) {
            assertThat(got == null || got.getCellType() == CellType.BLANK).as("%s: no value", where).isTrue();
            return;
        }
        assertThat(got).as(where).isNotNull();
        assertThat(got.getCellType()).as(where).isEqualTo(want.getCellType());
        if (want.getCellType() == CellType.STRING) {
            assertThat(got.getStringCellValue()).as(where).isEqualTo(want.getStringCellValue());
        } else {
            assertThat(got.getNumericCellValue()).as(where).isEqualTo(want.getNumericCellValue());
            assertThat(DateUtil.isCellDateFormatted(got)).as(where).isEqualTo(DateUtil.isCellDateFormatted(want));
        }
        XSSFCellStyle gotStyle = (XSSFCellStyle) got.getCellStyle();
        XSSFCellStyle wantStyle = (XSSFCellStyle) want.getCellStyle();
        assertThat(gotStyle.getDataFormatString()).as("%s: number format", where).isEqualTo(wantStyle.getDataFormatString());
        assertThat(gotStyle.getFont().getBold()).as("%s: bold", where).isEqualTo(wantStyle.getFont().getBold());
    }
}
