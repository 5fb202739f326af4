package com.linkpos.transaction;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * [R1] İşlem Arama over the ledger: keyset pages, newest first (no OFFSET, so page 1,000 costs what
 * page 1 does), and the whole result streamed row by row for the exports. The ledger's tables are
 * read only here and in {@link Ledger}: other modules ask these two.
 */
@Repository
public class TransactionSearch {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate streaming;

    TransactionSearch(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        JdbcTemplate fetching = new JdbcTemplate(template.getDataSource());
        fetching.setFetchSize(2000);
        this.streaming = new NamedParameterJdbcTemplate(fetching);
    }

    /** A position in the result: the last row seen, opaque to clients. */
    public record Cursor(Instant createdAt, String id) {
        public String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((createdAt.toString() + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        /** The cursor a client sent back, or null when it is not one of ours. */
        public static Cursor decode(String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
                if (parts.length != 2 || !parts[1].matches("txn_[0-9A-Z]{26}")) {
                    return null;
                }
                return new Cursor(Instant.parse(parts[0]), parts[1]);
            } catch (IllegalArgumentException | java.time.DateTimeException garbage) {
                return null;
            }
        }
    }

    public List<Transaction> page(String merchantId, TransactionQuery query, Cursor after, int limit) {
        Map<String, Object> params = TransactionQuery.newParams(merchantId);
        String where = query.where(params);
        if (after != null) {
            where += " AND (t.created_at, t.id) < (:afterAt, :afterId)";
            params.put("afterAt", Timestamp.from(after.createdAt()));
            params.put("afterId", after.id());
        }
        params.put("limit", limit);
        return jdbc.sql(Ledger.SELECT + " WHERE t.merchant_id = :merchant" + where
                        + " ORDER BY t.created_at DESC, t.id DESC LIMIT :limit")
                .params(params).query(Ledger.rows()).list();
    }

    /** The merchant's latest transactions, newest first (the dashboard's). */
    public List<Transaction> recent(String merchantId, int limit) {
        return jdbc.sql(Ledger.SELECT + " WHERE t.merchant_id = :merchant ORDER BY t.created_at DESC, t.id DESC LIMIT :limit")
                .param("merchant", merchantId).param("limit", limit).query(Ledger.rows()).list();
    }

    /** Every matching row, newest first, handed over one by one: nothing is held in memory. */
    public void stream(String merchantId, TransactionQuery query, java.util.function.Consumer<Transaction> each) {
        Map<String, Object> params = TransactionQuery.newParams(merchantId);
        String sql = Ledger.SELECT + " WHERE t.merchant_id = :merchant" + query.where(params)
                + " ORDER BY t.created_at DESC, t.id DESC";
        // Read in the index's order instead of letting PostgreSQL sort everything first (for a million
        // rows it chose a parallel scan and an on-disk sort: two seconds before the first row left).
        // Streamed from the index, the database reads while the application writes. Only for this
        // transaction (the export's own, read-only).
        jdbc.sql("SET LOCAL enable_sort = off").update();
        RowMapper<Transaction> rows = Ledger.rows();
        int[] row = {0};
        streaming.query(sql, params, (RowCallbackHandler) rs -> each.accept(rows.mapRow(rs, row[0]++)));
    }
}
