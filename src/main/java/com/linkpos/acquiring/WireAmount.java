package com.linkpos.acquiring;

import com.linkpos.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount as Turkish gateways write it on the wire (PayFor {@code PurchAmount}, EST {@code amount} and
 * {@code Total}): a "." and two decimals whatever the currency's own digits ("1250.50", "100.00"), the
 * exact string the hashes are made of; and whether an amount a bank posted back is the payment's.
 */
public final class WireAmount {

    private WireAmount() {
    }

    public static String of(Money amount) {
        return amount.toBigDecimal().setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** A non-negative amount a bank wrote ("15.00", "15"), in the currency; empty when it is not one. */
    public static java.util.Optional<Money> parse(String written, com.linkpos.shared.Currency currency) {
        try {
            BigDecimal minor = new BigDecimal(written.strip()).movePointRight(currency.minorDigits());
            return minor.signum() < 0 ? java.util.Optional.empty()
                    : java.util.Optional.of(new Money(minor.longValueExact(), currency));
        } catch (NumberFormatException | ArithmeticException | NullPointerException garbled) {
            return java.util.Optional.empty();
        }
    }

    /** Whether {@code posted} (a decimal, however written: "1250.5", "1250.50") is {@code amount}; garbled is not. */
    public static boolean same(String posted, Money amount) {
        try {
            return posted != null && new BigDecimal(posted.strip()).compareTo(amount.toBigDecimal()) == 0;
        } catch (NumberFormatException garbled) {
            return false;
        }
    }
}
