package com.linkpos.reporting;

import com.linkpos.shared.BusinessTime;
import com.linkpos.shared.Money;
import com.linkpos.shared.Total;
import java.math.BigInteger;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * [M2] Exports as streams: rows arrive one at a time from the database and leave at once, so any
 * number of rows fits in a small heap.
 * <ul>
 * <li>CSV for programs: comma separated, amounts with a decimal point ({@code 1250.50}), times in
 * ISO 8601 with the Istanbul offset ({@code 2026-11-27T12:00:00+03:00}), UTF-8.</li>
 * <li>CSV for Turkish Excel ({@code decimal=comma}): semicolon separated, decimal comma
 * ({@code 1250,50}), times as {@code 27.11.2026 12:00:00}, UTF-8 with a byte order mark.</li>
 * <li>XLSX: amounts as numbers, times as date cells (Istanbul time); past 1,048,576 rows a sheet
 * the rows go on in the next sheet.</li>
 * </ul>
 */
@Component
class Exporter {

    /** Excel's row limit, less the header row. */
    static final int ROWS_PER_SHEET = 1_048_576 - 1;
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final DateTimeFormatter TURKISH = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");
    private static final DateTimeFormatter TURKISH_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    enum Format { CSV, CSV_DECIMAL_COMMA, XLSX }

    /** Where the rows come from: calls its argument once per row. */
    interface Rows<T> {
        void each(Consumer<T> row);
    }

    private final MessageSource messages;

    Exporter(MessageSource messages) {
        this.messages = messages;
    }

    <T> void write(Format format, OutputStream out, List<Column<T>> columns, Locale locale, String sheetKey, Rows<T> rows) {
        try {
            if (format == Format.XLSX) {
                xlsx(out, columns, locale, sheetKey, rows, ROWS_PER_SHEET);
            } else {
                csv(out, columns, locale, format == Format.CSV_DECIMAL_COMMA, rows);
            }
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
    }

    <T> void csv(OutputStream out, List<Column<T>> columns, Locale locale, boolean decimalComma, Rows<T> rows) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        if (decimalComma) {
            writer.write('\uFEFF');
        }
        char delimiter = decimalComma ? ';' : ',';
        StringBuilder line = new StringBuilder(512);
        for (int i = 0; i < columns.size(); i++) {
            csvField(line, i, neutralised(header(columns.get(i), locale)), delimiter);
        }
        writer.append(line).append("\r\n");
        Words words = decimalComma ? new Words(messages, locale) : null;
        rows.each(row -> {
            line.setLength(0);
            for (int i = 0; i < columns.size(); i++) {
                Object value = columns.get(i).value().apply(row);
                csvField(line, i, csvValue(columns.get(i), words == null ? value : words.of(columns.get(i), value), decimalComma),
                        delimiter);
            }
            try {
                writer.append(line).append("\r\n");
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
        });
        writer.flush();
    }

    /**
     * One field as RFC 4180 has it: in quotes (with quotes doubled) only when it holds the delimiter,
     * a quote or a line break. Written by hand: a general CSV printer was a third of the export's CPU.
     */
    private static void csvField(StringBuilder line, int index, String value, char delimiter) {
        if (index > 0) {
            line.append(delimiter);
        }
        boolean quoted = false;
        for (int i = 0; i < value.length() && !quoted; i++) {
            char c = value.charAt(i);
            quoted = c == delimiter || c == '"' || c == '\r' || c == '\n';
        }
        if (!quoted) {
            line.append(value);
            return;
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }

    /**
     * XLSX through fastexcel, which zips each sheet into {@code out} while the rows are written: the download
     * starts with the first rows. (POI's SXSSF, used before, wrote the rows to a temporary file and zipped them
     * only at the end: for a million rows the first byte came after 18–35 s; docs/PERFORMANCE.md compares the two.)
     * Strings are inline, as SXSSF wrote them: a shared-string table would hold every distinct text (each
     * transaction id) in memory until the end.
     */
    <T> void xlsx(OutputStream out, List<Column<T>> columns, Locale locale, String sheetKey, Rows<T> rows,
                  int rowsPerSheet) throws IOException {
        Workbook workbook = new Workbook(out, "LinkPOS", "1.0");
        String sheetName = messages.getMessage(sheetKey, null, sheetKey, locale);
        Words words = new Words(messages, locale);
        int[] position = {1, 1}; // sheet number, row within the sheet
        Sheet[] sheet = {new Sheet(workbook, sheetName, columns, header(columns, locale))};
        rows.each(row -> {
            try {
                if (position[1] > rowsPerSheet) {
                    sheet[0].finish();
                    position[0]++;
                    sheet[0] = new Sheet(workbook, sheetName + " " + position[0], columns, header(columns, locale));
                    position[1] = 1;
                }
                sheet[0].row(position[1]++, columns, words, row);
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
        });
        sheet[0].finish();
        workbook.finish();
    }

    private List<String> header(List<? extends Column<?>> columns, Locale locale) {
        return columns.stream().map(column -> header(column, locale)).toList();
    }

    /**
     * One worksheet being written: a header row in bold, frozen so that it stays in sight while scrolling, and
     * columns as wide as their header and their kind of value need (a streamed sheet cannot measure its cells).
     * Its rows leave for the zip every {@link #FLUSH_ROWS}: fastexcel holds a sheet's rows until it is flushed.
     * Number formats are set on runs of rows, a column at a time, just before each flush: fastexcel's style
     * setter, called for each cell, was 45 % of the writer's CPU in a profile (it merges and looks the style up
     * every time). A run ends where the format changes or a cell has no value (such a cell stays absent, as
     * SXSSF left it, rather than becoming an empty formatted one).
     */
    private static final class Sheet {
        static final int FLUSH_ROWS = 512;
        static final String MONEY_2 = "#,##0.00";
        static final String MONEY_0 = "#,##0";
        static final String DATE_TIME = "dd.mm.yyyy hh:mm:ss";
        static final String DATE = "dd.mm.yyyy";

        private final Worksheet sheet;
        /** Per column: the number format of the run of rows not yet styled (null: none), its first and last row. */
        private final String[] runFormat;
        private final int[] runFrom;
        private final int[] runTo;

        <T> Sheet(Workbook workbook, String name, List<Column<T>> columns, List<String> titles) throws IOException {
            sheet = workbook.newWorksheet(name);
            runFormat = new String[columns.size()];
            runFrom = new int[columns.size()];
            runTo = new int[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                String title = titles.get(i);
                sheet.inlineString(0, i, title);
                sheet.style(0, i).bold().set();
                int typical = switch (columns.get(i).kind()) {
                    case MONEY -> 16;
                    case INTEGER -> 8;
                    case DATETIME -> 20;
                    case DATE -> 12;
                    case TEXT -> columns.get(i).headerKey().equals("links.col.url") ? 60 : 18;
                };
                sheet.width(i, Math.min(80, Math.max(typical, title.length() + 2)));
            }
            sheet.freezePane(0, 1);
            sheet.flush();
        }

        <T> void row(int r, List<Column<T>> columns, Words words, T row) throws IOException {
            for (int i = 0; i < columns.size(); i++) {
                Object value = words.of(columns.get(i), columns.get(i).value().apply(row));
                if (value == null) {
                    continue;
                }
                switch (columns.get(i).kind()) {
                    case MONEY -> {
                        // an amount, or a sum of them (a report's total)
                        Total sum = value instanceof Money money ? new Total(BigInteger.valueOf(money.minor()), money.currency())
                                : (Total) value;
                        sheet.value(r, i, sum.toBigDecimal().doubleValue());
                        format(r, i, sum.currency().minorDigits() == 0 ? MONEY_0 : MONEY_2);
                    }
                    case INTEGER -> sheet.value(r, i, (Number) value);
                    case DATETIME -> {
                        sheet.value(r, i, ((Instant) value).atZone(BusinessTime.ZONE).toLocalDateTime());
                        format(r, i, DATE_TIME);
                    }
                    case DATE -> {
                        sheet.value(r, i, (java.time.LocalDate) value);
                        format(r, i, DATE);
                    }
                    default -> sheet.inlineString(r, i, value.toString());
                }
            }
            if (r % FLUSH_ROWS == 0) {
                flush();
            }
        }

        /** The cell at row r, column c takes this number format (a constant of this class). */
        private void format(int r, int c, String format) {
            if (runFormat[c] == format && runTo[c] == r - 1) {
                runTo[c] = r;
                return;
            }
            styleRun(c);
            runFormat[c] = format;
            runFrom[c] = r;
            runTo[c] = r;
        }

        private void styleRun(int c) {
            if (runFormat[c] != null) {
                sheet.range(runFrom[c], c, runTo[c], c).style().format(runFormat[c]).set();
                runFormat[c] = null;
            }
        }

        private void flush() throws IOException {
            for (int c = 0; c < runFormat.length; c++) {
                styleRun(c);
            }
            sheet.flush();
        }

        void finish() throws IOException {
            flush();
            sheet.finish();
        }
    }

    /**
     * Codes in the reader's words, each looked up once per file. Not private: the benchmark's SXSSF writer (in the
     * tests) uses the same lookups, so that only the library differs.
     */
    static final class Words {
        private final MessageSource messages;
        private final Locale locale;
        private final java.util.Map<String, String> known = new java.util.HashMap<>();

        Words(MessageSource messages, Locale locale) {
            this.messages = messages;
            this.locale = locale;
        }

        Object of(Column<?> column, Object value) {
            if (column.words() == null || value == null) {
                return value;
            }
            String key = column.words() + value;
            return known.computeIfAbsent(key, k -> messages.getMessage(k, null, value.toString(), locale));
        }
    }

    private static String csvValue(Column<?> column, Object value, boolean decimalComma) {
        if (value == null) {
            return "";
        }
        return switch (column.kind()) {
            case MONEY -> {
                String plain = value instanceof Total sum ? sum.toDecimalString() : ((Money) value).toDecimalString();
                yield decimalComma ? plain.replace('.', ',') : plain;
            }
            case DATETIME -> (decimalComma ? TURKISH : ISO).format(((Instant) value).atZone(BusinessTime.ZONE));
            case DATE -> decimalComma ? TURKISH_DATE.format((java.time.LocalDate) value) : value.toString();
            case TEXT -> neutralised(value.toString());
            default -> value.toString();
        };
    }

    /**
     * OWASP's rule against CSV injection, for every CSV (whoever opens a file for programs in a
     * spreadsheet runs it too): a text that starts like a formula (a payer's note "=HYPERLINK(…)",
     * "+SUM(…)", "@SUM(…)", "-1+…", or a tab or carriage return before one) gets a leading apostrophe,
     * so that no spreadsheet runs it. Amounts and times are written by LinkPOS and never start so.
     */
    static String neutralised(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private String header(Column<?> column, Locale locale) {
        return messages.getMessage(column.headerKey(), null, column.headerKey(), locale);
    }
}
