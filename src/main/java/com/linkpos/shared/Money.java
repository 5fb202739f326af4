package com.linkpos.shared;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of money in minor units (kuruş, cent; yen has none). Never a double: every amount is exact.
 * The largest amount is what a BIGINT holds, so storage and domain agree end to end [L3].
 */
public record Money(long minor, Currency currency) implements java.io.Serializable {

    private static final Pattern DECIMAL = Pattern.compile("\\d{1,40}(\\.\\d{1,40})?");

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    /** Why a decimal string is not an amount; each is a field error code of the API. */
    public enum Rejection { INVALID_AMOUNT, AMOUNT_NOT_POSITIVE, AMOUNT_TOO_PRECISE, AMOUNT_TOO_LARGE }

    public static final class InvalidAmount extends RuntimeException {
        private final Rejection rejection;

        InvalidAmount(Rejection rejection) {
            super(rejection.name(), null, false, false);
            this.rejection = rejection;
        }

        public Rejection rejection() {
            return rejection;
        }
    }

    /** Parses a canonical decimal string ("1250.50") into a positive amount of the currency. */
    public static Money parsePositive(String decimal, Currency currency) {
        String text = decimal == null ? "" : decimal.trim();
        boolean negative = text.startsWith("-");
        String digits = negative ? text.substring(1) : text;
        if (!DECIMAL.matcher(digits).matches()) {
            throw new InvalidAmount(Rejection.INVALID_AMOUNT);
        }
        BigDecimal value = new BigDecimal(digits);
        if (negative || value.signum() == 0) {
            throw new InvalidAmount(Rejection.AMOUNT_NOT_POSITIVE);
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > currency.minorDigits()) {
            throw new InvalidAmount(Rejection.AMOUNT_TOO_PRECISE);
        }
        BigInteger minor = stripped.movePointRight(currency.minorDigits()).toBigIntegerExact();
        if (minor.bitLength() > 63) {
            throw new InvalidAmount(Rejection.AMOUNT_TOO_LARGE);
        }
        return new Money(minor.longValue(), currency);
    }

    /**
     * One of {@code count} equal installments, rounded down to the minor unit: what each month shows
     * ("3 × 416,83 TL" of 1.250,50); the bank adds the rest (here 0,01) to the first.
     */
    public Money installment(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("installments: " + count);
        }
        return new Money(minor / count, currency);
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    public static Money largest(Currency currency) {
        return new Money(Long.MAX_VALUE, currency);
    }

    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(minor, currency.minorDigits());
    }

    /** The API's form: a plain decimal string with the currency's minor digits. */
    public String toDecimalString() {
        return toBigDecimal().toPlainString();
    }

    /**
     * For people: "1.250,50" in Turkish, "1,250.50" in English. Written by hand rather than with a
     * DecimalFormat, which would be built (its pattern parsed) for every amount on every page.
     */
    public String format(Locale locale) {
        return format(toBigDecimal(), locale);
    }

    /** The digits of {@code value} grouped by thousands, with the language's marks. */
    static String format(BigDecimal value, Locale locale) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        String plain = value.abs().toPlainString();
        int point = plain.indexOf('.');
        int wholeDigits = point < 0 ? plain.length() : point;
        StringBuilder out = new StringBuilder(plain.length() + 8);
        if (value.signum() < 0) {
            out.append(symbols.getMinusSign());
        }
        for (int i = 0; i < wholeDigits; i++) {
            if (i > 0 && (wholeDigits - i) % 3 == 0) {
                out.append(symbols.getGroupingSeparator());
            }
            out.append(plain.charAt(i));
        }
        if (point >= 0) {
            out.append(symbols.getDecimalSeparator()).append(plain, point + 1, plain.length());
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return toDecimalString() + " " + currency;
    }
}
