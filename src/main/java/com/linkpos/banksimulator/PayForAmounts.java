package com.linkpos.banksimulator;

import com.linkpos.shared.Currency;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * PayFor's amounts and currencies (docs/VPOS.md A2): {@code PurchAmount} a decimal with "." ("5",
 * "5.0", "5.00", at most two decimals, none for a currency without minor units), {@code Currency} the
 * ISO 4217 number. Unlike the real gateway (at most 200,000 TL, M019), the simulator sets no upper
 * limit, so that LinkPOS's largest amount can be paid through it end to end.
 */
final class PayForAmounts {

    /** Twenty digits before the point: LinkPOS's largest amount (a BIGINT of kuruş) has seventeen. */
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,20}(\\.\\d{1,10})?");
    private static final Map<String, Currency> CURRENCIES = Map.of("949", Currency.TRY, "840", Currency.USD,
            "978", Currency.EUR, "826", Currency.GBP, "392", Currency.JPY, "643", Currency.RUB);

    /** Why an amount or a currency is refused: the code of the answer. */
    static final class Refused extends Exception {
        final PayForCode code;

        Refused(PayForCode code) {
            super(code.code, null, false, false);
            this.code = code;
        }
    }

    private PayForAmounts() {
    }

    static Currency currency(String numeric) throws Refused {
        if (numeric == null || numeric.isBlank()) {
            throw new Refused(PayForCode.CURRENCY_MISSING);
        }
        Currency currency = CURRENCIES.get(numeric.strip());
        if (currency == null) {
            throw new Refused(PayForCode.CURRENCY_INVALID);
        }
        return currency;
    }

    static Optional<Currency> knownCurrency(String numeric) {
        return Optional.ofNullable(numeric == null ? null : CURRENCIES.get(numeric.strip()));
    }

    /** A positive amount of the currency, with scale 2. */
    static BigDecimal amount(String purchAmount, Currency currency) throws Refused {
        if (purchAmount == null || purchAmount.isBlank()) {
            throw new Refused(PayForCode.AMOUNT_MISSING);
        }
        String text = purchAmount.strip();
        if (text.matches("\\d{21,}(\\.\\d*)?")) {
            throw new Refused(PayForCode.AMOUNT_MISSING); // "invalid length"
        }
        if (!DECIMAL.matcher(text).matches()) {
            throw new Refused(PayForCode.AMOUNT_INVALID);
        }
        BigDecimal amount = new BigDecimal(text).stripTrailingZeros();
        if (amount.signum() <= 0 || amount.scale() > 2) {
            throw new Refused(PayForCode.AMOUNT_INVALID);
        }
        if (amount.scale() > currency.minorDigits()) {
            throw new Refused(PayForCode.EXPONENT_MISMATCH);
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** How PayFor writes an amount in its answers: "1.01", "5.00". */
    static String format(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** The callback's {@code AlphaCode}: TL for the lira, as the real gateway writes it. */
    static String alphaCode(String numeric) {
        return knownCurrency(numeric).map(c -> c == Currency.TRY ? "TL" : c.name()).orElse("");
    }
}
