package com.linkpos.transaction;

/** An approved REFUND (part or all) of a sale, published in the transaction that records it. */
public record SaleRefunded(Transaction refund) {
}
