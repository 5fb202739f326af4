package com.linkpos.transaction;

import com.linkpos.shared.BusinessTime;
import com.linkpos.shared.Currency;
import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.TypedTimes;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * [R1] The criteria of İşlem Arama, the same for the portal, the API and the exports. Every
 * criterion is optional; the date range defaults to today (Europe/Istanbul).
 */
public record TransactionQuery(Instant from, Instant to, String orderNumber, String status, String type, Currency currency,
                        BigDecimal minAmount, BigDecimal maxAmount, String cardLast4, String authCode, String linkId) {

    private static final Pattern LAST4 = Pattern.compile("\\d{4}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Set<String> STATUSES = Set.of("APPROVED", "DECLINED");
    private static final Set<String> TYPES = Set.of("SALE", "VOID", "REFUND", "PRE_AUTH", "CAPTURE");

    /** The criteria as typed (request parameters); what cannot be read is added to {@code errors}. */
    public static TransactionQuery parse(Map<String, String> params, Instant now, List<FieldProblem> errors) {
        Instant from = TypedTimes.instant(params.get("from"), false, "from", errors);
        Instant to = TypedTimes.instant(params.get("to"), true, "to", errors);
        if (from == null && to == null && !params.containsKey("from") && !params.containsKey("to")) {
            LocalDate today = LocalDate.ofInstant(now, BusinessTime.ZONE);
            from = today.atStartOfDay(BusinessTime.ZONE).toInstant();
            to = today.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant();
        }
        if (from != null && to != null && !to.isAfter(from)) {
            errors.add(FieldProblem.of("to", "invalid_date_range"));
        }
        String status = upper(params.get("status"));
        if (status != null && !STATUSES.contains(status)) {
            errors.add(FieldProblem.of("status", "invalid_transaction_status"));
        }
        String type = upper(params.get("type"));
        if (type != null && !TYPES.contains(type)) {
            errors.add(FieldProblem.of("type", "invalid_transaction_type"));
        }
        Currency currency = null;
        if (blank(params.get("currency")) == null) {
            currency = null;
        } else {
            currency = Currency.fromCode(params.get("currency")).orElse(null);
            if (currency == null) {
                errors.add(FieldProblem.of("currency", "unknown_currency", params.get("currency")));
            }
        }
        BigDecimal min = amount(params.get("minAmount"), "minAmount", errors);
        BigDecimal max = amount(params.get("maxAmount"), "maxAmount", errors);
        if (min != null && max != null && max.compareTo(min) < 0) {
            errors.add(FieldProblem.of("maxAmount", "invalid_amount_range"));
        }
        String last4 = blank(params.get("cardLast4"));
        if (last4 != null && !LAST4.matcher(last4).matches()) {
            errors.add(FieldProblem.of("cardLast4", "invalid_last4"));
        }
        String orderNumber = token(params.get("orderNumber"), "orderNumber", "invalid_order_number", errors);
        String authCode = token(params.get("authCode"), "authCode", "invalid_characters", errors);
        String linkId = token(params.get("linkId"), "linkId", "invalid_characters", errors);
        return new TransactionQuery(from, to, orderNumber, status, type, currency, min, max, last4, authCode, linkId);
    }

    /** The WHERE clause after "t.merchant_id = :merchant", and its parameters. */
    String where(Map<String, Object> params) {
        StringBuilder sql = new StringBuilder();
        if (from != null) {
            sql.append(" AND t.created_at >= :from");
            params.put("from", Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" AND t.created_at < :to");
            params.put("to", Timestamp.from(to));
        }
        add(sql, params, "t.order_number = :orderNumber", "orderNumber", orderNumber);
        add(sql, params, "t.status = :status", "status", status);
        add(sql, params, "t.type = :type", "type", type);
        add(sql, params, "t.currency = :currency", "currency", currency == null ? null : currency.name());
        // amounts are compared in each row's own currency units (yen have no minor digits)
        add(sql, params, "t.amount_minor >= :minAmount * (CASE WHEN t.currency = 'JPY' THEN 1 ELSE 100 END)", "minAmount", minAmount);
        add(sql, params, "t.amount_minor <= :maxAmount * (CASE WHEN t.currency = 'JPY' THEN 1 ELSE 100 END)", "maxAmount", maxAmount);
        add(sql, params, "t.card_last4 = :last4", "last4", cardLast4);
        add(sql, params, "t.auth_code = :authCode", "authCode", authCode);
        add(sql, params, "t.link_id = :linkId", "linkId", linkId);
        return sql.toString();
    }

    /** The criteria as request parameters again, for links to the next page and to the exports. */
    public Map<String, String> asParams() {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        put(params, "from", from == null ? null : from.toString());
        put(params, "to", to == null ? null : to.toString());
        put(params, "orderNumber", orderNumber);
        put(params, "status", status);
        put(params, "type", type);
        put(params, "currency", currency == null ? null : currency.name());
        put(params, "minAmount", minAmount == null ? null : minAmount.toPlainString());
        put(params, "maxAmount", maxAmount == null ? null : maxAmount.toPlainString());
        put(params, "cardLast4", cardLast4);
        put(params, "authCode", authCode);
        put(params, "linkId", linkId);
        return params;
    }

    private static void put(Map<String, String> params, String name, String value) {
        if (value != null) {
            params.put(name, value);
        }
    }

    private static void add(StringBuilder sql, Map<String, Object> params, String condition, String name, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            params.put(name, value);
        }
    }

    private static BigDecimal amount(String text, String field, List<FieldProblem> errors) {
        String value = blank(text);
        if (value == null) {
            return null;
        }
        if (!value.matches("\\d{1,18}([.,]\\d{1,2})?")) {
            errors.add(FieldProblem.of(field, "invalid_amount"));
            return null;
        }
        return new BigDecimal(value.replace(',', '.'));
    }

    private static String token(String text, String field, String code, List<FieldProblem> errors) {
        String value = blank(text);
        if (value != null && !TOKEN.matcher(value).matches()) {
            errors.add(FieldProblem.of(field, code));
            return null;
        }
        return value;
    }

    private static String upper(String text) {
        String value = blank(text);
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static Map<String, Object> newParams(String merchantId) {
        Map<String, Object> params = new HashMap<>();
        params.put("merchant", merchantId);
        return params;
    }
}
