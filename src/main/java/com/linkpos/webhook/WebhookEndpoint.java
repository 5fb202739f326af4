package com.linkpos.webhook;

import java.time.Instant;
import java.util.List;

/** A merchant's endpoint: where its events go. The secret is shown once, when made or rotated. */
public record WebhookEndpoint(String id, String merchantId, String url, List<String> events, Instant createdAt,
                              Instant rotatedAt) {
}
