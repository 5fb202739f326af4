package com.linkpos.reporting;

import com.linkpos.link.LinkQuery;
import com.linkpos.link.LinkStatus;
import com.linkpos.link.LinkUrls;
import com.linkpos.merchant.Caller;
import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.Languages;
import com.linkpos.shared.ProblemException;
import com.linkpos.transaction.Transaction;
import com.linkpos.transaction.TransactionJson;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The searches and exports of API.md: transactions with a cursor, and both exports as streamed files. */
@RestController
class ReportApiController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final TransactionSearch search;
    private final LinkReport linkReport;
    private final Downloads downloads;
    private final LinkUrls urls;
    private final Clock clock;

    ReportApiController(TransactionSearch search, LinkReport linkReport, Downloads downloads, LinkUrls urls, Clock clock) {
        this.search = search;
        this.linkReport = linkReport;
        this.downloads = downloads;
        this.urls = urls;
        this.clock = clock;
    }

    @GetMapping("/api/v1/transactions")
    Map<String, Object> transactions(Caller caller, @RequestParam Map<String, String> params) {
        List<FieldProblem> errors = new ArrayList<>();
        TransactionQuery query = TransactionQuery.parse(params, clock.instant(), errors);
        int limit = limit(params.get("limit"), errors);
        TransactionSearch.Cursor cursor = null;
        if (params.get("cursor") != null && !params.get("cursor").isBlank()) {
            cursor = TransactionSearch.Cursor.decode(params.get("cursor").strip());
            if (cursor == null) {
                errors.add(FieldProblem.of("cursor", "invalid_cursor"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors);
        }
        List<Transaction> page = search.page(caller.merchantId(), query, cursor, limit + 1);
        boolean more = page.size() > limit;
        List<Transaction> shown = more ? page.subList(0, limit) : page;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", shown.stream().map(TransactionJson::of).toList());
        Transaction last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
        body.put("nextCursor", more ? new TransactionSearch.Cursor(last.createdAt(), last.id()).encode() : null);
        return body;
    }

    @GetMapping("/api/v1/transactions/export")
    ResponseEntity<StreamingResponseBody> exportTransactions(Caller caller, @RequestParam Map<String, String> params,
                                                             HttpServletRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        TransactionQuery query = TransactionQuery.parse(params, clock.instant(), errors);
        Exporter.Format format = format(params, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors);
        }
        String merchant = caller.merchantId();
        return downloads.download("transactions", format, ReportColumns.transactions(), language(request),
                "export.sheet.transactions", each -> search.stream(merchant, query, each));
    }

    @GetMapping("/api/v1/links/export")
    ResponseEntity<StreamingResponseBody> exportLinks(Caller caller, @RequestParam Map<String, String> params,
                                                      HttpServletRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        LinkQuery filter = linkFilter(params, errors);
        Exporter.Format format = format(params, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors);
        }
        String merchant = caller.merchantId();
        Instant now = clock.instant();
        return downloads.download("links", format, ReportColumns.links(urls.base()), language(request),
                "export.sheet.links", each -> linkReport.stream(merchant, filter, now, each));
    }

    /** The link list's filters as the API names them: status, orderNumber, createdFrom, createdTo. */
    static LinkQuery linkFilter(Map<String, String> params, List<FieldProblem> errors) {
        LinkStatus status = null;
        String statusText = params.get("status");
        if (statusText != null && !statusText.isBlank()) {
            try {
                status = LinkStatus.valueOf(statusText.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                errors.add(FieldProblem.of("status", "invalid_status"));
            }
        }
        String orderNumber = params.get("orderNumber");
        if (orderNumber != null && !orderNumber.isBlank() && !orderNumber.strip().matches("[A-Za-z0-9_-]{1,64}")) {
            errors.add(FieldProblem.of("orderNumber", "invalid_order_number"));
            orderNumber = null;
        }
        return new LinkQuery(status, orderNumber == null || orderNumber.isBlank() ? null : orderNumber.strip(),
                time(params.get("createdFrom"), "createdFrom", errors), time(params.get("createdTo"), "createdTo", errors));
    }

    private static Instant time(String text, String field, List<FieldProblem> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException unreadable) {
            errors.add(FieldProblem.of(field, "invalid_type"));
            return null;
        }
    }

    private static Exporter.Format format(Map<String, String> params, List<FieldProblem> errors) {
        Exporter.Format format = Downloads.format(params.get("format"), params.get("decimal"));
        if (format == null) {
            errors.add(FieldProblem.of("format", "invalid_export_format"));
        }
        return format;
    }

    private static int limit(String text, List<FieldProblem> errors) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        errors.add(FieldProblem.of("limit", "invalid_limit", MAX_LIMIT));
        return DEFAULT_LIMIT;
    }

    private static Locale language(HttpServletRequest request) {
        return Languages.fromAcceptLanguage(request);
    }
}
