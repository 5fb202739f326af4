package com.linkpos.checkout;

import com.linkpos.shared.Money;
import com.linkpos.transaction.Ledger;
import com.linkpos.transaction.Transaction;

/** One payer's try to pay a link, as checkout remembers it (never the card number or CVV). */
record Attempt(String id, String merchantId, String linkId, Status status, Failure failure, Money amount,
               int installments, String cardBin, String cardLast4, String cardBrand, String cardIssuer,
               String cardType, String payerNote, String xid, String transactionId) {

    enum Status { AWAITING_3DS, AUTHORIZING, APPROVED, DECLINED, FAILED }

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
        BANK_ERROR
    }

    /** The ledger's record of this attempt's sale: the card as checked, and the bank's and the ACS's answers. */
    Ledger.Sale sale(String orderNumber, boolean approved, String authCode, String hostReference, String responseCode,
                     String responseMessage, String mdStatus, String eci) {
        return new Ledger.Sale(merchantId, linkId, id, orderNumber, amount, installments,
                new Transaction.Card(cardBin, cardLast4, cardBrand, cardIssuer, cardType), approved, authCode,
                hostReference, responseCode, responseMessage, mdStatus, eci, payerNote);
    }
}
