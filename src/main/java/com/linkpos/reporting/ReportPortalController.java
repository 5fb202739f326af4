package com.linkpos.reporting;

import com.linkpos.link.LinkQuery;
import com.linkpos.link.LinkStatus;
import com.linkpos.link.LinkUrls;
import com.linkpos.merchant.Caller;
import com.linkpos.shared.BusinessTime;
import com.linkpos.shared.Currency;
import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.ProblemException;
import com.linkpos.shared.TypedAmounts;
import com.linkpos.transaction.Ledger;
import com.linkpos.transaction.Transaction;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Raporlar → Raporlamalar: İşlem Arama [R1] with its detail (the magnifier), LinkPOS Raporu [R2],
 * and «Dışa Aktar» [M2] of both and of the link list, carrying what the screen's filters select.
 */
@Controller
class ReportPortalController {

    static final int PAGE_SIZE = 25;

    private final TransactionSearch search;
    private final LinkReport linkReport;
    private final Ledger ledger;
    private final Downloads downloads;
    private final LinkUrls urls;
    private final Clock clock;

    ReportPortalController(TransactionSearch search, LinkReport linkReport, Ledger ledger, Downloads downloads,
                           LinkUrls urls, Clock clock) {
        this.search = search;
        this.linkReport = linkReport;
        this.ledger = ledger;
        this.downloads = downloads;
        this.urls = urls;
        this.clock = clock;
    }

    @GetMapping("/reports/transactions")
    String transactions(Caller caller, @RequestParam Map<String, String> params, Model model, Locale locale) {
        searchInto(caller, params, model, "/reports/transactions", locale);
        return "reporting/transactions";
    }

    /** The search of İşlem Arama, also used by Provizyon İptal/İade. */
    void searchInto(Caller caller, Map<String, String> typed, Model model, String path, Locale locale) {
        // amounts as people type them in the portal ("1.000,50")
        Map<String, String> params = new LinkedHashMap<>(typed);
        params.computeIfPresent("minAmount", (name, value) -> TypedAmounts.canonical(value, locale));
        params.computeIfPresent("maxAmount", (name, value) -> TypedAmounts.canonical(value, locale));
        List<FieldProblem> errors = new ArrayList<>();
        TransactionQuery query = TransactionQuery.parse(params, clock.instant(), errors);
        TransactionSearch.Cursor cursor = params.get("cursor") == null ? null : TransactionSearch.Cursor.decode(params.get("cursor"));
        List<Transaction> rows = errors.isEmpty() ? search.page(caller.merchantId(), query, cursor, PAGE_SIZE + 1) : List.of();
        boolean more = rows.size() > PAGE_SIZE;
        List<Transaction> shown = more ? rows.subList(0, PAGE_SIZE) : rows;
        Map<String, String> criteria = formValues(params, query);
        model.addAttribute("rows", shown);
        model.addAttribute("errors", errors.stream().map(FieldProblem::field).toList());
        // one message per kind of error, with its arguments (e.g. the unknown currency's code)
        model.addAttribute("errorMessages", errors.stream()
                .collect(java.util.stream.Collectors.toMap(FieldProblem::messageKey, p -> p, (first, second) -> first,
                        LinkedHashMap::new)).values().stream().toList());
        model.addAttribute("criteria", criteria);
        model.addAttribute("currencies", Currency.values());
        Map<String, String> exportParams = new LinkedHashMap<>(criteria);
        model.addAttribute("firstPage", cursor == null ? null : url(path, criteria));
        if (more) {
            Transaction last = shown.get(shown.size() - 1);
            Map<String, String> next = new LinkedHashMap<>(criteria);
            next.put("cursor", new TransactionSearch.Cursor(last.createdAt(), last.id()).encode());
            model.addAttribute("nextPage", url(path, next));
        }
        model.addAttribute("exportCsv", url("/reports/transactions/export", with(exportParams, "format", "csv")));
        model.addAttribute("exportCsvComma", url("/reports/transactions/export",
                with(with(exportParams, "format", "csv"), "decimal", "comma")));
        model.addAttribute("exportXlsx", url("/reports/transactions/export", with(exportParams, "format", "xlsx")));
    }

    @GetMapping("/reports/transactions/{id}")
    String transaction(Caller caller, @PathVariable String id, Model model) {
        Transaction transaction = ledger.find(caller.merchantId(), id).orElseThrow(ProblemException::notFound);
        model.addAttribute("t", transaction);
        model.addAttribute("related", ledger.reversalsOf(caller.merchantId(), id));
        return "reporting/transaction";
    }

    @GetMapping("/reports/transactions/export")
    ResponseEntity<StreamingResponseBody> exportTransactions(Caller caller, @RequestParam Map<String, String> params,
                                                             Locale locale) {
        List<FieldProblem> errors = new ArrayList<>();
        TransactionQuery query = TransactionQuery.parse(params, clock.instant(), errors);
        Exporter.Format format = Downloads.format(params.get("format"), params.get("decimal"));
        if (!errors.isEmpty() || format == null) {
            throw ProblemException.badRequest(errors);
        }
        String merchant = caller.merchantId();
        return downloads.download(fileName("islemler", locale), format, ReportColumns.transactions(), locale,
                "export.sheet.transactions", each -> search.stream(merchant, query, each));
    }

    @GetMapping("/reports/links")
    String links(Caller caller, @RequestParam Map<String, String> params, @RequestParam(defaultValue = "1") int page,
                 Model model) {
        LinkQuery filter = LinkQuery.fromForm(params);
        Instant now = clock.instant();
        long total = linkReport.count(caller.merchantId(), filter, now);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 1), pages);
        model.addAttribute("rows", linkReport.page(caller.merchantId(), filter, now, (current - 1) * PAGE_SIZE, PAGE_SIZE));
        model.addAttribute("total", total);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("statuses", LinkStatus.values());
        Map<String, String> criteria = LinkQuery.fromForm(params).formValues();
        model.addAttribute("criteria", criteria);
        model.addAttribute("pageUrl", url("/reports/links", criteria));
        model.addAttribute("exportCsv", url("/reports/links/export", with(criteria, "format", "csv")));
        model.addAttribute("exportCsvComma", url("/reports/links/export", with(with(criteria, "format", "csv"), "decimal", "comma")));
        model.addAttribute("exportXlsx", url("/reports/links/export", with(criteria, "format", "xlsx")));
        return "reporting/links";
    }

    @GetMapping("/reports/links/export")
    ResponseEntity<StreamingResponseBody> exportLinkReport(Caller caller, @RequestParam Map<String, String> params,
                                                           Locale locale) {
        return linkDownload(caller, params, locale, "linkpos-raporu", ReportColumns.linkReport());
    }

    /** «Dışa Aktar» of Provizyon → LinkPOS, with the list's own filters. */
    @GetMapping("/links/export")
    ResponseEntity<StreamingResponseBody> exportLinkList(Caller caller, @RequestParam Map<String, String> params,
                                                         Locale locale) {
        return linkDownload(caller, params, locale, "linkler", ReportColumns.links(urls.base()));
    }

    private ResponseEntity<StreamingResponseBody> linkDownload(Caller caller, Map<String, String> params, Locale locale,
                                                               String name, List<Column<LinkRow>> columns) {
        Exporter.Format format = Downloads.format(params.get("format"), params.get("decimal"));
        if (format == null) {
            throw ProblemException.badRequest(List.of(FieldProblem.of("format", "invalid_export_format")));
        }
        LinkQuery filter = LinkQuery.fromForm(params);
        String merchant = caller.merchantId();
        Instant now = clock.instant();
        return downloads.download(fileName(name, locale), format, columns, locale, "export.sheet.links",
                each -> linkReport.stream(merchant, filter, now, each));
    }

    /** What the search form shows: the days in Istanbul, the rest as typed. */
    private static Map<String, String> formValues(Map<String, String> params, TransactionQuery query) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("from", query.from() == null ? "" : LocalDate.ofInstant(query.from(), BusinessTime.ZONE).toString());
        values.put("to", query.to() == null ? "" : LocalDate.ofInstant(query.to().minusNanos(1), BusinessTime.ZONE).toString());
        for (String name : List.of("orderNumber", "status", "type", "currency", "minAmount", "maxAmount", "cardLast4",
                "authCode", "linkId")) {
            values.put(name, params.getOrDefault(name, "").strip());
        }
        return values;
    }

    private static Map<String, String> with(Map<String, String> params, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(params);
        copy.put(name, value);
        return copy;
    }

    static String url(String path, Map<String, String> params) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
        params.forEach((name, value) -> {
            if (value != null && !value.isEmpty()) {
                builder.queryParam(name, value);
            }
        });
        return builder.encode().build().toUriString();
    }

    private String fileName(String turkish, Locale locale) {
        return "en".equals(locale.getLanguage()) ? switch (turkish) {
            case "islemler" -> "transactions";
            case "linkler" -> "links";
            default -> "linkpos-report";
        } : turkish;
    }
}
