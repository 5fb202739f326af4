package com.linkpos.webhook;

import com.linkpos.platform.BacklogGauges;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * [O2] The webhooks' backlog: {@code linkpos_webhooks_pending}, {@code linkpos_webhooks_oldest_age_seconds} and
 * {@code linkpos_webhooks_lag_seconds} (deliveries not yet acknowledged by a 2xx, since when, and how far the sender
 * is behind). A merchant's endpoint that is down keeps its deliveries waiting through their retries for up to
 * {@code linkpos.webhooks.give-up-after}: the age says so, the lag says whether the sender itself keeps up.
 */
@Component
class WebhookMetrics {

    WebhookMetrics(MeterRegistry meters, JdbcClient jdbc, Clock clock) {
        BacklogGauges.register(meters, "linkpos.webhooks", "Webhook deliveries", jdbc, "webhook_deliveries", clock);
    }
}
