package com.linkpos.reporting;

import com.linkpos.link.LinkQuery;
import com.linkpos.link.LinkStatus;
import com.linkpos.shared.Currency;
import com.linkpos.shared.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** [R2] LinkPOS Raporu, and the link list's export [M2]: links with their status and collections. */
@Repository
class LinkReport {

    private static final String SELECT = "SELECT *, (" + LinkStatus.SQL + ") AS status FROM links WHERE merchant_id = :merchant";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate streaming;

    LinkReport(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        JdbcTemplate fetching = new JdbcTemplate(template.getDataSource());
        fetching.setFetchSize(2000);
        this.streaming = new NamedParameterJdbcTemplate(fetching);
    }

    List<LinkRow> page(String merchantId, LinkQuery filter, Instant now, int offset, int limit) {
        Map<String, Object> params = params(merchantId, now);
        params.put("offset", offset);
        params.put("limit", limit);
        return jdbc.sql(SELECT + filter.where(params) + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .params(params).query(LinkReport::map).list();
    }

    long count(String merchantId, LinkQuery filter, Instant now) {
        Map<String, Object> params = params(merchantId, now);
        return jdbc.sql("SELECT count(*) FROM links WHERE merchant_id = :merchant" + filter.where(params))
                .params(params).query(Long.class).single();
    }

    void stream(String merchantId, LinkQuery filter, Instant now, Consumer<LinkRow> each) {
        Map<String, Object> params = params(merchantId, now);
        int[] row = {0};
        streaming.query(SELECT + filter.where(params) + " ORDER BY id DESC", params,
                (RowCallbackHandler) rs -> each.accept(map(rs, row[0]++)));
    }

    private static Map<String, Object> params(String merchantId, Instant now) {
        Map<String, Object> params = new HashMap<>();
        params.put("merchant", merchantId);
        params.put("now", Timestamp.from(now));
        return params;
    }

    private static LinkRow map(ResultSet rs, int row) throws SQLException {
        Currency currency = Currency.valueOf(rs.getString("currency").trim());
        Timestamp lastPaid = rs.getTimestamp("last_paid_at");
        return new LinkRow(rs.getString("id"), rs.getString("token"), rs.getString("order_number"),
                new Money(rs.getLong("amount_minor"), currency), rs.getInt("installments"),
                rs.getTimestamp("valid_from").toInstant(), rs.getTimestamp("valid_until").toInstant(), rs.getString("usage"),
                LinkStatus.valueOf(rs.getString("status")), rs.getInt("payment_count") - rs.getInt("voided_count"),
                new Money(rs.getLong("collected_minor") - rs.getLong("voided_minor"), currency),
                new Money(rs.getLong("refunded_minor"), currency), lastPaid == null ? null : lastPaid.toInstant(),
                rs.getTimestamp("created_at").toInstant(), rs.getInt("views"), rs.getInt("attempts"));
    }
}
