package com.linkpos.pricing;

import com.linkpos.shared.FieldProblem;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bank's terms as the API and the bank's page take them: {"2": "1.90", "3": "2.80"} per installment
 * count (1–12), commission also {"foreign": "3.50"}, value days {"1": 1, "3": 30}. A map given replaces
 * that kind of term whole; one left out (null) keeps it. Every bad entry is named, and nothing changes.
 */
public final class TermsInput {

    public static final String FOREIGN = "foreign";
    public static final int MOST_INSTALLMENTS = 12;
    public static final int MOST_VALUE_DAYS = 365;

    private TermsInput() {
    }

    public static PricingTerms patched(PricingTerms current, Map<String, ?> installmentRates, Map<String, ?> commissionRates,
                                       Map<String, ?> valueDays, List<FieldProblem> errors) {
        TreeMap<Integer, Rate> vadeFarki = new TreeMap<>(current.vadeFarki());
        if (installmentRates != null) {
            vadeFarki = rates("installmentRates", installmentRates, Rate.MOST_VADE_FARKI, false, errors);
        }
        TreeMap<Integer, Rate> commission = new TreeMap<>(current.commission());
        Rate foreign = current.foreignCardCommission();
        if (commissionRates != null) {
            commission = rates("commissionRates", commissionRates, Rate.MOST_COMMISSION, true, errors);
            foreign = commission.remove(0);
        }
        TreeMap<Integer, Integer> days = new TreeMap<>(current.valueDays());
        if (valueDays != null) {
            days = new TreeMap<>();
            for (Map.Entry<String, ?> entry : valueDays.entrySet()) {
                String field = "valueDays." + entry.getKey();
                Integer count = count(entry.getKey(), false);
                Integer value = entry.getValue() == null ? null : wholeNumber(entry.getValue().toString());
                if (count == null) {
                    errors.add(FieldProblem.of(field, "invalid_installment_count", MOST_INSTALLMENTS));
                } else if (value == null || value > MOST_VALUE_DAYS) {
                    errors.add(FieldProblem.of(field, "invalid_value_days", MOST_VALUE_DAYS));
                } else {
                    days.put(count, value);
                }
            }
        }
        return new PricingTerms(vadeFarki, commission, foreign, days);
    }

    /** The rates of one map; the foreign cards' rate, where allowed, under count 0. */
    private static TreeMap<Integer, Rate> rates(String name, Map<String, ?> given, int most, boolean foreignAllowed,
                                                List<FieldProblem> errors) {
        TreeMap<Integer, Rate> rates = new TreeMap<>();
        for (Map.Entry<String, ?> entry : given.entrySet()) {
            String field = name + "." + entry.getKey();
            Integer count = count(entry.getKey(), foreignAllowed);
            boolean vadeFarki = name.equals("installmentRates");
            java.util.Optional<Rate> rate = entry.getValue() == null ? java.util.Optional.empty()
                    : Rate.parse(entry.getValue().toString()).filter(r -> r.hundredths() <= most);
            if (count == null) {
                errors.add(FieldProblem.of(field, "invalid_installment_count", MOST_INSTALLMENTS));
            } else if (vadeFarki && count == 1) {
                // a payment in one go (peşin) has no vade farkı
                errors.add(FieldProblem.withMessage(field, "invalid_installment_count",
                        "error.invalid_installment_count.single", MOST_INSTALLMENTS));
            } else if (rate.isEmpty()) {
                errors.add(FieldProblem.of(field, "invalid_rate", new Rate(most).toDecimalString()));
            } else {
                rates.put(count, rate.get());
            }
        }
        return rates;
    }

    /** 1–12, or 0 for "foreign" where allowed; null for anything else. */
    private static Integer count(String key, boolean foreignAllowed) {
        if (foreignAllowed && FOREIGN.equals(key)) {
            return 0;
        }
        Integer count = wholeNumber(key);
        return count != null && count >= 1 && count <= MOST_INSTALLMENTS ? count : null;
    }

    private static Integer wholeNumber(String text) {
        return text != null && text.matches("\\d{1,4}") ? Integer.valueOf(text) : null;
    }
}
