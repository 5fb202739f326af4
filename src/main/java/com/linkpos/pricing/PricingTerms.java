package com.linkpos.pricing;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * [T2][T3] What the bank set for one merchant, per installment count: the vade farkı rate, the
 * commission rate (and one for cards issued abroad) and the value days. A count the bank left out
 * takes the value of the nearest smaller count it set (so {"1": 1.79, "3": 2.99} charges 1.79 % for
 * two installments); below every count it set: no vade farkı, no commission, and the next day.
 */
public record PricingTerms(NavigableMap<Integer, Rate> vadeFarki, NavigableMap<Integer, Rate> commission,
                           Rate foreignCardCommission, NavigableMap<Integer, Integer> valueDays) {

    public static final int DEFAULT_VALUE_DAYS = 1;
    public static final PricingTerms NONE = new PricingTerms(new TreeMap<>(), new TreeMap<>(), null, new TreeMap<>());

    public PricingTerms {
        vadeFarki = Collections.unmodifiableNavigableMap(new TreeMap<>(vadeFarki));
        commission = Collections.unmodifiableNavigableMap(new TreeMap<>(commission));
        valueDays = Collections.unmodifiableNavigableMap(new TreeMap<>(valueDays));
    }

    public Rate vadeFarki(int installments) {
        return floor(vadeFarki, installments, Rate.ZERO);
    }

    /** The commission rate of a sale: the foreign cards' rate for a card issued abroad, where the bank set one. */
    public Rate commission(int installments, boolean foreignCard) {
        return foreignCard && foreignCardCommission != null ? foreignCardCommission
                : floor(commission, installments, Rate.ZERO);
    }

    public int valueDays(int installments) {
        return floor(valueDays, installments, DEFAULT_VALUE_DAYS);
    }

    private static <V> V floor(NavigableMap<Integer, V> values, int installments, V none) {
        Map.Entry<Integer, V> set = values.floorEntry(installments);
        return set == null ? none : set.getValue();
    }
}
