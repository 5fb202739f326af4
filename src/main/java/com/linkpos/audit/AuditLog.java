package com.linkpos.audit;

import com.linkpos.platform.Caller;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading the audit log: a merchant's admin reads the merchant's events, the bank every event (those of
 * no merchant too). Newest first; ids sort by time, so the last id of a page is the next page's cursor.
 */
@Repository
class AuditLog {

    private static final TypeReference<Map<String, List<String>>> CHANGES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    /** An export reads in slices of this many rows, in a read-only transaction (else the driver reads it all first). */
    private final JdbcClient streaming;
    private final TransactionTemplate readOnly;

    AuditLog(JdbcClient jdbc, JsonMapper json, JdbcTemplate template, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        JdbcTemplate fetching = new JdbcTemplate(template.getDataSource());
        fetching.setFetchSize(2000);
        this.streaming = JdbcClient.create(fetching);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** A page of {@code limit} events older than the event {@code before} (null: the newest). */
    List<AuditEvent> page(Caller reader, AuditQuery query, String before, int limit) {
        Map<String, Object> params = new HashMap<>();
        String sql = "SELECT * FROM audit_events WHERE " + where(reader, query, params)
                + (before == null ? "" : " AND id < :before") + " ORDER BY id DESC LIMIT :limit";
        params.put("before", before);
        params.put("limit", limit);
        return jdbc.sql(sql).params(params).query(this::event).list();
    }

    /** Every event the query finds, newest first, one at a time (an export). */
    void each(Caller reader, AuditQuery query, Consumer<AuditEvent> each) {
        Map<String, Object> params = new HashMap<>();
        String sql = "SELECT * FROM audit_events WHERE " + where(reader, query, params) + " ORDER BY id DESC";
        readOnly.executeWithoutResult(status -> {
            try (java.util.stream.Stream<AuditEvent> events = streaming.sql(sql).params(params).query(this::event).stream()) {
                events.forEach(each);
            }
        });
    }

    private static String where(Caller reader, AuditQuery query, Map<String, Object> params) {
        StringBuilder where = new StringBuilder();
        if (reader.isBank()) {
            where.append(query.merchantId() == null ? "TRUE" : "merchant_id = :merchant");
            params.put("merchant", query.merchantId());
        } else {
            where.append("merchant_id = :merchant");
            params.put("merchant", reader.merchantId());
        }
        if (query.from() != null) {
            where.append(" AND at >= :from");
            params.put("from", Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.append(" AND at < :to");
            params.put("to", Timestamp.from(query.to()));
        }
        if (query.action() != null) {
            // "link." finds every link.* action
            where.append(query.action().endsWith(".") ? " AND starts_with(action, :action)" : " AND action = :action");
            params.put("action", query.action());
        }
        if (query.actor() != null) {
            where.append(" AND lower(actor_name) = lower(:actor)");
            params.put("actor", query.actor());
        }
        if (query.objectId() != null) {
            where.append(" AND object_id = :object");
            params.put("object", query.objectId());
        }
        return where.toString();
    }

    private AuditEvent event(ResultSet rs, int row) throws SQLException {
        return new AuditEvent(rs.getString("id"), rs.getString("merchant_id"), rs.getTimestamp("at").toInstant(),
                new Actor(Actor.Type.valueOf(rs.getString("actor_type")), rs.getString("actor_name")), rs.getString("address"),
                rs.getString("action"), rs.getString("object_id"), json.readValue(rs.getString("changes"), CHANGES));
    }
}
