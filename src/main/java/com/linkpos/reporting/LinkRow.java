package com.linkpos.reporting;

import com.linkpos.link.LinkStatus;
import com.linkpos.shared.Money;
import java.time.Instant;

/**
 * A link as the reports show it [M1][R2]: its terms, its status now, and what it has collected [M7]:
 * approved sales not voided, what was paid back of them, and the net; and [X3] its page's views and the
 * payment attempts that reached the bank.
 */
record LinkRow(String id, String token, String orderNumber, Money amount, int installments, Instant validFrom,
               Instant validUntil, String usage, LinkStatus status, int paymentCount, Money collected, Money refunded,
               Instant lastPaidAt, Instant createdAt, int views, int attempts) {

    public Money net() {
        return new Money(collected.minor() - refunded.minor(), collected.currency());
    }
}
