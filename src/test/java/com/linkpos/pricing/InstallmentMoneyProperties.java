package com.linkpos.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.shared.Currency;
import com.linkpos.shared.Money;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** For any amount, count and rates, the money of an installment sale adds up, to the minor unit. */
class InstallmentMoneyProperties {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    @Property(tries = 2000)
    void installmentsAddUpToTheChargedTotal(@ForAll @LongRange(min = 1, max = 9_000_000_000_000_000L) long base,
                                            @ForAll @IntRange(min = 1, max = 12) int count,
                                            @ForAll @IntRange(min = 0, max = 100_00) int vadeFarki,
                                            @ForAll CostBearer bearer) {
        Charge charge = Charge.of(new Money(base, Currency.TRY), new Rate(vadeFarki), bearer);
        InstallmentPlan plan = new InstallmentPlan(charge.charged(), count);
        List<Money> amounts = plan.amounts();

        assertThat(amounts).hasSize(count);
        assertThat(amounts.stream().mapToLong(Money::minor).sum()).isEqualTo(charge.charged().minor());
        assertThat(plan.first().minor() - plan.each().minor()).as("the first takes less than one more each")
                .isBetween(0L, (long) count - 1);
        assertThat(charge.charged().minor()).isEqualTo(base + charge.installmentCost().minor());
        if (bearer == CostBearer.MERCHANT) {
            assertThat(charge.installmentCost().minor()).isZero();
        }
    }

    @Property(tries = 2000)
    void grossIsCommissionPlusBsmvPlusNet(@ForAll @LongRange(min = 1, max = 9_000_000_000_000_000L) long amount,
                                          @ForAll @IntRange(min = 0, max = Rate.MOST_COMMISSION) int commissionRate,
                                          @ForAll @IntRange(min = 0, max = 365) int valueDays) {
        Money gross = new Money(amount, Currency.TRY);
        Settlement settlement = Settlement.ofSale(gross, new Rate(commissionRate), valueDays, DAY);

        assertThat(settlement.commission().minor() + settlement.commissionTax().minor() + settlement.net().minor())
                .isEqualTo(amount);
        assertThat(settlement.commissionTax()).isEqualTo(Rate.BSMV.of(settlement.commission()));
        assertThat(settlement.net().minor()).isNotNegative();
        assertThat(settlement.valueDate()).isEqualTo(DAY.plusDays(valueDays));
    }

    @Property(tries = 2000)
    void refundsGiveBackTheVadeFarkıInProportionAndExactlyInAll(
            @ForAll @LongRange(min = 1, max = 1_000_000_000L) long base,
            @ForAll @IntRange(min = 0, max = 50_00) int vadeFarki,
            @ForAll @IntRange(min = 1, max = 5) int refunds) {
        Charge charge = Charge.of(new Money(base, Currency.TRY), new Rate(vadeFarki), CostBearer.PAYER);
        long charged = charge.charged().minor();
        long refunded = 0;
        long costRefunded = 0;
        for (int i = 1; i <= refunds; i++) {
            // equal parts, the last one the rest
            long part = i == refunds ? charged - refunded : charged / refunds;
            if (part == 0) {
                continue;
            }
            Money cost = charge.installmentCostOf(new Money(part, Currency.TRY), new Money(refunded, Currency.TRY),
                    new Money(costRefunded, Currency.TRY));
            assertThat(cost.minor()).isBetween(0L, part);
            // exactly, in integers (doubles lose the last kuruş of large amounts): |cost − vade farkı × part / charged| < 1
            assertThat(distance(cost.minor(), charge.installmentCost().minor(), part, charged))
                    .as("within a minor unit of its own share").isLessThan(BigInteger.valueOf(charged));
            refunded += part;
            costRefunded += cost.minor();
            // returned so far: the proportion rounded, |so far − vade farkı × refunded / charged| ≤ ½
            assertThat(distance(costRefunded, charge.installmentCost().minor(), refunded, charged).shiftLeft(1))
                    .as("returned so far: the rounded proportion").isLessThanOrEqualTo(BigInteger.valueOf(charged));
        }
        assertThat(refunded).isEqualTo(charged);
        assertThat(costRefunded).as("the refunds return the vade farkı exactly").isEqualTo(charge.installmentCost().minor());
    }

    /** |value × whole − cost × part|: how far {@code value} is from cost × part / whole, times whole. */
    private static BigInteger distance(long value, long cost, long part, long whole) {
        return BigInteger.valueOf(value).multiply(BigInteger.valueOf(whole))
                .subtract(BigInteger.valueOf(cost).multiply(BigInteger.valueOf(part))).abs();
    }
}
