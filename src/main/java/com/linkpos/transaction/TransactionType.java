package com.linkpos.transaction;

/**
 * What an entry of the ledger is. A SALE charges the card; a PRE_AUTH only holds it [X6] until a CAPTURE
 * (the money, which is voided or refunded as a sale is) or its release (a VOID of the PRE_AUTH).
 */
public enum TransactionType {
    SALE, VOID, REFUND, PRE_AUTH, CAPTURE;

    /** Money the merchant is paid: what reports, end of day and the settlement count as sold. */
    public boolean isSale() {
        return this == SALE || this == CAPTURE;
    }
}
