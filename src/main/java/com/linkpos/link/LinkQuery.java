package com.linkpos.link;

import com.linkpos.shared.TypedTimes;
import com.linkpos.shared.BusinessTime;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Filters of the link list [M1], for the list and the reports: all optional; {@code orderNumber}
 * matches as a prefix. Queries that use it bind {@code :merchant} and {@code :now} themselves.
 */
public record LinkQuery(LinkStatus status, String orderNumber, Instant createdFrom, Instant createdTo) {

    /**
     * The portal's filters as its forms send them (the link list and the LinkPOS report, and their
     * downloads): status, order-number prefix, creation days in Istanbul from and to. What cannot be
     * read is left out rather than refused; an order number keeps only the characters one can have.
     */
    public static LinkQuery fromForm(Map<String, String> params) {
        LinkStatus status = Arrays.stream(LinkStatus.values()).filter(s -> s.name().equals(params.get("status")))
                .findFirst().orElse(null);
        String orderNumber = params.getOrDefault("orderNumber", "").replaceAll("[^A-Za-z0-9_-]", "");
        LocalDate from = day(params.get("from"));
        LocalDate to = day(params.get("to"));
        return new LinkQuery(status, orderNumber.isEmpty() ? null : orderNumber,
                from == null ? null : from.atStartOfDay(BusinessTime.ZONE).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant());
    }

    /** The filters as the form shows them again (and as links to the same list carry them). */
    public Map<String, String> formValues(java.util.Locale locale) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("status", status == null ? "" : status.name());
        values.put("orderNumber", orderNumber == null ? "" : orderNumber);
        values.put("from", createdFrom == null ? "" : TypedTimes.format(LocalDate.ofInstant(createdFrom, BusinessTime.ZONE), locale));
        values.put("to", createdTo == null ? ""
                : TypedTimes.format(LocalDate.ofInstant(createdTo.minusNanos(1), BusinessTime.ZONE), locale));
        return values;
    }

    private static LocalDate day(String text) {
        return TypedTimes.day(text).orElse(null);
    }

    /** The conditions after "merchant_id = :merchant", with their values put into {@code params}. */
    public String where(Map<String, Object> params) {
        StringBuilder sql = new StringBuilder();
        if (status != null) {
            sql.append(" AND (").append(LinkStatus.SQL).append(") = :status");
            params.put("status", status.name());
        }
        if (orderNumber != null) {
            sql.append(" AND order_number LIKE :orderNumber ESCAPE '\\'");
            params.put("orderNumber", orderNumber.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (createdFrom != null) {
            sql.append(" AND created_at >= :createdFrom");
            params.put("createdFrom", Timestamp.from(createdFrom));
        }
        if (createdTo != null) {
            sql.append(" AND created_at < :createdTo");
            params.put("createdTo", Timestamp.from(createdTo));
        }
        return sql.toString();
    }
}
