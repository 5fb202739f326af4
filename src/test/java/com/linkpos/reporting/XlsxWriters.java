package com.linkpos.reporting;

import com.linkpos.transaction.ExportRows;
import com.linkpos.transaction.Transaction;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The benchmark's race between the two XLSX libraries: the transaction export of one merchant, read from the
 * database as the application reads it, written by fastexcel (the product's {@link Exporter#xlsx}) and by POI's
 * SXSSF (the writer it replaced, {@link SxssfXlsx}), in the benchmark's own JVM. Both get the same rows, the same
 * columns and words, into the same sink, so that only the library differs; the product's own figure over HTTP is
 * measured beside it. The sink stands for Tomcat's response: an 8 KB buffer that sends when full, so the "first
 * byte" is when the first 8 KB would have left, as over HTTP.
 */
public final class XlsxWriters {

    public enum Library { FASTEXCEL, SXSSF }

    public record Run(Library library, long rows, long bytes, double seconds, double firstByteSeconds) {
        public double rowsPerSecond() {
            return rows / seconds;
        }
    }

    private XlsxWriters() {
    }

    public static Run run(Library library, DataSource db, String merchantId, Instant from, Instant to) throws IOException {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages", "bank-codes"); // as spring.messages in application.yml
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        Locale turkish = Locale.forLanguageTag("tr-TR");
        List<Column<Transaction>> columns = ReportColumns.transactions();
        long[] rows = {0};
        Exporter.Rows<Transaction> source = each -> ExportRows.stream(db, merchantId, from, to, row -> {
            rows[0]++;
            each.accept(row);
        });
        FirstByteSink sink = new FirstByteSink();
        OutputStream out = new BufferedOutputStream(sink, 8192);
        sink.start = System.nanoTime();
        switch (library) {
            case FASTEXCEL -> new Exporter(messages).xlsx(out, columns, turkish, "export.sheet.transactions", source,
                    Exporter.ROWS_PER_SHEET);
            case SXSSF -> new SxssfXlsx(messages).xlsx(out, columns, turkish, "export.sheet.transactions", source,
                    Exporter.ROWS_PER_SHEET);
        }
        out.flush();
        double seconds = (System.nanoTime() - sink.start) / 1e9;
        return new Run(library, rows[0], sink.bytes, seconds, sink.firstByteSeconds());
    }

    /** Counts what arrives and notes when the first byte did; keeps nothing (the benchmark's COPY uses it too). */
    public static final class FirstByteSink extends OutputStream {
        public long start;
        long first;
        public long bytes;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (bytes == 0 && len > 0) {
                first = System.nanoTime();
            }
            bytes += len;
        }

        public double firstByteSeconds() {
            return bytes == 0 ? Double.NaN : (first - start) / 1e9;
        }
    }
}
