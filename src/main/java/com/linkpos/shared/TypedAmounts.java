package com.linkpos.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/** Amounts as people type them into forms, turned into the canonical decimal string ("1250.50"). */
public final class TypedAmounts {

    private static final Pattern TURKISH_GROUPED = Pattern.compile("\\d{1,3}(\\.\\d{3})+(,\\d+)?");
    private static final Pattern ENGLISH_GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    private TypedAmounts() {
    }

    /**
     * "1.250,50" → "1250.50" in Turkish, "1,250.50" → "1250.50" in English. A lone separator
     * followed by other than three digits is read as the decimal mark, whichever it is, since
     * people type "12.5" and "12,5" alike. Anything else goes on as typed and fails the amount rule.
     */
    public static String canonical(String typed, Locale locale) {
        if (typed == null) {
            return null;
        }
        String text = typed.strip().replace(" ", "").replace("\u00a0", "");
        if (text.endsWith("TL")) {
            text = text.substring(0, text.length() - 2);
        }
        boolean turkish = !"en".equals(locale.getLanguage());
        if (turkish && TURKISH_GROUPED.matcher(text).matches()) {
            return text.replace(".", "").replace(',', '.');
        }
        if (!turkish && ENGLISH_GROUPED.matcher(text).matches()) {
            return text.replace(",", "");
        }
        int commas = text.length() - text.replace(",", "").length();
        int dots = text.length() - text.replace(".", "").length();
        if (commas + dots == 1) {
            return text.replace(',', '.');
        }
        return text;
    }

}
