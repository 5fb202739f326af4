package com.linkpos.acquiring;

/** What the BIN of a card tells: scheme, issuing bank and its card program, credit or debit, country. */
public record CardInfo(String bin, CardBrand brand, String issuer, String program, CardType type, String country) {

    public enum CardType { CREDIT, DEBIT }

    /** Programs whose credit cards may pay in installments [L4][P4]. */
    private static final java.util.Set<String> INSTALLMENT_PROGRAMS =
            java.util.Set.of("QNB Finansbank", "Enpara.com", "HSBC Advantage");

    public boolean allowsInstallments() {
        return type == CardType.CREDIT && program != null && INSTALLMENT_PROGRAMS.contains(program);
    }
}
