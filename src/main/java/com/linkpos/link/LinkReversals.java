package com.linkpos.link;

import com.linkpos.transaction.HoldCaptured;
import com.linkpos.transaction.SaleRefunded;
import com.linkpos.transaction.SaleVoided;
import com.linkpos.transaction.Transaction;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * [M7] A link counts what its sales came to: a voided sale leaves its payments and collected total, a
 * refund is counted beside them. Kept in the transaction that records the void or refund, so the link
 * and the ledger never disagree.
 */
@Component
class LinkReversals {

    private final LinkTable table;

    LinkReversals(LinkTable table) {
        this.table = table;
    }

    @EventListener
    void saleVoided(SaleVoided event) {
        Transaction voided = event.voided();
        if (voided.linkId() != null) {
            table.countVoid(voided.merchantId(), voided.linkId(), voided.amount());
        }
    }

    /** [X6] A hold captured for less than it held: the link collected the capture, not the hold. */
    @EventListener
    void holdCaptured(HoldCaptured event) {
        Transaction capture = event.capture();
        if (capture.linkId() != null && event.released().minor() > 0) {
            table.countRelease(capture.merchantId(), capture.linkId(), event.released());
        }
    }

    @EventListener
    void saleRefunded(SaleRefunded event) {
        Transaction refund = event.refund();
        if (refund.linkId() != null) {
            table.countRefund(refund.merchantId(), refund.linkId(), refund.amount());
        }
    }
}
