package com.linkpos.audit;

import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.TypedTimes;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The audit log's filters: {@code from} and {@code to} (an Istanbul day, {@code to} inclusive, or an ISO-8601
 * instant), an action ({@code link.updated}, or a prefix such as {@code link.}), an actor's name, an object id;
 * for the bank, a merchant.
 */
record AuditQuery(Instant from, Instant to, String action, String actor, String objectId, String merchantId) {

    static AuditQuery parse(Map<String, String> params, List<FieldProblem> errors) {
        Instant from = TypedTimes.instant(params.get("from"), false, "from", errors);
        Instant to = TypedTimes.instant(params.get("to"), true, "to", errors);
        if (from != null && to != null && !to.isAfter(from)) {
            errors.add(FieldProblem.of("to", "invalid_date_range"));
        }
        return new AuditQuery(from, to, blank(params.get("action")), blank(params.get("actor")), blank(params.get("objectId")),
                blank(params.get("merchantId")));
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
