package com.linkpos.acquiring;

/** What the BIN of a card tells: scheme, issuing bank and its card program, credit or debit, country. */
public record CardInfo(String bin, CardBrand brand, String issuer, String program, CardType type, String country) {

    public enum CardType { CREDIT, DEBIT }
}
