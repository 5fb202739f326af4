package com.linkpos.notification;

import com.linkpos.platform.BacklogGauges;
import io.micrometer.core.instrument.MeterRegistry;
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
        BacklogGauges.register(meters, "linkpos.outbox", "Messages (SMS, e-mail)", jdbc, "notifications", clock);
    }
}
