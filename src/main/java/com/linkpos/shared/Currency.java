package com.linkpos.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The currencies a LinkPOS link can be priced in [L2]; TRY is the default and needs no permission. */
public enum Currency {
    TRY(2), USD(2), EUR(2), GBP(2), JPY(0), RUB(2);

    private final int minorDigits;

    Currency(int minorDigits) {
        this.minorDigits = minorDigits;
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
