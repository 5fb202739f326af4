package com.linkpos.checkout;

import com.linkpos.acquiring.Acquirer;
import com.linkpos.acquiring.Acquirer.BankResponse;
import com.linkpos.link.Links;
import com.linkpos.transaction.Ledger;
import com.linkpos.transaction.Transaction;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After a crash, an attempt may be left AUTHORIZING: the bank may have approved it, but nobody
 * recorded the answer or told the payer. Such an attempt is settled here: the bank is asked what it
 * answered; an approval no payer ever saw is voided at once (the payer is not charged) and both are
 * recorded; the link's claim is released. Safe on every instance (SKIP LOCKED).
 */
@Component
class Recovery {

    private static final Logger log = LoggerFactory.getLogger(Recovery.class);

    private final JdbcClient jdbc;
    private final Attempts attempts;
    private final Acquirer acquirer;
    private final Ledger ledger;
    private final Links links;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration stuckAfter;

    Recovery(JdbcClient jdbc, Attempts attempts, Acquirer acquirer, Ledger ledger, Links links,
             PlatformTransactionManager transactions, Clock clock,
             @Value("${linkpos.checkout.stuck-after:5m}") Duration stuckAfter) {
        this.jdbc = jdbc;
        this.attempts = attempts;
        this.acquirer = acquirer;
        this.ledger = ledger;
        this.links = links;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
        this.stuckAfter = stuckAfter;
    }

    @Scheduled(fixedDelayString = "${linkpos.checkout.recovery-poll:1m}")
    void settleStuckAttempts() {
        while (Boolean.TRUE.equals(transactions.execute(status -> settleOne()))) {
            // one attempt per transaction, until none is left
        }
    }

    private boolean settleOne() {
        Optional<Attempt> stuck = attempts.lockStuck(clock.instant().minus(stuckAfter));
        if (stuck.isEmpty()) {
            return false;
        }
        Attempt attempt = stuck.get();
        Optional<BankResponse> answer = acquirer.inquire(attempt.merchantId(), attempt.id());
        String transactionId = null;
        if (answer.isPresent() && answer.get().approved()) {
            BankResponse voided = acquirer.voidSale(attempt.merchantId(), answer.get().hostReference());
            Transaction sale = ledger.recordSale(attempt.sale(orderNumberOf(attempt), true, answer.get().authCode(),
                    answer.get().hostReference(), answer.get().responseCode(), answer.get().responseMessage(), "1", null));
            ledger.recordVoid(sale, voided.approved(), voided.authCode(), voided.hostReference(), voided.responseCode(),
                    voided.responseMessage());
            transactionId = sale.id();
            log.warn("Attempt {} was approved by the bank but never recorded (a crash): voided ({})", attempt.id(),
                    voided.responseCode());
        }
        attempts.finish(attempt.id(), Attempt.Status.FAILED, Attempt.Failure.BANK_ERROR, null, null, transactionId);
        links.releaseClaim(attempt.linkId(), attempt.id());
        return true;
    }

    private String orderNumberOf(Attempt attempt) {
        return jdbc.sql("SELECT order_number FROM links WHERE id = :id").param("id", attempt.linkId())
                .query(String.class).single();
    }
}
