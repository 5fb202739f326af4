package com.linkpos.webhook;

import com.linkpos.audit.AuditTrail;
import com.linkpos.audit.Changes;

import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.Ids;
import com.linkpos.shared.ProblemException;
import java.net.URI;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.linkpos.shared.SecretBox;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * [R5] Signed webhooks: merchants' endpoints, and events queued for them in the same transaction as
 * the change they report (the outbox); {@link WebhookSender} delivers them.
 */
@Service
public class Webhooks {

    public static final String PAYMENT_SUCCEEDED = "payment.succeeded";
    public static final String PAYMENT_FAILED = "payment.failed";
    public static final String LINK_USED = "link.used";
    public static final String TRANSACTION_VOIDED = "transaction.voided";
    public static final String TRANSACTION_REFUNDED = "transaction.refunded";
    /** [X6] A pre-authorization was captured: the CAPTURE transaction. */
    public static final String TRANSACTION_CAPTURED = "transaction.captured";
    /** Sent only by "send test event". */
    static final String TEST = "webhook.test";
    public static final List<String> EVENTS = List.of(PAYMENT_SUCCEEDED, PAYMENT_FAILED, LINK_USED, TRANSACTION_VOIDED,
            TRANSACTION_REFUNDED, TRANSACTION_CAPTURED);

    /** An endpoint with its secret, the one time it is shown. */
    public record WithSecret(WebhookEndpoint endpoint, String secret) {
    }

    /** What a webhook endpoint's sealed secret is for (see {@link SecretBox}). */
    static final String SECRET_PURPOSE = "webhook-endpoint-secret";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final WebhookAddresses addresses;
    private final SecretBox secrets;
    private final Clock clock;
    private final AuditTrail audit;

    Webhooks(JdbcClient jdbc, JsonMapper json, WebhookAddresses addresses, SecretBox secrets, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.json = json;
        this.addresses = addresses;
        this.secrets = secrets;
        this.clock = clock;
    }

    /**
     * Signing secrets are stored sealed; those stored in clear before sealing existed, or sealed
     * under a key that has since been rotated out of first place, are sealed again at start.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void sealSecrets() {
        jdbc.sql("SELECT id, secret FROM webhook_endpoints FOR UPDATE").query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list().stream().filter(endpoint -> !secrets.isCurrent(endpoint.getValue()))
                .forEach(endpoint -> jdbc.sql("UPDATE webhook_endpoints SET secret = :secret WHERE id = :id")
                        .param("secret", secrets.seal(SECRET_PURPOSE, plainSecret(endpoint.getValue())))
                        .param("id", endpoint.getKey()).update());
    }

    /** The secret that signs deliveries, from its stored (sealed, or older: clear) form. */
    String plainSecret(String stored) {
        return SecretBox.isSealed(stored) ? secrets.open(SECRET_PURPOSE, stored) : stored;
    }

    /** Queues the event for every endpoint of the merchant that asked for its type, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    void publish(String merchantId, String type, Object data) {
        List<String> endpoints = jdbc.sql("""
                        SELECT id FROM webhook_endpoints WHERE merchant_id = :merchant AND deleted_at IS NULL
                          AND :type = ANY (events)""")
                .param("merchant", merchantId).param("type", type).query(String.class).list();
        if (!endpoints.isEmpty()) {
            queue(merchantId, endpoints, type, data);
        }
    }

    private void queue(String merchantId, List<String> endpoints, String type, Object data) {
        Instant now = clock.instant();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", Ids.newId("evt"));
        event.put("type", type);
        event.put("createdAt", now);
        event.put("data", data);
        String payload = json.writeValueAsString(event);
        for (String endpoint : endpoints) {
            jdbc.sql("""
                            INSERT INTO webhook_deliveries (id, endpoint_id, merchant_id, event_id, event_type, payload,
                                status, next_attempt_at, created_at)
                            VALUES (:id, :endpoint, :merchant, :event, :type, :payload, 'PENDING', :now, :now)""")
                    .param("id", Ids.newId("whd")).param("endpoint", endpoint).param("merchant", merchantId)
                    .param("event", event.get("id")).param("type", type).param("payload", payload)
                    .param("now", Timestamp.from(now)).update();
        }
    }

    @Transactional
    public WithSecret create(String merchantId, String url, List<String> events) {
        List<FieldProblem> errors = new ArrayList<>();
        String clean = checkUrl(url, errors);
        List<String> types = events == null || events.isEmpty() ? EVENTS : events.stream().map(String::strip).distinct().toList();
        types.stream().filter(type -> !EVENTS.contains(type))
                .forEach(type -> errors.add(FieldProblem.of("events", "unknown_event", type)));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String id = Ids.newId("whe");
        String secret = "whsec_" + Ids.newSecret();
        jdbc.sql("""
                        INSERT INTO webhook_endpoints (id, merchant_id, url, events, secret, created_at)
                        VALUES (:id, :merchant, :url, :events, :secret, :now)""")
                .param("id", id).param("merchant", merchantId).param("url", clean)
                .param("events", types.toArray(String[]::new)).param("secret", secrets.seal(SECRET_PURPOSE, secret))
                .param("now", Timestamp.from(clock.instant())).update();
        audit.record("webhook_endpoint.created", merchantId, id, Changes.none().set("url", clean).set("events", types)
                .secret("secret"));
        return new WithSecret(get(merchantId, id), secret);
    }

    /** A new secret at once; deliveries from now on are signed with it. */
    @Transactional
    public WithSecret rotate(String merchantId, String id) {
        String secret = "whsec_" + Ids.newSecret();
        int updated = jdbc.sql("""
                        UPDATE webhook_endpoints SET secret = :secret, rotated_at = :now
                        WHERE merchant_id = :merchant AND id = :id AND deleted_at IS NULL""")
                .param("secret", secrets.seal(SECRET_PURPOSE, secret)).param("now", Timestamp.from(clock.instant()))
                .param("merchant", merchantId).param("id", id).update();
        if (updated == 0) {
            throw ProblemException.notFound();
        }
        audit.record("webhook_endpoint.secret_rotated", merchantId, id, Changes.none().secret("secret"));
        return new WithSecret(get(merchantId, id), secret);
    }

    @Transactional
    public void delete(String merchantId, String id) {
        Instant now = clock.instant();
        int deleted = jdbc.sql("""
                        UPDATE webhook_endpoints SET deleted_at = :now
                        WHERE merchant_id = :merchant AND id = :id AND deleted_at IS NULL""")
                .param("now", Timestamp.from(now)).param("merchant", merchantId).param("id", id).update();
        if (deleted == 1) {
            audit.record("webhook_endpoint.deleted", merchantId, id, Changes.none().set("deletedAt", now));
        } else if (jdbc.sql("SELECT count(*) FROM webhook_endpoints WHERE merchant_id = :merchant AND id = :id")
                .param("merchant", merchantId).param("id", id).query(Long.class).single() == 0) {
            throw ProblemException.notFound();
        }
        jdbc.sql("UPDATE webhook_deliveries SET status = 'FAILED', last_error = 'endpoint deleted' WHERE endpoint_id = :id AND status = 'PENDING'")
                .param("id", id).update();
    }

    /** "Send test event": a {@code webhook.test} event to this endpoint only. */
    @Transactional
    public void sendTest(String merchantId, String id) {
        WebhookEndpoint endpoint = get(merchantId, id);
        queue(merchantId, List.of(endpoint.id()), TEST, Map.of("endpointId", endpoint.id(), "message", "LinkPOS test event"));
        audit.record("webhook_endpoint.tested", merchantId, id, Changes.none());
    }

    public WebhookEndpoint get(String merchantId, String id) {
        return jdbc.sql("SELECT * FROM webhook_endpoints WHERE merchant_id = :merchant AND id = :id AND deleted_at IS NULL")
                .param("merchant", merchantId).param("id", id).query(Webhooks::endpoint).optional()
                .orElseThrow(ProblemException::notFound);
    }

    public List<WebhookEndpoint> endpoints(String merchantId) {
        return jdbc.sql("SELECT * FROM webhook_endpoints WHERE merchant_id = :merchant AND deleted_at IS NULL ORDER BY created_at")
                .param("merchant", merchantId).query(Webhooks::endpoint).list();
    }

    /**
     * The latest deliveries of each of the merchant's live endpoints (as {@link #endpoints} lists them),
     * newest first, by endpoint id; an endpoint without any has an empty list. One query, each endpoint
     * read from its own index range.
     */
    public Map<String, List<WebhookDelivery>> recentDeliveries(String merchantId, List<WebhookEndpoint> endpoints,
                                                                int perEndpoint) {
        Map<String, List<WebhookDelivery>> byEndpoint = new LinkedHashMap<>();
        endpoints.forEach(endpoint -> byEndpoint.put(endpoint.id(), new ArrayList<>()));
        jdbc.sql("""
                        SELECT d.* FROM webhook_endpoints e
                        CROSS JOIN LATERAL (SELECT * FROM webhook_deliveries d WHERE d.endpoint_id = e.id
                                            ORDER BY d.created_at DESC LIMIT :limit) d
                        WHERE e.merchant_id = :merchant AND e.deleted_at IS NULL
                        ORDER BY d.created_at DESC""")
                .param("merchant", merchantId).param("limit", perEndpoint)
                .query((rs, row) -> new WebhookDelivery(rs.getString("id"), rs.getString("endpoint_id"),
                        rs.getString("event_id"), rs.getString("event_type"), rs.getString("status"), rs.getInt("attempts"),
                        (Integer) rs.getObject("last_status_code"), rs.getString("last_error"),
                        rs.getTimestamp("delivered_at") == null ? null : rs.getTimestamp("delivered_at").toInstant(),
                        rs.getTimestamp("created_at").toInstant()))
                .list()
                .forEach(delivery -> byEndpoint.computeIfAbsent(delivery.endpointId(), id -> new ArrayList<>()).add(delivery));
        return byEndpoint;
    }

    /** A webhook goes to an absolute https URL with a host that resolves to public addresses ({@link WebhookAddresses}). */
    private String checkUrl(String url, List<FieldProblem> errors) {
        String clean = url == null ? "" : url.strip();
        URI uri = null;
        try {
            uri = URI.create(clean);
        } catch (IllegalArgumentException unreadable) {
            // refused below
        }
        if (uri == null || clean.length() > 2048 || uri.getHost() == null || uri.getUserInfo() != null
                || !Set.of("http", "https").contains(uri.getScheme())) {
            errors.add(FieldProblem.of("url", "invalid_webhook_url"));
            return clean;
        }
        WebhookAddresses.Refusal refusal = addresses.refusal(uri);
        if (refusal != null) {
            errors.add(FieldProblem.of("url", refusal.name().toLowerCase(java.util.Locale.ROOT), uri.getHost()));
        }
        return uri.toString();
    }

    private static WebhookEndpoint endpoint(ResultSet rs, int row) throws SQLException {
        Array events = rs.getArray("events");
        Timestamp rotated = rs.getTimestamp("rotated_at");
        return new WebhookEndpoint(rs.getString("id"), rs.getString("merchant_id"), rs.getString("url"),
                Arrays.asList((String[]) events.getArray()), rs.getTimestamp("created_at").toInstant(),
                rotated == null ? null : rotated.toInstant());
    }
}
