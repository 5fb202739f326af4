package com.linkpos.pricing;

import com.linkpos.shared.Money;
import java.util.ArrayList;
import java.util.List;

/**
 * A total paid in {@code count} monthly installments. Each is the total divided by the count, rounded
 * down to the minor unit; the first takes what is left over, as the card schemes do, so the
 * installments add up to the total exactly (1.250,50 TL in 3: 416,84 + 416,83 + 416,83).
 */
public record InstallmentPlan(Money total, int count) {

    public InstallmentPlan {
        if (count < 1) {
            throw new IllegalArgumentException("installments: " + count);
        }
    }

    /** Every installment after the first. */
    public Money each() {
        return new Money(total.minor() / count, total.currency());
    }

    public Money first() {
        return new Money(total.minor() / count + total.minor() % count, total.currency());
    }

    public List<Money> amounts() {
        List<Money> amounts = new ArrayList<>(count);
        amounts.add(first());
        for (int i = 1; i < count; i++) {
            amounts.add(each());
        }
        return amounts;
    }
}
