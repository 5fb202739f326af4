package com.linkpos.reporting;

import com.linkpos.link.LinkStatus;
import com.linkpos.shared.Money;
import java.time.Instant;

/** A link as the reports show it [M1][R2]: its terms, its status now, and what it has collected. */
record LinkRow(String id, String token, String orderNumber, Money amount, int installments, Instant validFrom,
               Instant validUntil, String usage, LinkStatus status, int paymentCount, Money collected, Instant lastPaidAt,
               Instant createdAt) {
}
