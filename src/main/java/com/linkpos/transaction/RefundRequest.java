package com.linkpos.transaction;

import com.linkpos.shared.Money;
import java.time.Instant;

/**
 * [S3] A refund above the merchant's four-eyes amount, waiting for (or decided by) a second admin.
 * {@code requestedBy}, {@code decidedBy}: a portal user's name, or {@code api-key:<id>}; {@code requestedFor}: the
 * person behind the request (the user, or the admin who made the key; null when not known). {@code failureCode}:
 * why an approval made no refund (the refund's own problem code, or {@code declined} by the bank).
 */
public record RefundRequest(String id, String merchantId, String transactionId, Money amount, String requestedBy,
                            String requestedFor, Instant requestedAt, Instant expiresAt, RefundRequestStatus status, String decidedBy,
                            Instant decidedAt, String failureCode, String refundTransactionId)
        implements java.io.Serializable {

    public boolean pending() {
        return status == RefundRequestStatus.PENDING;
    }

    /** Whether {@code caller} may approve it: a merchant admin in the portal who did not ask for it. */
    public boolean approvableBy(com.linkpos.platform.Caller caller) {
        return pending() && FourEyes.mayApprove(caller, this);
    }
}
