package com.linkpos.link;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.MediaType;

/**
 * [X1] The files of bulk links: the template (a header row) and the result (each row's URL or reasons),
 * as CSV (RFC 4180, UTF-8, comma separated) or XLSX written as a stream (POI's SXSSF).
 */
final class BulkSheets {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    static final List<String> RESULT_HEADER = List.of("row", "url", "errors");

    private BulkSheets() {
    }

    /** "csv" or "xlsx" (CSV when not given); null when it is neither. */
    static BulkFile.Format format(String format) {
        if (format == null || format.isBlank() || "csv".equalsIgnoreCase(format.strip())) {
            return BulkFile.Format.CSV;
        }
        return "xlsx".equalsIgnoreCase(format.strip()) ? BulkFile.Format.XLSX : null;
    }

    /** Rows of text cells; the first is the header. */
    interface Rows {
        void each(Consumer<List<String>> row);
    }

    static void write(BulkFile.Format format, String sheetName, Rows rows, OutputStream out) {
        try {
            if (format == BulkFile.Format.XLSX) {
                xlsx(sheetName, rows, out);
            } else {
                csv(rows, out);
            }
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
    }

    private static void csv(Rows rows, OutputStream out) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        StringBuilder line = new StringBuilder(256);
        rows.each(cells -> {
            line.setLength(0);
            for (int i = 0; i < cells.size(); i++) {
                field(line, i, neutralised(cells.get(i) == null ? "" : cells.get(i)));
            }
            try {
                writer.append(line).append("\r\n");
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
        });
        writer.flush();
    }

    /** RFC 4180: in quotes, quotes doubled, only when the field holds a comma, a quote or a line break. */
    private static void field(StringBuilder line, int index, String value) {
        if (index > 0) {
            line.append(',');
        }
        if (value.chars().noneMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')) {
            line.append(value);
            return;
        }
        line.append('"').append(value.replace("\"", "\"\"")).append('"');
    }

    /** API.md: no cell of a CSV starts like a formula (the same rule as the exports'). */
    private static String neutralised(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /**
     * A sheet whose columns are formatted as text, so that a spreadsheet keeps what is typed in them as
     * typed: a mobile number's leading 0, an order number of digits, an amount with its two decimals.
     */
    private static void xlsx(String sheetName, Rows rows, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            Sheet sheet = workbook.createSheet(sheetName);
            int[] next = {0};
            rows.each(cells -> {
                Row row = sheet.createRow(next[0]);
                for (int i = 0; i < cells.size(); i++) {
                    if (next[0] == 0) {
                        sheet.setColumnWidth(i, Math.min(60, Math.max(14, cells.get(i).length() + 4)) * 256);
                        sheet.setDefaultColumnStyle(i, text);
                    }
                    if (cells.get(i) != null) {
                        row.createCell(i).setCellValue(cells.get(i));
                        row.getCell(i).setCellStyle(next[0] == 0 ? bold : text);
                    }
                }
                next[0]++;
            });
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            workbook.dispose();
        }
    }
}
