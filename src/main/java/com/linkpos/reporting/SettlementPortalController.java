package com.linkpos.reporting;

import com.linkpos.merchant.Merchants;
import com.linkpos.platform.Caller;
import com.linkpos.platform.PortalAccess;
import com.linkpos.platform.WebAccess;
import com.linkpos.shared.Currency;
import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.ProblemException;
import com.linkpos.shared.Total;
import com.linkpos.shared.TypedTimes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * [T4] «Hesap Özeti» under Raporlar: per value date and currency what reaches the merchant's account;
 * the bank's page shows every merchant's, by name. Both with the totals of the range and «Dışa Aktar».
 */
@Controller
class SettlementPortalController implements WebAccess {

    private final Settlements settlements;
    private final Downloads downloads;
    private final Merchants merchants;

    SettlementPortalController(Settlements settlements, Downloads downloads, Merchants merchants) {
        this.settlements = settlements;
        this.downloads = downloads;
        this.merchants = merchants;
    }

    @Override
    public void portal(PortalAccess access) {
        access.bank("/bank/settlements/**");
    }

    @GetMapping("/reports/settlements")
    String merchantPage(Caller caller, @RequestParam Map<String, String> params, Model model, Locale locale) {
        return page(caller.merchantId(), "/reports/settlements", params, model, locale);
    }

    @GetMapping("/bank/settlements")
    String bankPage(@RequestParam Map<String, String> params, Model model, Locale locale) {
        return page(null, "/bank/settlements", params, model, locale);
    }

    @GetMapping("/reports/settlements/export")
    ResponseEntity<StreamingResponseBody> merchantExport(Caller caller, @RequestParam Map<String, String> params, Locale locale) {
        return export(caller.merchantId(), params, locale);
    }

    @GetMapping("/bank/settlements/export")
    ResponseEntity<StreamingResponseBody> bankExport(@RequestParam Map<String, String> params, Locale locale) {
        return export(null, params, locale);
    }

    private String page(String merchantId, String path, Map<String, String> params, Model model, Locale locale) {
        List<FieldProblem> errors = new ArrayList<>();
        Settlements.Range range = settlements.range(params, errors);
        List<Settlements.Day> days = errors.isEmpty() ? settlements.days(merchantId, range) : List.of();
        Map<String, String> criteria = new LinkedHashMap<>();
        criteria.put("from", range.from() == null ? params.getOrDefault("from", "") : TypedTimes.format(range.from(), locale));
        criteria.put("to", range.to() == null ? params.getOrDefault("to", "") : TypedTimes.format(range.to(), locale));
        model.addAttribute("days", days);
        model.addAttribute("totals", totals(days));
        model.addAttribute("criteria", criteria);
        model.addAttribute("errors", errors.stream().map(FieldProblem::field).toList());
        model.addAttribute("errorMessages", errors);
        model.addAttribute("bank", merchantId == null);
        model.addAttribute("merchantNames", merchantId == null
                ? merchants.names(days.stream().map(Settlements.Day::merchantId).distinct().toList()) : Map.of());
        model.addAttribute("action", path);
        model.addAttribute("exportCsv", PageUrls.of(path + "/export", PageUrls.with(criteria, "format", "csv")));
        model.addAttribute("exportCsvComma", PageUrls.of(path + "/export",
                PageUrls.with(PageUrls.with(criteria, "format", "csv"), "decimal", "comma")));
        model.addAttribute("exportXlsx", PageUrls.of(path + "/export", PageUrls.with(criteria, "format", "xlsx")));
        return "reporting/settlements";
    }

    /** The range's sums per currency, as the table's foot shows them. */
    private static List<Settlements.Day> totals(List<Settlements.Day> days) {
        Map<Currency, Settlements.Day> sums = new TreeMap<>();
        for (Settlements.Day day : days) {
            sums.merge(day.currency(), day, (a, b) -> new Settlements.Day(null, null, a.currency(), a.count() + b.count(),
                    plus(a.sales(), b.sales()), plus(a.refunds(), b.refunds()), plus(a.commission(), b.commission()),
                    plus(a.commissionTax(), b.commissionTax())));
        }
        return List.copyOf(sums.values());
    }

    private static Total plus(Total a, Total b) {
        return new Total(a.minor().add(b.minor()), a.currency());
    }

    private ResponseEntity<StreamingResponseBody> export(String merchantId, Map<String, String> params, Locale locale) {
        List<FieldProblem> errors = new ArrayList<>();
        Settlements.Range range = settlements.range(params, errors);
        Exporter.Format format = Downloads.format(params.get("format"), params.get("decimal"));
        if (!errors.isEmpty() || format == null) {
            throw ProblemException.badRequest(errors);
        }
        List<Settlements.Day> days = settlements.days(merchantId, range);
        return downloads.download("en".equals(locale.getLanguage()) ? "settlements" : "hesap-ozeti", format,
                ReportColumns.settlements(), locale, "export.sheet.settlements", each -> days.forEach(each));
    }
}
