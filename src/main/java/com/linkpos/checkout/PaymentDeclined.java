package com.linkpos.checkout;

import com.linkpos.transaction.Transaction;

/** A payment reached the bank and was declined (or failed 3-D Secure): the declined SALE, in the recording transaction. */
public record PaymentDeclined(Transaction sale) {
}
