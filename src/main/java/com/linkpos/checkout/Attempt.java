package com.linkpos.checkout;

import com.linkpos.acquiring.Payment;
import com.linkpos.shared.Money;
import com.linkpos.transaction.Ledger;
import com.linkpos.transaction.Transaction;
import com.linkpos.transaction.TransactionType;
import java.util.Locale;

/**
 * One payer's try to pay a link, as checkout remembers it (never the card number or CVV): which
 * link, what amount, which card by its BIN and last four, its order id at the bank, and how far it
 * got ({@link Status}); {@code preAuthorization}: the card is held, not charged [X6].
 */
record Attempt(String id, String merchantId, String linkId, String orderNumber, Status status, Failure failure,
               Money amount, int installments, String gatewayOrderId, String acquirer, String cardBin, String cardLast4,
               String cardBrand, String cardIssuer, String cardType, String payerNote,
               String transactionId, Money installmentCost, int linkInstallments, boolean preAuthorization) {

    /**
     * [T2] The link's amount within {@link #amount} (what the card is charged): the attempt's claim on the
     * link compares it, and {@link #linkInstallments}, with what the link asks now.
     */
    Money baseAmount() {
        return new Money(amount.minor() - installmentCost.minor(), amount.currency());
    }

    /**
     * The attempt's states and the only moves between them. Every move is a conditional update from the
     * state expected ({@link Attempts#move}), so a double submit, a replayed bank answer or a second
     * instance finds the attempt moved already and changes nothing.
     */
    enum Status {
        /** Sent to the bank's 3-D Secure; its answer has not come back. */
        AWAITING_3DS,
        /** Authenticated; the link is claimed and the provision is on its way. */
        AUTHORIZING,
        APPROVED,
        DECLINED,
        /** Ended without a payment for a reason of LinkPOS's (the link, the bank unreachable). */
        FAILED;

        boolean canMoveTo(Status next) {
            return switch (this) {
                case AWAITING_3DS -> next == AUTHORIZING || next == DECLINED || next == FAILED;
                case AUTHORIZING -> next == APPROVED || next == DECLINED || next == FAILED;
                case APPROVED, DECLINED, FAILED -> false;
            };
        }

        boolean isFinal() {
            return this == APPROVED || this == DECLINED || this == FAILED;
        }
    }

    /** Why an attempt did not end in a payment, in the payer's words on the result page. */
    enum Failure {
        /** The bank declined; the response code says why. */
        DECLINED_BY_BANK,
        THREE_DS_FAILED,
        NOT_ENROLLED,
        ALREADY_PAID,
        LINK_UNAVAILABLE,
        LINK_CHANGED,
        BUSY,
        BANK_ERROR,
        /** [S4] A fraud rule refused the card before 3-D Secure: nothing was sent to the bank. */
        CARD_BLOCKED
    }

    /** What the gateway is told of this attempt. */
    Payment payment(String merchantName, Locale language, String callbackUrl) {
        return new Payment(merchantId, gatewayOrderId, amount, installments, language, merchantName, callbackUrl,
                preAuthorization);
    }

    /** The ledger's record of this attempt's sale: the card as checked, and the bank's and the ACS's answers. */
    Ledger.Sale sale(boolean approved, String authCode, String hostReference, String responseCode, String responseMessage,
                     String mdStatus, String eci) {
        return new Ledger.Sale(merchantId, linkId, id, orderNumber, gatewayOrderId, amount, installments,
                new Transaction.Card(cardBin, cardLast4, cardBrand, cardIssuer, cardType), approved, authCode,
                hostReference, responseCode, responseMessage, mdStatus, eci, payerNote, installmentCost,
                preAuthorization ? TransactionType.PRE_AUTH : TransactionType.SALE);
    }
}
