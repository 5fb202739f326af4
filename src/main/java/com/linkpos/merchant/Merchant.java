package com.linkpos.merchant;

import com.linkpos.shared.Currency;
import java.time.Instant;
import java.util.Set;

/** A merchant (üye işyeri) and what the bank allows it [L2][L4]. */
public record Merchant(String id, String name, String email, Set<Currency> foreignCurrencies,
                       int maxInstallments, boolean notifyOnPayment, Instant createdAt, Instant updatedAt) {

    public static final int INSTALLMENT_LIMIT = 12;

    public Merchant {
        foreignCurrencies = Set.copyOf(foreignCurrencies);
    }

    /** TRY always; a foreign currency only with the bank's Döviz POS permission for it. */
    public boolean accepts(Currency currency) {
        return !currency.isForeign() || foreignCurrencies.contains(currency);
    }
}
