package com.linkpos.banksimulator;

import com.linkpos.acquiring.CardBrand;

/**
 * All the simulated bank keeps of a card: the mask PayFor shows ({@code 415565******6111}), the BIN,
 * the scheme and the issuer's name from the BIN table.
 */
record MaskedCard(String mask, String bin, CardBrand brand, String issuer) {

    static String mask(String pan) {
        return pan.substring(0, 6) + "*".repeat(pan.length() - 10) + pan.substring(pan.length() - 4);
    }

    /** PayFor's one-letter card type ({@code CardType}, {@code DsBrand}): V, M, T. */
    String cardType() {
        return switch (brand) {
            case VISA -> "V";
            case MASTERCARD -> "M";
            case TROY -> "T";
            default -> "";
        };
    }

    /** The ECI of a full 3-D Secure authentication: 05 for Visa and Troy, 02 for Mastercard. */
    String fullEci() {
        return brand == CardBrand.MASTERCARD ? "02" : "05";
    }

    /** The ECI of an attempt (a card not enrolled, "half 3-D"): 06 for Visa and Troy, 01 for Mastercard. */
    String attemptEci() {
        return brand == CardBrand.MASTERCARD ? "01" : "06";
    }
}
