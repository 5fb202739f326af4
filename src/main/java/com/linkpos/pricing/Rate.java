package com.linkpos.pricing;

import com.linkpos.shared.Money;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/**
 * A percentage with two decimals, as banks write them ("2.80" %), kept in hundredths of a percent
 * (280). The one rounding rule for rates: a rate of an amount is rounded half up to the minor unit.
 */
public record Rate(int hundredths) {

    public static final Rate ZERO = new Rate(0);
    /** BSMV, the tax on the bank's commission: 5 % of it. */
    public static final Rate BSMV = new Rate(500);
    private static final int MOST = 100_00;
    /** The most a vade farkı may be: the whole amount again. */
    public static final int MOST_VADE_FARKI = 100_00;
    /** The most a commission may be, 50 %: with BSMV on top, what is left to the merchant stays positive. */
    public static final int MOST_COMMISSION = 50_00;
    private static final BigInteger WHOLE = BigInteger.valueOf(100_00);
    private static final BigInteger HALF = BigInteger.valueOf(50_00);

    public Rate {
        if (hundredths < 0 || hundredths > MOST) {
            throw new IllegalArgumentException("rate out of 0..100 %: " + hundredths);
        }
    }

    /** "2.80", "2.8" or "3" percent; empty for anything else (negative, over 100, more than two decimals). */
    public static Optional<Rate> parse(String percent) {
        if (percent == null || !percent.strip().matches("\\d{1,3}(\\.\\d{1,2})?")) {
            return Optional.empty();
        }
        int hundredths = new BigDecimal(percent.strip()).movePointRight(2).intValueExact();
        return hundredths <= MOST ? Optional.of(new Rate(hundredths)) : Optional.empty();
    }

    /** This rate of {@code amount}, rounded half up to the minor unit (amounts are never negative). */
    public Money of(Money amount) {
        BigInteger product = BigInteger.valueOf(amount.minor()).multiply(BigInteger.valueOf(hundredths));
        return new Money(product.add(HALF).divide(WHOLE).longValueExact(), amount.currency());
    }

    /** "2.80" */
    public String toDecimalString() {
        return BigDecimal.valueOf(hundredths, 2).toPlainString();
    }
}
