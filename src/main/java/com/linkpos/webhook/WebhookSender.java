package com.linkpos.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import com.linkpos.shared.Backoff;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers queued events: a signed POST, one delivery at a time, each claimed with
 * {@code FOR UPDATE SKIP LOCKED} (so several instances never send one twice at once). Anything but
 * a 2xx is retried with exponential backoff (1 minute, doubling, at most an hour apart) for three
 * days, then the delivery is FAILED. Every attempt is recorded with its response code.
 */
@Component
class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final int BATCH = 50;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final HttpClient http;
    private final WebhookSettings settings;
    private final WebhookAddresses addresses;
    private final Webhooks webhooks;

    WebhookSender(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, WebhookSettings settings,
                  WebhookAddresses addresses, Webhooks webhooks) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
        this.settings = settings;
        this.addresses = addresses;
        this.webhooks = webhooks;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(fixedDelayString = "${linkpos.webhooks.poll}")
    void deliverDue() {
        for (int i = 0; i < BATCH; i++) {
            if (!Boolean.TRUE.equals(transactions.execute(status -> deliverOne()))) {
                return;
            }
        }
    }

    /** A delivery due now, with where it goes and the endpoint's (sealed) secret. */
    private record Due(String id, String payload, int attempts, Instant createdAt, String url, String sealedSecret) {
    }

    private boolean deliverOne() {
        Optional<Due> due = jdbc.sql("""
                        SELECT d.id, d.payload, d.attempts, d.created_at, e.url, e.secret
                        FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
                        WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now
                        ORDER BY d.next_attempt_at LIMIT 1 FOR UPDATE OF d SKIP LOCKED""")
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, row) -> new Due(rs.getString("id"), rs.getString("payload"), rs.getInt("attempts"),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("url"), rs.getString("secret")))
                .optional();
        if (due.isEmpty()) {
            return false;
        }
        Due delivery = due.get();
        String id = delivery.id();
        String payload = delivery.payload();
        Instant started = clock.instant();
        Integer statusCode = null;
        String error = null;
        URI url = URI.create(delivery.url());
        // Resolved again just before the call: the JVM keeps the answer (networkaddress.cache.ttl, 30 s by
        // default), so the client connects to the addresses checked here, not to what a rebinding DNS says next.
        WebhookAddresses.Refusal refusal = addresses.refusal(url);
        try {
            if (refusal != null) {
                error = "not sent: " + refusal.name().toLowerCase(java.util.Locale.ROOT) + " (" + url.getHost() + ")";
            } else {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(url)
                        .timeout(settings.timeout())
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .header("User-Agent", "LinkPOS-Webhooks/1")
                        .header("LinkPOS-Signature", Signatures.header(webhooks.plainSecret(delivery.sealedSecret()),
                                started.getEpochSecond(), payload))
                        .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.discarding());
                statusCode = response.statusCode();
            }
        } catch (java.io.IOException | IllegalArgumentException failure) {
            error = failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        int duration = (int) Duration.between(started, clock.instant()).toMillis();
        jdbc.sql("""
                        INSERT INTO webhook_attempts (delivery_id, attempted_at, status_code, error, duration_ms)
                        VALUES (:id, :at, :code, :error, :duration)""")
                .param("id", id).param("at", Timestamp.from(started)).param("code", statusCode).param("error", error)
                .param("duration", duration).update();
        int attempts = delivery.attempts() + 1;
        if (statusCode != null && statusCode / 100 == 2) {
            jdbc.sql("""
                            UPDATE webhook_deliveries SET status = 'SENT', attempts = :attempts, last_status_code = :code,
                                   last_error = NULL, delivered_at = :now WHERE id = :id""")
                    .param("attempts", attempts).param("code", statusCode).param("now", Timestamp.from(clock.instant()))
                    .param("id", id).update();
            return true;
        }
        Instant created = delivery.createdAt();
        Instant next = clock.instant().plus(backoff(attempts));
        boolean giveUp = next.isAfter(created.plus(settings.giveUpAfter()));
        log.warn("Webhook delivery {} attempt {} failed: {}", id, attempts, statusCode != null ? "HTTP " + statusCode : error);
        jdbc.sql("""
                        UPDATE webhook_deliveries SET status = :status, attempts = :attempts, last_status_code = :code,
                               last_error = :error, next_attempt_at = :next WHERE id = :id""")
                .param("status", giveUp ? "FAILED" : "PENDING").param("attempts", attempts).param("code", statusCode)
                .param("error", error != null ? error : "HTTP " + statusCode).param("next", Timestamp.from(next))
                .param("id", id).update();
        return true;
    }

    private Duration backoff(int attempts) {
        return new Backoff(settings.retryBase(), settings.retryMax()).after(attempts);
    }
}
