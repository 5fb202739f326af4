package com.linkpos.notification;

import java.time.Instant;

/** [M6] One message as the merchant sees it: where it went (masked), how it went, and what it said. */
public record Delivery(String id, String linkId, String kind, String channel, String recipient, String status,
                       int attempts, String lastError, String provider, String subject, String body, Instant sentAt,
                       Instant createdAt) {
}
