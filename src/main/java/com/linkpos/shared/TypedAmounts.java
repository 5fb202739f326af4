package com.linkpos.shared;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Amounts as people type them into forms, turned into the canonical decimal string ("1250.50"). */
public final class TypedAmounts {

    /** Turkish: "." groups thousands (by three), "," marks the decimals: 1.250,50 — or no grouping: 1250,50. */
    private static final Pattern TURKISH = Pattern.compile("\\d{1,3}(\\.\\d{3})+(,\\d+)?|\\d+(,\\d+)?");
    /** English: "," groups thousands, "." marks the decimals: 1,250.50 — or 1250.50. */
    private static final Pattern ENGLISH = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?|\\d+(\\.\\d+)?");

    private TypedAmounts() {
    }

    /**
     * "1.250,50" → "1250.50" on a Turkish page, "1,250.50" → "1250.50" on an English one: one convention per
     * language, the one the page shows its own amounts in, so that "1.25" never means 1,25 on one page and
     * 125 on another. Empty for anything else ("12.5" on a Turkish page, "abc"): the caller refuses it.
     */
    public static Optional<String> canonical(String typed, Locale locale) {
        if (typed == null) {
            return Optional.empty();
        }
        String text = typed.strip().replace(" ", "").replace("\u00a0", "");
        if (text.endsWith("TL")) {
            text = text.substring(0, text.length() - 2);
        }
        if ("en".equals(locale.getLanguage())) {
            return ENGLISH.matcher(text).matches() ? Optional.of(text.replace(",", "")) : Optional.empty();
        }
        return TURKISH.matcher(text).matches() ? Optional.of(text.replace(".", "").replace(',', '.')) : Optional.empty();
    }

    /** An amount as a page of this language writes it, to be typed again: 1250.5 → "1.250,5" or "1,250.5". */
    public static String written(java.math.BigDecimal amount, Locale locale) {
        return Money.format(amount, locale);
    }
}
