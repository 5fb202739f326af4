package com.linkpos.webhook;

import java.time.Instant;

/** One event on its way to one endpoint, as the portal shows it. */
public record WebhookDelivery(String id, String endpointId, String eventId, String eventType, String status, int attempts,
                              Integer lastStatusCode, String lastError, Instant deliveredAt, Instant createdAt) {
}
