package com.linkpos.reporting;

import com.linkpos.platform.Caller;
import com.linkpos.shared.BusinessTime;
import com.linkpos.shared.Currency;
import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.TypedAmounts;
import com.linkpos.shared.TypedTimes;
import com.linkpos.transaction.Transaction;
import com.linkpos.transaction.TransactionQuery;
import com.linkpos.transaction.TransactionSearch;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The search of İşlem Arama [R1] as a page shows it: criteria as typed, a keyset page of results, the
 * next page's link and the export links. Used by İşlem Arama and by Provizyon İptal/İade [R3].
 */
@Component
class TransactionSearchPage {

    static final int PAGE_SIZE = 25;

    private final TransactionSearch search;
    private final Clock clock;

    TransactionSearchPage(TransactionSearch search, Clock clock) {
        this.search = search;
        this.clock = clock;
    }

    /** Runs the search as typed and puts into {@code model} what the page at {@code path} shows. */
    void fill(Caller caller, Map<String, String> typed, Model model, String path, Locale locale) {
        // amounts as the page writes them ("1.000,50" in Turkish); any other way is refused, never guessed
        Map<String, String> params = new LinkedHashMap<>(typed);
        List<FieldProblem> errors = new ArrayList<>();
        for (String name : List.of("minAmount", "maxAmount")) {
            String value = typed.getOrDefault(name, "");
            params.remove(name);
            if (value.isBlank()) {
                continue; // a field left empty (the form sends every field) is no criterion
            }
            java.util.Optional<String> canonical = TypedAmounts.canonical(value, locale);
            if (canonical.isPresent()) {
                params.put(name, canonical.get());
            } else {
                errors.add(FieldProblem.of(name, "invalid_amount"));
            }
        }
        TransactionQuery query = TransactionQuery.parse(params, clock.instant(), errors);
        TransactionSearch.Cursor cursor = params.get("cursor") == null ? null : TransactionSearch.Cursor.decode(params.get("cursor"));
        List<Transaction> rows = errors.isEmpty() ? search.page(caller.merchantId(), query, cursor, PAGE_SIZE + 1) : List.of();
        boolean more = rows.size() > PAGE_SIZE;
        List<Transaction> shown = more ? rows.subList(0, PAGE_SIZE) : rows;
        Map<String, String> criteria = formValues(params, typed, query, locale);
        model.addAttribute("rows", shown);
        model.addAttribute("errors", errors.stream().map(FieldProblem::field).toList());
        // one message per kind of error, with its arguments (e.g. the unknown currency's code)
        model.addAttribute("errorMessages", errors.stream()
                .collect(java.util.stream.Collectors.toMap(FieldProblem::messageKey, p -> p, (first, second) -> first,
                        LinkedHashMap::new)).values().stream().toList());
        model.addAttribute("criteria", criteria);
        model.addAttribute("currencies", Currency.values());
        Map<String, String> exportParams = new LinkedHashMap<>(criteria);
        model.addAttribute("firstPage", cursor == null ? null : PageUrls.of(path, criteria));
        if (more) {
            Transaction last = shown.get(shown.size() - 1);
            Map<String, String> next = new LinkedHashMap<>(criteria);
            next.put("cursor", new TransactionSearch.Cursor(last.createdAt(), last.id()).encode());
            model.addAttribute("nextPage", PageUrls.of(path, next));
        }
        model.addAttribute("exportCsv", PageUrls.of("/reports/transactions/export", PageUrls.with(exportParams, "format", "csv")));
        model.addAttribute("exportCsvComma", PageUrls.of("/reports/transactions/export",
                PageUrls.with(PageUrls.with(exportParams, "format", "csv"), "decimal", "comma")));
        model.addAttribute("exportXlsx", PageUrls.of("/reports/transactions/export", PageUrls.with(exportParams, "format", "xlsx")));
    }

    /** What the search form shows: the days in Istanbul and the amounts as the page writes them, the rest as typed. */
    private static Map<String, String> formValues(Map<String, String> params, Map<String, String> typed, TransactionQuery query,
                                                  Locale locale) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("from", query.from() == null ? "" : TypedTimes.format(LocalDate.ofInstant(query.from(), BusinessTime.ZONE), locale));
        values.put("to", query.to() == null ? ""
                : TypedTimes.format(LocalDate.ofInstant(query.to().minusNanos(1), BusinessTime.ZONE), locale));
        for (String name : List.of("orderNumber", "status", "type", "currency", "cardLast4", "authCode", "linkId")) {
            values.put(name, params.getOrDefault(name, "").strip());
        }
        for (String name : List.of("minAmount", "maxAmount")) {
            String canonical = params.get(name);
            values.put(name, canonical != null ? TypedAmounts.written(new java.math.BigDecimal(canonical), locale)
                    : typed.getOrDefault(name, "").strip());
        }
        return values;
    }
}
