package com.linkpos.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The currencies a LinkPOS link can be priced in [L2]; TRY is the default and needs no permission. */
public enum Currency {
    TRY(2, "949"), USD(2, "840"), EUR(2, "978"), GBP(2, "826"), JPY(0, "392"), RUB(2, "643");

    private final int minorDigits;
    private final String numericCode;

    Currency(int minorDigits, String numericCode) {
        this.minorDigits = minorDigits;
        this.numericCode = numericCode;
    }

    /** ISO 4217's numeric code, which the Turkish gateways want ("949", never "TL" or "TRY"). */
    public String numericCode() {
        return numericCode;
    }

    public static Optional<Currency> fromNumericCode(String code) {
        return Arrays.stream(values()).filter(c -> c.numericCode.equals(code == null ? "" : code.strip())).findFirst();
    }

    public int minorDigits() {
        return minorDigits;
    }

    public boolean isForeign() {
        return this != TRY;
    }

    public static Optional<Currency> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String upper = code.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.name().equals(upper)).findFirst();
    }
}
