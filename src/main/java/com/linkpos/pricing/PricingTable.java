package com.linkpos.pricing;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The bank's terms of each merchant, as saved. Saving replaces them at once: a sale reads the terms of
 * its moment and keeps what they made of it (the ledger stores the amounts, not the rates).
 */
@Component
public class PricingTable {

    /** The row that holds the commission of cards issued abroad. */
    private static final int FOREIGN_CARDS = 0;
    private final JdbcClient jdbc;

    PricingTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public PricingTerms of(String merchantId) {
        TreeMap<Integer, Rate> vadeFarki = new TreeMap<>();
        TreeMap<Integer, Rate> commission = new TreeMap<>();
        TreeMap<Integer, Integer> valueDays = new TreeMap<>();
        Rate[] foreign = {null};
        jdbc.sql("SELECT kind, installments, value FROM merchant_rates WHERE merchant_id = :merchant")
                .param("merchant", merchantId).query((rs, row) -> {
                    int installments = rs.getInt("installments");
                    int value = rs.getInt("value");
                    switch (rs.getString("kind")) {
                        case "VADE_FARKI" -> vadeFarki.put(installments, new Rate(value));
                        case "COMMISSION" -> {
                            if (installments == FOREIGN_CARDS) {
                                foreign[0] = new Rate(value);
                            } else {
                                commission.put(installments, new Rate(value));
                            }
                        }
                        default -> valueDays.put(installments, value);
                    }
                    return null;
                }).list();
        return new PricingTerms(vadeFarki, commission, foreign[0], valueDays);
    }

    /** Replaces the merchant's terms by {@code terms}, in the caller's transaction. */
    public void replace(String merchantId, PricingTerms terms) {
        jdbc.sql("DELETE FROM merchant_rates WHERE merchant_id = :merchant").param("merchant", merchantId).update();
        terms.vadeFarki().forEach((count, rate) -> insert(merchantId, "VADE_FARKI", count, rate.hundredths()));
        terms.commission().forEach((count, rate) -> insert(merchantId, "COMMISSION", count, rate.hundredths()));
        if (terms.foreignCardCommission() != null) {
            insert(merchantId, "COMMISSION", FOREIGN_CARDS, terms.foreignCardCommission().hundredths());
        }
        terms.valueDays().forEach((count, days) -> insert(merchantId, "VALUE_DAYS", count, days));
    }

    private void insert(String merchantId, String kind, int installments, int value) {
        jdbc.sql("INSERT INTO merchant_rates (merchant_id, kind, installments, value) VALUES (:merchant, :kind, :count, :value)")
                .param("merchant", merchantId).param("kind", kind).param("count", installments).param("value", value)
                .update();
    }

    /** The terms as the API writes them: {"2": "1.90"}, with "foreign" for cards issued abroad. */
    public static Map<String, String> written(Map<Integer, Rate> rates, Rate foreign) {
        Map<String, String> written = new java.util.LinkedHashMap<>();
        rates.forEach((count, rate) -> written.put(String.valueOf(count), rate.toDecimalString()));
        if (foreign != null) {
            written.put(TermsInput.FOREIGN, foreign.toDecimalString());
        }
        return written;
    }
}
