package com.linkpos.checkout;

import com.linkpos.acquiring.Acquirer;
import com.linkpos.acquiring.BankAnswer;
import com.linkpos.transaction.Ledger;
import com.linkpos.transaction.Transaction;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An approval nobody may keep: its link was paid by another attempt while the bank answered, or its
 * payer never saw it (a crash, found by {@link Recovery}). The bank voids it at once, so the payer
 * is not charged; then the sale and its void are written down together, and the attempt ends.
 */
@Component
class UnwantedApprovals {

    private final Ledger ledger;
    private final Attempts attempts;
    private final TransactionTemplate transactions;

    UnwantedApprovals(Ledger ledger, Attempts attempts, PlatformTransactionManager transactions) {
        this.ledger = ledger;
        this.attempts = attempts;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** Voids {@code approval} at the bank and records both; returns the (voided) sale. */
    Transaction undo(Acquirer acquirer, Attempt attempt, BankAnswer approval, String mdStatus, String eci,
                     Attempt.Failure failure) {
        BankAnswer voided = acquirer.voidSale(new Acquirer.Order(attempt.merchantId(), attempt.gatewayOrderId(),
                approval.hostReference(), attempt.amount()));
        return transactions.execute(status -> {
            Transaction sale = ledger.recordSale(attempt.sale(true, approval.authCode(), approval.hostReference(),
                    approval.code(), approval.message(), mdStatus, eci));
            ledger.recordVoid(sale, voided);
            attempts.move(attempt.id(), Attempt.Status.AUTHORIZING, Attempt.Status.FAILED, failure, mdStatus, eci, sale.id());
            return sale;
        });
    }
}
