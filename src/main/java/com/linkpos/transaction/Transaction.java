package com.linkpos.transaction;

import com.linkpos.pricing.Settlement;
import com.linkpos.shared.Money;
import java.time.Instant;

/**
 * One entry of the ledger: a sale that reached the bank (approved or declined), or later a void or
 * refund of one; a pre-authorization and its capture [X6] ({@code captured}: what the capture of a PRE_AUTH took).
 * Card data is what a receipt may show: BIN, last four, brand, issuer, type [P7].
 */
public record Transaction(String id, String merchantId, String linkId, String attemptId, TransactionType type,
                          TransactionStatus status, String orderNumber, String gatewayOrderId, Money amount,
                          int installments, Card card,
                          String authCode, String hostReference, String responseCode, String responseMessage,
                          String mdStatus, String eci, String payerNote, String originalTransactionId,
                          Money refunded, boolean voided, Integer batchNumber, boolean batchClosed, Instant createdAt,
                          Money installmentCost, Settlement settlement, Money captured)
        implements java.io.Serializable {

    /**
     * [T2] The link's amount within {@link #amount}: what was charged less the vade farkı the payer paid
     * on top ({@link #installmentCost}, zero when the merchant bore it). For a refund, the part of the
     * link's amount it gave back.
     */
    public Money baseAmount() {
        return new Money(amount.minor() - installmentCost.minor(), amount.currency());
    }

    public record Card(String bin, String last4, String brand, String issuer, String type) implements java.io.Serializable {
        /** 415565******6111 (a 16-digit card; the length is not kept). */
        public String masked() {
            return bin + "******" + last4;
        }
    }

    /**
     * What the screens call its outcome: a sale that was voided no longer looks approved (VOIDED); a hold
     * was RELEASED or CAPTURED [X6].
     */
    public String shownStatus() {
        if (type == TransactionType.PRE_AUTH && approved()) {
            return voided ? "RELEASED" : captured.minor() > 0 ? "CAPTURED" : status.name();
        }
        return type.isSale() && voided ? "VOIDED" : status.name();
    }

    public boolean approved() {
        return status == TransactionStatus.APPROVED;
    }

    /** [R3] What can still be done with it: void while its batch is open, refund after. */
    public boolean voidable() {
        return type.isSale() && approved() && !voided && !batchClosed;
    }

    public boolean refundable() {
        return type.isSale() && approved() && !voided && batchClosed && refunded.minor() < amount.minor();
    }

    /** [X6] A hold still open: it can be captured, or released (whatever its batch: no money moved). */
    public boolean capturable() {
        return type == TransactionType.PRE_AUTH && approved() && !voided && captured.minor() == 0;
    }

    public Money refundableRest() {
        return new Money(amount.minor() - refunded.minor(), amount.currency());
    }
}
