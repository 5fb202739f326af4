package com.linkpos.link;

import com.linkpos.shared.Money;
import java.time.Instant;

/**
 * A payment link [L1]-[L11]: what a payer is asked to pay, for how long, and how often. [M7]
 * {@code paymentCount} and {@code collected} count its approved sales that were not voided,
 * {@code voidedCount} and {@code voided} those that were, {@code refunded} what was paid back.
 * With an {@link OpenAmount} [X4], {@code amount} is its largest payment; {@code preAuthorization} [X6]: its
 * payments are holds the merchant captures later.
 */
public record Link(String id, String merchantId, String token, String orderNumber, Money amount, int installments,
                   Instant validFrom, Instant validUntil, LinkUsage usage, String description,
                   boolean payerNoteEnabled, String notifySms, String notifyEmail, int paymentCount,
                   Money collected, int voidedCount, Money voided, Money refunded, Instant usedAt, Instant deletedAt,
                   Instant createdAt, Instant updatedAt, String returnUrl, InstallmentTerms installmentTerms, Integer maxPayments,
                   Engagement engagement, java.time.Duration reminderBefore, OpenAmount openAmount,
                   boolean preAuthorization) {

    public LinkStatus status(Instant now) {
        if (deletedAt != null) {
            return LinkStatus.DELETED;
        }
        if (usedAt != null) {
            return LinkStatus.USED;
        }
        if (!now.isBefore(validUntil)) {
            return LinkStatus.EXPIRED;
        }
        if (now.isBefore(validFrom)) {
            return LinkStatus.SCHEDULED;
        }
        return LinkStatus.ACTIVE;
    }

    /**
     * [L3] Whether the collected total can take one more payment of {@code amount}: it is kept in a
     * BIGINT, like every amount, and a multi-use link of a very large amount can fill it.
     */
    public boolean canCollect(Money amount) {
        // every approved sale counts here, voided or not, as in the database's own guard (LinkTable)
        return collected.minor() + voided.minor() <= Long.MAX_VALUE - amount.minor();
    }

    /** The least one payment may be: the amount, or an open amount's minimum [X4] (pages write {@code lowest – amount}). */
    public Money lowest() {
        return openAmount == null ? amount : openAmount.min();
    }

    /** Whether a payment of {@code paid} is what the link asks: its amount, or one within its open amount [X4]. */
    public boolean asksFor(Money paid) {
        return openAmount == null ? amount.equals(paid) : openAmount.allows(paid);
    }

    /** [M3] After a successful payment, what was paid can no longer change, even once that sale is voided. */
    public boolean hasPayments() {
        return paymentCount + voidedCount > 0;
    }

    /** [M7] What the link's sales brought in, less what was paid back. */
    public Money net() {
        return new Money(collected.minor() - refunded.minor(), collected.currency());
    }
}
