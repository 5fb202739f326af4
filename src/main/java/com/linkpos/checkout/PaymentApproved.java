package com.linkpos.checkout;

import com.linkpos.transaction.Transaction;

/**
 * A payer paid a link: the approved SALE, published inside the transaction that records it, so what
 * reacts (webhooks, the merchant's e-mail) is queued with the payment or not at all.
 */
public record PaymentApproved(Transaction sale) {
}
