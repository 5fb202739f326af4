package com.linkpos.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linkpos.shared.Currency;
import com.linkpos.shared.Money;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The worked examples of the installment rules, as a merchant would check them by hand. */
class InstallmentMoneyTest {

    private static Money tl(String amount) {
        return Money.parsePositive(amount, Currency.TRY);
    }

    @Test
    void theFirstInstallmentTakesTheRemainder() {
        InstallmentPlan plan = new InstallmentPlan(tl("1250.50"), 3);
        assertThat(plan.amounts()).containsExactly(tl("416.84"), tl("416.83"), tl("416.83"));
    }

    @Test
    void ratesAreWrittenWithTwoDecimalsAndRoundHalfUp() {
        assertThat(Rate.parse("2.80")).contains(new Rate(280));
        assertThat(Rate.parse("3")).contains(new Rate(300));
        assertThat(Rate.parse("100")).contains(new Rate(100_00));
        for (String bad : new String[] {"-1", "100.01", "2.805", "abc", "", "2,80", null}) {
            assertThat(Rate.parse(bad)).as(bad).isEmpty();
        }
        // 2.80 % of 0,25 TL is 0,7 kuruş: 1 kuruş; of 0,17 TL 0,476: 0
        assertThat(new Rate(280).of(tl("0.25"))).isEqualTo(tl("0.01"));
        assertThat(new Rate(280).of(tl("0.17")).minor()).isZero();
        assertThat(new Rate(280).toDecimalString()).isEqualTo("2.80");
    }

    @Test
    void thePayerBearsTheVadeFarkıOnTopOfTheLinksAmount() {
        Charge payer = Charge.of(tl("1000.00"), new Rate(280), CostBearer.PAYER);
        assertThat(payer.installmentCost()).isEqualTo(tl("28.00"));
        assertThat(payer.charged()).isEqualTo(tl("1028.00"));
        Charge merchant = Charge.of(tl("1000.00"), new Rate(280), CostBearer.MERCHANT);
        assertThat(merchant.charged()).isEqualTo(tl("1000.00"));
        assertThat(merchant.installmentCost().minor()).isZero();
        assertThatThrownBy(() -> Charge.of(Money.largest(Currency.TRY), new Rate(100), CostBearer.PAYER))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void aRefundGivesBackItsShareOfTheVadeFarkı() {
        Charge charge = Charge.of(tl("1000.00"), new Rate(280), CostBearer.PAYER); // 1.028,00 charged, 28,00 of it vade farkı
        Money none = Money.zero(Currency.TRY);
        assertThat(charge.installmentCostOf(tl("514.00"), none, none)).isEqualTo(tl("14.00"));
        assertThat(charge.installmentCostOf(tl("514.00"), tl("514.00"), tl("14.00"))).isEqualTo(tl("14.00"));
        // a third of it: 9,333… rounds to 9,33; the rest then returns the other 18,67
        assertThat(charge.installmentCostOf(tl("342.67"), none, none)).isEqualTo(tl("9.33"));
        assertThat(charge.installmentCostOf(tl("685.33"), tl("342.67"), tl("9.33"))).isEqualTo(tl("18.67"));
    }

    @Test
    void aSaleSettlesGrossLessCommissionAndBsmvOnItsValueDate() {
        Settlement settlement = Settlement.ofSale(tl("1028.00"), new Rate(299), 30, LocalDate.of(2026, 12, 1));
        // 2.99 % of 1.028,00 = 30,7372 → 30,74; BSMV 5 % of 30,74 = 1,537 → 1,54
        assertThat(settlement.commission()).isEqualTo(tl("30.74"));
        assertThat(settlement.commissionTax()).isEqualTo(tl("1.54"));
        assertThat(settlement.net()).isEqualTo(tl("995.72"));
        assertThat(settlement.valueDate()).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void aCountTheBankLeftOutTakesTheNearestSmallerOne() {
        PricingTerms terms = new PricingTerms(new TreeMap<>(Map.of(2, new Rate(190), 3, new Rate(280))),
                new TreeMap<>(Map.of(1, new Rate(179), 3, new Rate(299))), new Rate(350), new TreeMap<>(Map.of(1, 1, 3, 30)));
        assertThat(terms.vadeFarki(1)).isEqualTo(Rate.ZERO);
        assertThat(terms.vadeFarki(6)).isEqualTo(new Rate(280));
        assertThat(terms.commission(2, false)).isEqualTo(new Rate(179));
        assertThat(terms.commission(2, true)).isEqualTo(new Rate(350));
        assertThat(terms.valueDays(2)).isEqualTo(1);
        assertThat(terms.valueDays(12)).isEqualTo(30);
        assertThat(PricingTerms.NONE.valueDays(3)).isEqualTo(PricingTerms.DEFAULT_VALUE_DAYS);
        assertThat(PricingTerms.NONE.commission(1, true)).isEqualTo(Rate.ZERO);
    }
}
