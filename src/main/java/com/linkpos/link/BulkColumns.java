package com.linkpos.link;

import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.ProblemException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * [X1] The columns of a bulk file: the create API's field names (API.md), and the portal template's
 * header words in Turkish and English, matched whatever their case and order.
 */
final class BulkColumns {

    /** The template's columns, in its order: the «Yeni Ekle» fields as the create API names them. */
    static final List<String> FIELDS = List.of("orderNumber", "amount", "currency", "installments", "validFrom",
            "validUntil", "usage", "description", "payerNoteEnabled", "sms", "email");
    static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("tr"), Locale.ENGLISH);
    private static final Locale TURKISH = Locale.forLanguageTag("tr");

    /** The field of each column of the file; null where a column is blank (a trailing empty cell). */
    private final List<String> fields;

    private BulkColumns(List<String> fields) {
        this.fields = fields;
    }

    List<String> fields() {
        return fields;
    }

    /** The template's header in the portal's words of {@code locale}; null: the API's field names. */
    static List<String> header(MessageSource messages, Locale locale) {
        return locale == null ? FIELDS : FIELDS.stream().map(field -> messages.getMessage(key(field), null, locale)).toList();
    }

    /**
     * The file's header, read: each column a field, none twice, none unknown, and an amount column
     * (the one field a link needs); otherwise the file is refused as a whole before any row is read.
     */
    static BulkColumns of(List<String> header, MessageSource messages) {
        Map<String, String> known = new HashMap<>();
        for (String field : FIELDS) {
            known.put(normal(field), field);
            for (Locale language : LANGUAGES) {
                known.put(normal(messages.getMessage(key(field), null, language)), field);
            }
        }
        List<FieldProblem> errors = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        for (String cell : header) {
            String text = cell == null ? "" : cell.strip();
            String field = text.isEmpty() ? null : known.get(normal(text));
            if (!text.isEmpty() && field == null) {
                errors.add(FieldProblem.of("file", "unknown_column", text));
            } else if (field != null && fields.contains(field)) {
                errors.add(FieldProblem.of("file", "duplicate_column", text));
            }
            fields.add(field);
        }
        if (!fields.contains("amount")) {
            errors.add(FieldProblem.of("file", "missing_column", "amount"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new BulkColumns(fields);
    }

    /** A data row's cells by field; cells past the header's columns are ignored. */
    BulkRow row(int number, List<String> cells) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < fields.size() && i < cells.size(); i++) {
            if (fields.get(i) != null) {
                values.put(fields.get(i), cells.get(i));
            }
        }
        return new BulkRow(number, values);
    }

    private static String key(String field) {
        return "bulk.column." + field;
    }

    /** «SİPARİŞ NUMARASI», «sipariş numarası» and «Sipariş Numarası» are one header. */
    private static String normal(String text) {
        return text.strip().toLowerCase(TURKISH).replace('ı', 'i').replace("\u0307", "").replaceAll("\\s+", " ");
    }
}
