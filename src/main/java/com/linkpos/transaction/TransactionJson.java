package com.linkpos.transaction;

import java.time.Instant;

/** The transaction object of API.md. */
public record TransactionJson(String id, String type, String status, String linkId, String orderNumber, String amount,
                              String currency, int installments, Card card, String authCode, String hostReference,
                              String responseCode, String responseMessage, ThreeDSecure threeDSecure, String payerNote,
                              Integer batchNumber, boolean batchClosed, String refundedAmount, boolean voided,
                              String originalTransactionId, Instant createdAt) {

    public record Card(String masked, String bin, String last4, String brand, String issuer, String type) {
    }

    public record ThreeDSecure(String mdStatus, String eci) {
    }

    public static TransactionJson of(Transaction t) {
        Transaction.Card card = t.card();
        return new TransactionJson(t.id(), t.type().name(), t.status().name(), t.linkId(), t.orderNumber(),
                t.amount().toDecimalString(), t.amount().currency().name(), t.installments(),
                card == null ? null : new Card(card.masked(), card.bin(), card.last4(), card.brand(), card.issuer(), card.type()),
                t.authCode(), t.hostReference(), t.responseCode(), t.responseMessage(),
                t.mdStatus() == null ? null : new ThreeDSecure(t.mdStatus(), t.eci()), t.payerNote(), t.batchNumber(),
                t.batchClosed(), t.refunded().toDecimalString(), t.voided(), t.originalTransactionId(), t.createdAt());
    }
}
