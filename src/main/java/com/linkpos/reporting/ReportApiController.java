package com.linkpos.reporting;

import com.linkpos.link.LinkQuery;
import com.linkpos.link.LinkStatus;
import com.linkpos.link.LinkUrls;
import com.linkpos.platform.Caller;
import com.linkpos.shared.Currency;
import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.ListPages;
import com.linkpos.platform.Languages;
import com.linkpos.shared.ProblemException;
import com.linkpos.transaction.Transaction;
import com.linkpos.transaction.TransactionSearch;
import com.linkpos.transaction.TransactionQuery;
import com.linkpos.transaction.TransactionJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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

    // TransactionQuery's checks, as OpenAPI writes a pattern
    private static final String TOKEN = "^[A-Za-z0-9_-]{1,64}$";
    private static final String AMOUNT = "^\\d{1,18}([.,]\\d{1,2})?$";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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

    /*
     * The query parameters as the OpenAPI description names them. The handlers take them as one map, as
     * the portal's forms send them, and TransactionQuery and linkFilter read it with the checks and codes
     * they always had; so the names and types are described here, once for each group.
     */

    /** [R1] İşlem Arama's criteria. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @Parameters({
            @Parameter(name = "from", in = ParameterIn.QUERY, example = "2026-11-27", schema = @Schema(type = "string"),
                    description = "From this day (`yyyy-MM-dd`, Istanbul) or time (ISO-8601 with offset), inclusive. "
                            + "With neither `from` nor `to`: today."),
            @Parameter(name = "to", in = ParameterIn.QUERY, example = "2026-11-28", schema = @Schema(type = "string"),
                    description = "To this day (inclusive) or time (exclusive)."),
            @Parameter(name = "orderNumber", in = ParameterIn.QUERY, description = "Only this order number.",
                    schema = @Schema(type = "string", pattern = TOKEN)),
            @Parameter(name = "status", in = ParameterIn.QUERY, description = "Only approved, or only declined, ones.",
                    schema = @Schema(type = "string", allowableValues = {"APPROVED", "DECLINED"})),
            @Parameter(name = "type", in = ParameterIn.QUERY, description = "Only sales, voids or refunds.",
                    schema = @Schema(type = "string", allowableValues = {"SALE", "VOID", "REFUND"})),
            @Parameter(name = "currency", in = ParameterIn.QUERY, description = "Only this currency.",
                    schema = @Schema(implementation = Currency.class)),
            @Parameter(name = "minAmount", in = ParameterIn.QUERY, description = "At least this amount, in each "
                    + "transaction's own currency.", schema = @Schema(type = "string", pattern = AMOUNT)),
            @Parameter(name = "maxAmount", in = ParameterIn.QUERY, description = "At most this amount.",
                    schema = @Schema(type = "string", pattern = AMOUNT)),
            @Parameter(name = "cardLast4", in = ParameterIn.QUERY, description = "The card's last four digits.",
                    schema = @Schema(type = "string", pattern = "^\\d{4}$")),
            @Parameter(name = "authCode", in = ParameterIn.QUERY, description = "The bank's authorization code.",
                    schema = @Schema(type = "string", pattern = TOKEN)),
            @Parameter(name = "linkId", in = ParameterIn.QUERY, description = "Only payments of this link (`lnk_…`).",
                    schema = @Schema(type = "string", pattern = TOKEN))})
    @interface TransactionFilters {
    }

    /** The link list's filters, as {@code GET /api/v1/links} names them. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @Parameters({
            @Parameter(name = "status", in = ParameterIn.QUERY, description = "Only links in this status.",
                    schema = @Schema(implementation = LinkStatus.class)),
            @Parameter(name = "orderNumber", in = ParameterIn.QUERY, description = "Only this order number.",
                    schema = @Schema(type = "string", pattern = TOKEN)),
            @Parameter(name = "createdFrom", in = ParameterIn.QUERY, description = "Created at or after this time.",
                    schema = @Schema(type = "string", format = "date-time")),
            @Parameter(name = "createdTo", in = ParameterIn.QUERY, description = "Created before this time.",
                    schema = @Schema(type = "string", format = "date-time"))})
    @interface LinkFilters {
    }

    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @Parameters({
            @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Transactions per page.",
                    schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "" + ListPages.MAX_LIMIT,
                            defaultValue = "" + ListPages.DEFAULT_LIMIT)),
            @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "The `nextCursor` of the page before.",
                    schema = @Schema(type = "string"))})
    @interface Page {
    }

    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @Parameters({
            @Parameter(name = "format", in = ParameterIn.QUERY, description = "The file: CSV (RFC 4180, UTF-8) or an "
                    + "Excel workbook.", schema = @Schema(type = "string", allowableValues = {"csv", "xlsx"},
                    defaultValue = "csv")),
            @Parameter(name = "decimal", in = ParameterIn.QUERY, description = "CSV only: `comma` for Turkish Excel "
                    + "(`;` separator, decimal comma, a byte order mark, Istanbul times); otherwise a decimal point, `,` "
                    + "separator and ISO-8601 times.", schema = @Schema(type = "string",
                    allowableValues = {"point", "comma"}, defaultValue = "point"))})
    @interface ExportFormat {
    }

    /** The file of an export, streamed. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(responseCode = "200", description = "The file, as an attachment.", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary"))})
    @interface ExportFile {
    }

    @Schema(name = "TransactionList", description = "A page of transactions, newest first.")
    record TransactionList(List<TransactionJson> data,
                           @Schema(nullable = true, description = "The `cursor` of the next page; null on the last page.")
                           String nextCursor) {
    }

    @GetMapping("/api/v1/transactions")
    @Tag(name = "Transactions")
    @Operation(operationId = "listTransactions", summary = "Search transactions", description = "[R1] İşlem Arama: "
            + "the merchant's transactions, newest first, a page at a time; the filters combine.")
    @TransactionFilters
    @Page
    TransactionList transactions(Caller caller, @Parameter(hidden = true) @RequestParam Map<String, String> params) {
        List<FieldProblem> errors = new ArrayList<>();
        TransactionQuery query = TransactionQuery.parse(params, clock.instant(), errors);
        int limit = ListPages.limit(params.get("limit"), errors);
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
        Transaction last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
        return new TransactionList(shown.stream().map(TransactionJson::of).toList(),
                more ? new TransactionSearch.Cursor(last.createdAt(), last.id()).encode() : null);
    }

    @GetMapping("/api/v1/transactions/export")
    @Tag(name = "Transactions")
    @Operation(operationId = "exportTransactions", summary = "Export transactions", description = "Every transaction "
            + "the filters select (no paging), streamed as CSV or XLSX; CSV cells that a spreadsheet would run as a "
            + "formula are prefixed with `'`.")
    @TransactionFilters
    @ExportFormat
    @ExportFile
    ResponseEntity<StreamingResponseBody> exportTransactions(Caller caller,
                                                             @Parameter(hidden = true) @RequestParam Map<String, String> params,
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
    @Tag(name = "Links")
    @Operation(operationId = "exportLinks", summary = "Export links", description = "Every link the filters select "
            + "(no paging), streamed as CSV or XLSX; CSV cells that a spreadsheet would run as a formula are prefixed "
            + "with `'`.")
    @LinkFilters
    @ExportFormat
    @ExportFile
    ResponseEntity<StreamingResponseBody> exportLinks(Caller caller,
                                                      @Parameter(hidden = true) @RequestParam Map<String, String> params,
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

    static Exporter.Format format(Map<String, String> params, List<FieldProblem> errors) {
        Exporter.Format format = Downloads.format(params.get("format"), params.get("decimal"));
        if (format == null) {
            errors.add(FieldProblem.of("format", "invalid_export_format"));
        }
        return format;
    }

    static Locale language(HttpServletRequest request) {
        return Languages.fromAcceptLanguage(request);
    }
}
