package com.linkpos.transaction;

/** An approved VOID of a sale, published in the transaction that records it. */
public record SaleVoided(Transaction voided) {
}
