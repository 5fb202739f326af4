package com.linkpos.pricing;

import com.linkpos.shared.Money;
import java.math.BigInteger;

/**
 * [T2] What a sale charges the card: the link's amount ({@code base}) and the vade farkı the payer pays
 * on top ({@code installmentCost}, zero when the merchant bears it). The ledger keeps the two apart.
 */
public record Charge(Money base, Money installmentCost) {

    public Charge {
        if (base.currency() != installmentCost.currency()) {
            throw new IllegalArgumentException("one currency: " + base + " " + installmentCost);
        }
    }

    /**
     * The charge of {@code base} paid in installments at the merchant's vade farkı {@code rate}.
     *
     * @throws ArithmeticException when base and vade farkı together pass the largest amount
     */
    public static Charge of(Money base, Rate rate, CostBearer bearer) {
        Money cost = bearer == CostBearer.PAYER ? rate.of(base) : Money.zero(base.currency());
        if (base.minor() > Long.MAX_VALUE - cost.minor()) {
            throw new ArithmeticException("the amount with its vade farkı passes the largest amount");
        }
        return new Charge(base, cost);
    }

    /** The amount the card is charged: exactly what the page showed. */
    public Money charged() {
        return new Money(base.minor() + installmentCost.minor(), base.currency());
    }

    /**
     * The vade farkı a refund of {@code refund} gives back: the vade farkı returned so far is always the
     * charge's vade farkı in proportion to the amount refunded so far, rounded half up. Each refund is
     * then within a minor unit of its own share, and refunds of the whole charge return the whole vade
     * farkı exactly. {@code refundedBefore} and {@code costRefundedBefore}: the earlier refunds.
     */
    public Money installmentCostOf(Money refund, Money refundedBefore, Money costRefundedBefore) {
        long charged = charged().minor();
        long refunded = Math.min(charged, refundedBefore.minor() + refund.minor());
        BigInteger whole = BigInteger.valueOf(charged);
        long soFar = BigInteger.valueOf(installmentCost.minor()).multiply(BigInteger.valueOf(refunded)).shiftLeft(1)
                .add(whole).divide(whole.shiftLeft(1)).longValueExact();
        return new Money(Math.max(0, soFar - costRefundedBefore.minor()), base.currency());
    }
}
