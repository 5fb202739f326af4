package com.linkpos.transaction;

/**
 * [S3] What asking for a refund came to: the REFUND transaction (approved or declined by the bank), and the
 * request it made or decided; a refund above the merchant's four-eyes amount has no transaction yet, only its
 * PENDING request.
 */
public record RefundOutcome(Transaction refund, RefundRequest request) {

    public boolean waiting() {
        return refund == null;
    }
}
