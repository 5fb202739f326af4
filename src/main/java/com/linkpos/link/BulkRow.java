package com.linkpos.link;

import com.linkpos.shared.BusinessTime;
import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.TypedAmounts;
import com.linkpos.shared.TypedTimes;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * [X1] One data row of a bulk file ({@code number} counts data rows from 1, the header not counted):
 * its cells by field, as texts. Values are read as the create API takes them; a few ways of writing
 * that a spreadsheet or the Turkish portal gives are read too (see {@link #toInput}).
 */
record BulkRow(int number, Map<String, String> values) {

    private static final Pattern API_AMOUNT = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Locale TURKISH = Locale.forLanguageTag("tr");

    /**
     * The row as the create API's input; the one place a row becomes a {@link LinkInput}. A value that
     * cannot even be read (installments "abc", an unreadable date) is added to {@code unreadable} and left
     * out, as the portal's form does, so the rules still say what they think of the rest.
     * <ul>
     * <li>amount: the API's decimal ({@code 1250.50}), or as typed on the Turkish portal ({@code 1.250,50});</li>
     * <li>validFrom, validUntil: ISO-8601 with an offset as in the API, or the portal's Istanbul time
     * ({@code 01.12.2026 09:00} or {@code 2026-12-01 09:00}; a date cell of a sheet is read so);</li>
     * <li>payerNoteEnabled: true/false (also evet/hayır, yes/no, 1/0).</li>
     * </ul>
     */
    LinkInput toInput(List<FieldProblem> unreadable) {
        return new LinkInput(text("orderNumber"), amount(), text("currency"), installments(unreadable),
                time("validFrom", unreadable), time("validUntil", unreadable), text("usage"), text("description"),
                flag("payerNoteEnabled", unreadable), text("sms"), text("email"), null, null, null, null, null, null, null,
                null);
    }

    private String text(String field) {
        String value = values.get(field);
        return value == null || value.isBlank() ? null : value;
    }

    private String amount() {
        String typed = text("amount");
        if (typed == null || API_AMOUNT.matcher(typed.strip()).matches()) {
            return typed == null ? null : typed.strip();
        }
        Optional<String> turkish = TypedAmounts.canonical(typed.strip(), TURKISH);
        // anything else is the rules' to refuse, with the API's own code
        return turkish.orElse(typed);
    }

    private Integer installments(List<FieldProblem> unreadable) {
        String typed = text("installments");
        if (typed == null) {
            return null;
        }
        try {
            return Integer.valueOf(typed.strip());
        } catch (NumberFormatException notANumber) {
            unreadable.add(FieldProblem.of("installments", "invalid_type"));
            return null;
        }
    }

    private Instant time(String field, List<FieldProblem> unreadable) {
        String typed = text(field);
        if (typed == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(typed.strip()).toInstant();
        } catch (DateTimeParseException notIso) {
            Optional<Instant> local = TypedTimes.time(typed).map(time -> time.atZone(BusinessTime.ZONE).toInstant());
            if (local.isEmpty()) {
                unreadable.add(FieldProblem.of(field, "invalid_date"));
            }
            return local.orElse(null);
        }
    }

    private Boolean flag(String field, List<FieldProblem> unreadable) {
        String typed = text(field);
        if (typed == null) {
            return null;
        }
        switch (typed.strip().toLowerCase(TURKISH)) {
            case "true", "evet", "yes", "1", "doğru" -> {
                return true;
            }
            case "false", "hayır", "no", "0", "yanlış" -> {
                return false;
            }
            default -> {
                unreadable.add(FieldProblem.of(field, "invalid_type"));
                return null;
            }
        }
    }
}
