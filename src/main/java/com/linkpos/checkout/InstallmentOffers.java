package com.linkpos.checkout;

import com.linkpos.acquiring.CardInfo;
import com.linkpos.acquiring.InstallmentPolicy;
import com.linkpos.link.Link;
import com.linkpos.pricing.Charge;
import com.linkpos.pricing.InstallmentPlan;
import com.linkpos.pricing.PricingTerms;
import com.linkpos.shared.Money;
import java.util.ArrayList;
import java.util.List;

/**
 * [T1][T2] What a payer may pay a link in: the link's fixed count, or with the payer's choice each count
 * from 1 to the link's that the card may use under the gateway's programs [A7]; each with what it charges
 * (the link's amount, plus the vade farkı where the payer bears it) and its monthly amounts.
 */
final class InstallmentOffers {

    private InstallmentOffers() {
    }

    /** One way to pay: {@code count} installments of {@code plan}, charging {@code charge}. */
    record Offer(int count, Charge charge, InstallmentPlan plan) {
    }

    /**
     * The offers of paying {@code amount} (the link's, or what the payer typed for an open amount [X4]);
     * {@code card} null while the card is not known (every count of the link is listed).
     * {@code policy} is asked only for a payer's choice with a known card.
     */
    static List<Offer> of(Link link, Money amount, PricingTerms terms, InstallmentPolicy policy, CardInfo card) {
        List<Integer> counts = new ArrayList<>();
        if (link.installmentTerms().payerChooses()) {
            for (int count = 1; count <= link.installments(); count++) {
                if (count == 1 || card == null || policy.allows(count, card)) {
                    counts.add(count);
                }
            }
        } else {
            counts.add(link.installments());
        }
        List<Offer> offers = new ArrayList<>();
        for (int count : counts) {
            try {
                Charge charge = Charge.of(amount, terms.vadeFarki(count), link.installmentTerms().costBorneBy());
                offers.add(new Offer(count, charge, new InstallmentPlan(charge.charged(), count)));
            } catch (ArithmeticException tooLarge) {
                // the vade farkı would carry the amount past the largest one: this count is not offered
            }
        }
        return offers;
    }
}
