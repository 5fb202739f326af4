package com.linkpos.pricing;

import com.linkpos.shared.Money;
import java.time.LocalDate;

/**
 * [T3] What a transaction means for the merchant's account: the bank's commission on a sale, BSMV
 * (5 % of the rounded commission), the net and the value date (valör) it is credited on. Each amount is
 * rounded half up to the minor unit; net = amount − commission − BSMV. A refund carries no commission:
 * its net is what is taken back, on the refund's own day.
 */
public record Settlement(Money commission, Money commissionTax, Money net, LocalDate valueDate)
        implements java.io.Serializable {

    /** A sale of {@code amount} (what the card was charged) made on the Istanbul day {@code saleDay}. */
    public static Settlement ofSale(Money amount, Rate commissionRate, int valueDays, LocalDate saleDay) {
        Money commission = commissionRate.of(amount);
        Money tax = Rate.BSMV.of(commission);
        return new Settlement(commission, tax, new Money(amount.minor() - commission.minor() - tax.minor(), amount.currency()),
                saleDay.plusDays(valueDays));
    }

    /** A refund of {@code amount} made on the Istanbul day {@code day}: taken back that day, no commission. */
    public static Settlement ofRefund(Money amount, LocalDate day) {
        Money none = Money.zero(amount.currency());
        return new Settlement(none, none, amount, day);
    }
}
