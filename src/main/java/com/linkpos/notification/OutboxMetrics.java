package com.linkpos.notification;

import com.linkpos.platform.BacklogGauges;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * [O2] The outbox's backlog: {@code linkpos_outbox_pending}, {@code linkpos_outbox_oldest_age_seconds} and
 * {@code linkpos_outbox_lag_seconds} (SMS and e-mail waiting, since when, and how far the sender is behind). The
 * waiting rows are found through the partial index of due messages (V4), so a healthy outbox costs next to nothing.
 */
@Component
class OutboxMetrics {

    OutboxMetrics(MeterRegistry meters, JdbcClient jdbc, Clock clock) {
        BacklogGauges.register(meters, "linkpos.outbox", "Messages (SMS, e-mail)", () -> jdbc.sql("""
                        SELECT count(*) AS pending, min(created_at) AS oldest, min(next_attempt_at) AS due
                        FROM notifications WHERE status = 'PENDING'""")
                .query((rs, row) -> new BacklogGauges.Reading(rs.getLong("pending"), instant(rs.getTimestamp("oldest")),
                        instant(rs.getTimestamp("due")))).single(), clock);
    }

    private static java.time.Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
