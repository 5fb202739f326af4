package com.linkpos.link;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

/**
 * Filters of the link list [M1], for the list and the reports: all optional; {@code orderNumber}
 * matches as a prefix. Queries that use it bind {@code :merchant} and {@code :now} themselves.
 */
public record LinkQuery(LinkStatus status, String orderNumber, Instant createdFrom, Instant createdTo) {

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
