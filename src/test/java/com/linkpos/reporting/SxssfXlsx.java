package com.linkpos.reporting;

import com.linkpos.shared.BusinessTime;
import com.linkpos.shared.Money;
import com.linkpos.shared.Total;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;

/**
 * The XLSX writer the exports used before fastexcel, POI's SXSSF, as it was (commit 3bddb50): kept here, in the
 * tests, only so that the benchmark can measure both libraries on the same rows in the same run
 * ({@link XlsxWriters}). The product does not ship it: a second writer in the product would be dead code that
 * nobody tests through HTTP. {@link SxssfXlsxTest} checks that it still writes what {@link Exporter#xlsx} writes,
 * so the comparison is between two equal files.
 */
final class SxssfXlsx {

    private final MessageSource messages;

    SxssfXlsx(MessageSource messages) {
        this.messages = messages;
    }

    <T> void xlsx(OutputStream out, List<Column<T>> columns, Locale locale, String sheetKey, Exporter.Rows<T> rows,
                  int rowsPerSheet) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle money2 = workbook.createCellStyle();
            money2.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            CellStyle money0 = workbook.createCellStyle();
            money0.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
            CellStyle dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(workbook.createDataFormat().getFormat("dd.mm.yyyy hh:mm:ss"));
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd.mm.yyyy"));
            String sheetName = messages.getMessage(sheetKey, null, sheetKey, locale);
            Exporter.Words words = new Exporter.Words(messages, locale);
            int[] position = {0, 0}; // sheet number, row within the sheet
            Sheet[] sheet = {null};
            rows.each(row -> {
                if (sheet[0] == null || position[1] > rowsPerSheet) {
                    position[0]++;
                    sheet[0] = sheet(workbook, sheetName + (position[0] == 1 ? "" : " " + position[0]), columns, locale, bold);
                    position[1] = 1;
                }
                Row line = sheet[0].createRow(position[1]++);
                for (int i = 0; i < columns.size(); i++) {
                    Object value = words.of(columns.get(i), columns.get(i).value().apply(row));
                    if (value == null) {
                        continue;
                    }
                    Cell cell = line.createCell(i);
                    switch (columns.get(i).kind()) {
                        case MONEY -> {
                            Total sum = value instanceof Money money ? new Total(BigInteger.valueOf(money.minor()), money.currency())
                                    : (Total) value;
                            cell.setCellValue(sum.toBigDecimal().doubleValue());
                            cell.setCellStyle(sum.currency().minorDigits() == 0 ? money0 : money2);
                        }
                        case INTEGER -> cell.setCellValue(((Number) value).doubleValue());
                        case DATETIME -> {
                            cell.setCellValue(((Instant) value).atZone(BusinessTime.ZONE).toLocalDateTime());
                            cell.setCellStyle(dateTime);
                        }
                        case DATE -> {
                            cell.setCellValue((java.time.LocalDate) value);
                            cell.setCellStyle(date);
                        }
                        default -> cell.setCellValue(value.toString());
                    }
                }
            });
            if (sheet[0] == null) {
                sheet(workbook, sheetName, columns, locale, bold);
            }
            // SXSSF has written the rows to a temporary file; only now are they zipped into the output
            workbook.write(out);
            workbook.dispose();
        }
    }

    private <T> Sheet sheet(SXSSFWorkbook workbook, String name, List<Column<T>> columns, Locale locale, CellStyle bold) {
        Sheet sheet = workbook.createSheet(name);
        Row header = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            String title = messages.getMessage(columns.get(i).headerKey(), null, columns.get(i).headerKey(), locale);
            Cell cell = header.createCell(i);
            cell.setCellValue(title);
            cell.setCellStyle(bold);
            int typical = switch (columns.get(i).kind()) {
                case MONEY -> 16;
                case INTEGER -> 8;
                case DATETIME -> 20;
                case DATE -> 12;
                case TEXT -> columns.get(i).headerKey().equals("links.col.url") ? 60 : 18;
            };
            sheet.setColumnWidth(i, Math.min(80, Math.max(typical, title.length() + 2)) * 256);
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }
}
