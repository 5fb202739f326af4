package com.linkpos.shared;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Objects;

/**
 * A sum of amounts of one currency, in minor units. Unbounded: every {@link Money} fits a BIGINT, but
 * many of them together need not (a day of large sales), so totals of reports never overflow.
 */
public record Total(BigInteger minor, Currency currency) {

    public Total {
        Objects.requireNonNull(minor, "minor");
        Objects.requireNonNull(currency, "currency");
    }

    public static Total zero(Currency currency) {
        return new Total(BigInteger.ZERO, currency);
    }

    /** A sum as PostgreSQL gives it: {@code sum(bigint)} is a numeric, null over no rows. */
    public static Total of(BigDecimal sum, Currency currency) {
        return new Total(sum == null ? BigInteger.ZERO : sum.toBigIntegerExact(), currency);
    }

    public BigDecimal toBigDecimal() {
        return new BigDecimal(minor, currency.minorDigits());
    }

    /** The API's form, as {@link Money#toDecimalString()}. */
    public String toDecimalString() {
        return toBigDecimal().toPlainString();
    }

    /** For people, as {@link Money#format(Locale)}. */
    public String format(Locale locale) {
        return Money.format(toBigDecimal(), locale);
    }

    @Override
    public String toString() {
        return toDecimalString() + " " + currency;
    }
}
