package com.linkpos.checkout;

import com.linkpos.acquiring.Acquirer;
import com.linkpos.acquiring.Acquirers;
import com.linkpos.acquiring.BankAnswer;
import com.linkpos.link.Links;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After a crash, or a bank that answered neither provision nor inquiry, an attempt may be left
 * AUTHORIZING: the bank may have approved it, but nobody recorded the answer or told the payer. Such
 * an attempt is settled here: the bank is asked what it answered ([A4], the order inquiry); an
 * approval no payer ever saw is voided at once ({@link UnwantedApprovals}: the payer is not charged);
 * the link's claim is released. Safe on every instance (SKIP LOCKED).
 */
@Component
class Recovery {

    private static final Logger log = LoggerFactory.getLogger(Recovery.class);
    /** Attempts settled in one run at most, so one run never holds the scheduler long. */
    private static final int BATCH = 100;

    private final Attempts attempts;
    private final Acquirers acquirers;
    private final UnwantedApprovals unwanted;
    private final Links links;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final CheckoutSettings settings;

    Recovery(Attempts attempts, Acquirers acquirers, UnwantedApprovals unwanted, Links links,
             PlatformTransactionManager transactions, Clock clock, CheckoutSettings settings) {
        this.attempts = attempts;
        this.acquirers = acquirers;
        this.unwanted = unwanted;
        this.links = links;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${linkpos.checkout.recovery-poll}")
    void settleStuckAttempts() {
        for (int settled = 0; settled < BATCH; settled++) {
            if (!Boolean.TRUE.equals(transactions.execute(status -> settleOne()))) {
                return;
            }
        }
    }

    /** Settles the oldest stuck attempt; false when there is none, or the bank cannot be asked now. */
    private boolean settleOne() {
        Optional<Attempt> stuck = attempts.lockStuck(clock.instant().minus(settings.stuckAfter()));
        if (stuck.isEmpty()) {
            return false;
        }
        Attempt attempt = stuck.get();
        Acquirer acquirer = acquirers.forMerchant(attempt.merchantId());
        Optional<BankAnswer> answer;
        try {
            answer = acquirer.inquire(attempt.payment(null, null, null));
        } catch (RuntimeException unreachable) {
            log.warn("Attempt {} is stuck and the bank cannot be asked now ({}); trying later", attempt.id(),
                    unreachable.toString());
            return false;
        }
        if (answer.isPresent() && answer.get().approved()) {
            unwanted.undo(acquirer, attempt, answer.get(), "1", null, Attempt.Failure.BANK_ERROR);
            log.warn("Attempt {} was approved by the bank but never recorded: voided", attempt.id());
        } else {
            attempts.move(attempt.id(), Attempt.Status.AUTHORIZING, Attempt.Status.FAILED, Attempt.Failure.BANK_ERROR,
                    null, null, null);
        }
        links.releaseClaim(attempt.linkId(), attempt.id());
        return true;
    }
}
