package com.linkpos.reporting;

import com.linkpos.merchant.Merchants;
import com.linkpos.transaction.ReceiptPdf;
import com.linkpos.platform.WebAccess;
import com.linkpos.platform.PortalAccess;
import com.linkpos.link.LinkQuery;
import com.linkpos.link.LinkStatus;
import com.linkpos.link.LinkUrls;
import com.linkpos.platform.Caller;
import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.ProblemException;
import com.linkpos.shared.TypedAmounts;
import com.linkpos.transaction.Ledger;
import com.linkpos.transaction.Transaction;
import com.linkpos.transaction.TransactionSearch;
import com.linkpos.transaction.TransactionQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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

/**
 * Raporlar → Raporlamalar: İşlem Arama [R1] with its detail (the magnifier), LinkPOS Raporu [R2],
 * and «Dışa Aktar» [M2] of both and of the link list, carrying what the screen's filters select.
 */
@Controller
class ReportPortalController implements WebAccess {

    static final int PAGE_SIZE = 25;

    private final TransactionSearch search;
    private final TransactionSearchPage searchPage;
    private final LinkReport linkReport;
    private final Ledger ledger;
    private final Downloads downloads;
    private final LinkUrls urls;
    private final Clock clock;

    private final ReceiptPdf receipts;
    private final Merchants merchants;

    ReportPortalController(TransactionSearch search, TransactionSearchPage searchPage, LinkReport linkReport, Ledger ledger,
                           Downloads downloads, LinkUrls urls, Clock clock, ReceiptPdf receipts, Merchants merchants) {
        this.receipts = receipts;
        this.merchants = merchants;
        this.search = search;
        this.searchPage = searchPage;
        this.linkReport = linkReport;
        this.ledger = ledger;
        this.downloads = downloads;
        this.urls = urls;
        this.clock = clock;
    }

    @Override
    public void portal(PortalAccess access) {
        access.merchantUsers("/reports/**", "/links/export");
    }

    @GetMapping("/reports/transactions")
    String transactions(Caller caller, @RequestParam Map<String, String> params, Model model, Locale locale) {
        searchPage.fill(caller, params, model, "/reports/transactions", locale);
        return "reporting/transactions";
    }

    @GetMapping("/reports/transactions/{id}")
    String transaction(Caller caller, @PathVariable String id, Model model) {
        Transaction transaction = ledger.find(caller.merchantId(), id).orElseThrow(ProblemException::notFound);
        model.addAttribute("t", transaction);
        model.addAttribute("related", ledger.reversalsOf(caller.merchantId(), id));
        return "reporting/transaction";
    }

    /** [X7] The receipt of an approved sale as PDF, from its detail. */
    @GetMapping("/reports/transactions/{id}/receipt.pdf")
    ResponseEntity<byte[]> receipt(Caller caller, @PathVariable String id, Locale locale) {
        Transaction sale = ledger.find(caller.merchantId(), id).orElseThrow(ProblemException::notFound);
        return receipts.answer(sale, merchants.get(caller.merchantId()).name(), locale).orElseThrow(ProblemException::notFound);
    }

    @GetMapping("/reports/transactions/export")
    ResponseEntity<StreamingResponseBody> exportTransactions(Caller caller, @RequestParam Map<String, String> params,
                                                             Locale locale) {
        List<FieldProblem> errors = new ArrayList<>();
        // the page's links carry amounts as the page writes them ("1.250,50")
        Map<String, String> criteria = new java.util.HashMap<>(params);
        for (String name : List.of("minAmount", "maxAmount")) {
            criteria.computeIfPresent(name, (key, value) -> TypedAmounts.canonical(value, locale).orElse(value));
        }
        TransactionQuery query = TransactionQuery.parse(criteria, clock.instant(), errors);
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
                 Model model, Locale locale) {
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
        Map<String, String> criteria = LinkQuery.fromForm(params).formValues(locale);
        model.addAttribute("criteria", criteria);
        model.addAttribute("pageUrl", PageUrls.of("/reports/links", criteria));
        model.addAttribute("exportCsv", PageUrls.of("/reports/links/export", PageUrls.with(criteria, "format", "csv")));
        model.addAttribute("exportCsvComma", PageUrls.of("/reports/links/export", PageUrls.with(PageUrls.with(criteria, "format", "csv"), "decimal", "comma")));
        model.addAttribute("exportXlsx", PageUrls.of("/reports/links/export", PageUrls.with(criteria, "format", "xlsx")));
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

    private String fileName(String turkish, Locale locale) {
        return "en".equals(locale.getLanguage()) ? switch (turkish) {
            case "islemler" -> "transactions";
            case "linkler" -> "links";
            default -> "linkpos-report";
        } : turkish;
    }
}
