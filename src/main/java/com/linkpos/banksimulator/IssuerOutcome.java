package com.linkpos.banksimulator;

/**
 * What the simulated issuer does with a card, decided from the card number (and expiry) when the 3-D
 * form arrives, written as in the test cards file: {@code APPROVE}, {@code DECLINE:<code>},
 * {@code THREE_DS_FAIL}, {@code NOT_ENROLLED}. The simulator keeps this, never the card.
 */
record IssuerOutcome(Kind kind, String declineCode) {

    enum Kind { APPROVE, DECLINE, THREE_DS_FAIL, NOT_ENROLLED }

    static final IssuerOutcome APPROVE = new IssuerOutcome(Kind.APPROVE, "");

    static IssuerOutcome decline(String code) {
        return new IssuerOutcome(Kind.DECLINE, code);
    }

    static IssuerOutcome parse(String text) {
        String value = text.strip();
        if (value.startsWith("DECLINE:")) {
            String code = value.substring("DECLINE:".length()).strip();
            if (!code.matches("\\d{2}") || code.equals("00")) {
                throw new IllegalArgumentException("a decline needs a two-digit code other than 00: " + text);
            }
            return decline(code);
        }
        return new IssuerOutcome(Kind.valueOf(value), "");
    }

    @Override
    public String toString() {
        return kind == Kind.DECLINE ? "DECLINE:" + declineCode : kind.name();
    }
}
