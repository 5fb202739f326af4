package com.linkpos.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One change as the audit log keeps it. {@code merchantId} is null for what is the bank's alone. */
record AuditEvent(String id, String merchantId, Instant at, Actor actor, String address, String action, String objectId,
                  Map<String, List<String>> changes) {
}
