package com.linkpos.acquiring;

/** Card schemes by number prefix, for live detection on the page and as a fallback to the BIN table. */
public enum CardBrand {
    VISA, MASTERCARD, TROY, AMEX, UNKNOWN;

    /** [P2] LinkPOS takes Visa, Mastercard and Troy, issued in Turkey or abroad. */
    public boolean isAccepted() {
        return this == VISA || this == MASTERCARD || this == TROY;
    }

    public static CardBrand fromNumber(String digits) {
        if (digits == null || digits.isEmpty()) {
            return UNKNOWN;
        }
        if (digits.startsWith("9792") || digits.startsWith("65")) {
            return TROY;
        }
        if (digits.startsWith("4")) {
            return VISA;
        }
        if (digits.startsWith("34") || digits.startsWith("37")) {
            return AMEX;
        }
        if (digits.length() >= 2) {
            int two = Integer.parseInt(digits.substring(0, 2));
            if (two >= 51 && two <= 55) {
                return MASTERCARD;
            }
        }
        if (digits.length() >= 4) {
            int four = Integer.parseInt(digits.substring(0, 4));
            if (four >= 2221 && four <= 2720) {
                return MASTERCARD;
            }
        }
        return UNKNOWN;
    }
}
