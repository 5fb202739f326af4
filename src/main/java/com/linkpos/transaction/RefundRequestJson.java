package com.linkpos.transaction;

import com.linkpos.shared.Currency;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** [S3] The refund request object of API.md. */
@Schema(name = "RefundApprovalRequest", description = "[S3] A refund above the merchant's four-eyes amount, waiting "
        + "for (or decided by) a second merchant admin.")
record RefundRequestJson(@Schema(example = "rfq_01JDQ7Z8X9YV3T5W6R2K4M8N0P") String id,
                         @Schema(implementation = RefundRequestStatus.class) String status,
                         @Schema(description = "The sale to refund.", example = "txn_01JDQ7Z8X9YV3T5W6R2K4M8N0P")
                         String transactionId,
                         @Schema(description = "A decimal string.", example = "1500.00") String amount,
                         @Schema(implementation = Currency.class) String currency,
                         @Schema(description = "The portal user's name, or `api-key:<id>` for an API key.")
                         String requestedBy,
                         @Schema(nullable = true, description = "The person behind it: the user, or the admin who made the "
                                 + "API key (who may not approve it either); null for a key older than this.")
                         String requestedFor,
                         Instant requestedAt,
                         @Schema(description = "Unapproved by then, the request is EXPIRED.") Instant expiresAt,
                         @Schema(nullable = true, description = "Who approved, cancelled or failed to approve it.")
                         String decidedBy,
                         @Schema(nullable = true) Instant decidedAt,
                         @Schema(nullable = true, description = "Of a FAILED request: why no refund was made (a refund's "
                                 + "problem code, or `declined` by the bank).", example = "refund_exceeds_sale")
                         String failureCode,
                         @Schema(nullable = true, description = "The REFUND transaction its approval made.")
                         String refundTransactionId) {

    static RefundRequestJson of(RefundRequest r) {
        return new RefundRequestJson(r.id(), r.status().name(), r.transactionId(), r.amount().toDecimalString(),
                r.amount().currency().name(), r.requestedBy(), r.requestedFor(), r.requestedAt(), r.expiresAt(), r.decidedBy(), r.decidedAt(),
                r.failureCode(), r.refundTransactionId());
    }
}
