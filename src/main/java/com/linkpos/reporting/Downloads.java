package com.linkpos.reporting;

import com.linkpos.shared.BusinessTime;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Turns an export into an HTTP download that streams: the database cursor (a read-only
 * transaction, so PostgreSQL really fetches in batches) feeds the writer, which feeds the response.
 */
@Component
class Downloads {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final Exporter exporter;
    private final TransactionTemplate readOnly;
    private final Clock clock;
    /** [O2] Exports streaming now, on this instance: each holds a connection and a database cursor while it runs. */
    private final AtomicInteger running = new AtomicInteger();

    Downloads(Exporter exporter, PlatformTransactionManager transactions, Clock clock, MeterRegistry meters) {
        Gauge.builder("linkpos.exports.running", running, AtomicInteger::get)
                .description("Exports (CSV, XLSX) streaming to a client now").register(meters);
        this.exporter = exporter;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
    }

    /** "csv", "xlsx" and the decimal-comma option as one choice; null when not understood. */
    static Exporter.Format format(String format, String decimal) {
        if ("xlsx".equalsIgnoreCase(format)) {
            return Exporter.Format.XLSX;
        }
        if (format == null || format.isBlank() || "csv".equalsIgnoreCase(format)) {
            return "comma".equalsIgnoreCase(decimal) ? Exporter.Format.CSV_DECIMAL_COMMA : Exporter.Format.CSV;
        }
        return null;
    }

    <T> ResponseEntity<StreamingResponseBody> download(String name, Exporter.Format format, List<Column<T>> columns,
                                                       Locale locale, String sheetKey, Exporter.Rows<T> rows) {
        boolean xlsx = format == Exporter.Format.XLSX;
        // each variant its own name: the semicolon-and-comma CSV is the one Excel in Turkish opens as a table
        String filename = name + "-" + LocalDate.now(clock.withZone(BusinessTime.ZONE))
                + (xlsx ? ".xlsx" : format == Exporter.Format.CSV_DECIMAL_COMMA ? "-excel.csv" : ".csv");
        StreamingResponseBody body = out -> {
            running.incrementAndGet();
            try {
                readOnly.executeWithoutResult(status -> exporter.write(format, out, columns, locale, sheetKey, rows));
            } finally {
                running.decrementAndGet();
            }
        };
        return ResponseEntity.ok()
                .contentType(xlsx ? XLSX : CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}
