package com.linkpos.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linkpos.merchant.Merchant;
import com.linkpos.shared.Currency;
import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.Money;
import com.linkpos.shared.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of a link's terms [L1]-[L10][M3], the same for portal and API, tested without Spring. */
class LinkRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    private static final LinkRules RULES = new LinkRules(Duration.ofDays(180));
    private static final Merchant MERCHANT = new Merchant("mer_1", "Demo Toptancı", null, Set.of(Currency.USD), 6, true,
            NOW, NOW);

    private static LinkInput input(String amount) {
        return new LinkInput(null, amount, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static LinkInput with(LinkInput base, String field, Object value) {
        return new LinkInput(
                field.equals("orderNumber") ? (String) value : base.orderNumber(),
                field.equals("amount") ? (String) value : base.amount(),
                field.equals("currency") ? (String) value : base.currency(),
                field.equals("installments") ? (Integer) value : base.installments(),
                field.equals("validFrom") ? (Instant) value : base.validFrom(),
                field.equals("validUntil") ? (Instant) value : base.validUntil(),
                field.equals("usage") ? (String) value : base.usage(),
                field.equals("description") ? (String) value : base.description(), base.payerNoteEnabled(),
                field.equals("sms") ? (String) value : base.sms(), field.equals("email") ? (String) value : base.email(),
                field.equals("returnUrl") ? (String) value : base.returnUrl(),
                field.equals("payerChoosesInstallments") ? (Boolean) value : base.payerChoosesInstallments(),
                field.equals("installmentCostBorneBy") ? (String) value : base.installmentCostBorneBy(),
                field.equals("maxPayments") ? (Integer) value : base.maxPayments(),
                field.equals("reminderBefore") ? (String) value : base.reminderBefore(),
                field.equals("openAmount") ? ((String[]) value)[0] : base.openAmountMin(),
                field.equals("openAmount") ? ((String[]) value)[1] : base.openAmountMax(),
                field.equals("preAuthorization") ? (Boolean) value : base.preAuthorization());
    }

    private static LinkInput open(String min, String max) {
        return with(input(null), "openAmount", new String[] {min, max});
    }

    @Test
    void anOpenAmountIsARangeInTryPaidAtOnce() {
        // [X4] the link's amount is the range's most: every guard on a link's amount holds for any payment in it
        LinkTerms terms = RULES.check(open("10.00", "5000.00"), MERCHANT, NOW, null);
        assertThat(terms.openAmount()).isEqualTo(new OpenAmount(new Money(1_000, Currency.TRY), new Money(500_000, Currency.TRY)));
        assertThat(terms.amount()).isEqualTo(new Money(500_000, Currency.TRY));
        assertThat(terms.openAmount().allows(new Money(1_000, Currency.TRY))).isTrue();
        assertThat(terms.openAmount().allows(new Money(500_001, Currency.TRY))).isFalse();
        assertThat(terms.openAmount().allows(new Money(999, Currency.TRY))).isFalse();
        assertThat(problems(open("10.00", "10.00"))).isEmpty();

        assertThat(problems(open("50.00", "10.00"))).containsExactly("openAmount.max:invalid_open_amount");
        assertThat(problems(open("10.00", null))).containsExactly("openAmount.max:required");
        assertThat(problems(open("0", "x"))).containsExactly("openAmount.min:amount_not_positive", "openAmount.max:invalid_amount");
        assertThat(problems(with(open("10.00", "20.00"), "amount", "15.00"))).containsExactly("openAmount:open_amount_with_amount");
        assertThat(problems(with(open("10.00", "20.00"), "currency", "USD"))).containsExactly("currency:open_amount_only_try");
        assertThat(problems(with(open("10.00", "20.00"), "installments", 3))).containsExactly("installments:open_amount_single_payment");
        assertThat(problems(with(input("10"), "preAuthorization", true))).isEmpty();
        assertThat(problems(with(with(input("10"), "preAuthorization", true), "payerChoosesInstallments", true)))
                .containsExactly("installments:pre_authorization_single_payment");
    }

    @Test
    void aPaidOpenAmountIsFrozenLikeAnAmount() {
        Money most = new Money(500_000, Currency.TRY);
        Link paid = new Link("lnk_1", "mer_1", "token", "SIP-1", most, 1, NOW, NOW.plus(Duration.ofDays(1)),
                LinkUsage.MULTI, null, false, null, null, 1, new Money(2_500, Currency.TRY), 0, Money.zero(Currency.TRY),
                Money.zero(Currency.TRY), null, null, NOW, NOW, null, InstallmentTerms.FIXED, null, Engagement.NONE, null,
                new OpenAmount(new Money(1_000, Currency.TRY), most), false);
        LinkInput same = LinkInput.of(paid);
        assertThat(RULES.check(same, MERCHANT, NOW, paid).openAmount()).isEqualTo(paid.openAmount());
        assertThatThrownBy(() -> RULES.check(with(same, "openAmount", new String[] {"20.00", "5000.00"}), MERCHANT, NOW, paid))
                .isInstanceOfSatisfying(ProblemException.class, refused -> assertThat(refused.errors())
                        .extracting(FieldProblem::field, FieldProblem::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("openAmount", "link_frozen_after_payment")));
        assertThat(paid.asksFor(new Money(2_500, Currency.TRY))).isTrue();
        assertThat(paid.asksFor(new Money(999, Currency.TRY))).isFalse();
    }

    private static List<String> problems(LinkInput input) {
        try {
            RULES.check(input, MERCHANT, NOW, null);
            return List.of();
        } catch (ProblemException refused) {
            return refused.errors().stream().map(error -> error.field() + ":" + error.code()).toList();
        }
    }

    @Test
    void onlyTheAmountIsNeeded() {
        LinkTerms terms = RULES.check(input("1250.50"), MERCHANT, NOW, null);
        assertThat(terms.amount()).isEqualTo(new Money(125_050, Currency.TRY));
        assertThat(terms.installments()).isEqualTo(1);
        assertThat(terms.usage()).isEqualTo(LinkUsage.SINGLE);
        assertThat(terms.orderNumber()).as("assigned when saved [L1]").isNull();
        assertThat(terms.validFrom()).isEqualTo(NOW);
        assertThat(terms.validUntil()).as("[L5] 24 hours").isEqualTo(NOW.plus(Duration.ofHours(24)));
    }

    @Test
    void orderNumbersCurrenciesAndAmounts() {
        assertThat(problems(with(input("10"), "orderNumber", "SIP 1"))).containsExactly("orderNumber:invalid_order_number");
        assertThat(problems(with(input("10"), "currency", "EUR"))).as("[L2] not granted").containsExactly("currency:currency_not_permitted");
        assertThat(problems(with(input("10"), "currency", "XYZ"))).containsExactly("currency:unknown_currency");
        assertThat(problems(with(input("10.5"), "currency", "USD"))).isEmpty();
        assertThat(problems(input("10.505"))).as("[L3]").containsExactly("amount:amount_too_precise");
        assertThat(problems(with(input("10.5"), "currency", "JPY"))).contains("currency:currency_not_permitted");
        assertThat(problems(input("0"))).containsExactly("amount:amount_not_positive");
        assertThat(problems(input("92233720368547758.07"))).as("the largest storable amount works").isEmpty();
        assertThat(problems(input("92233720368547758.08"))).containsExactly("amount:amount_too_large");
        assertThat(problems(input(""))).containsExactly("amount:required");
    }

    @Test
    void installments() {
        assertThat(problems(with(input("10"), "installments", 6))).isEmpty();
        assertThat(problems(with(input("10"), "installments", 7))).as("[L4] the bank's maximum")
                .containsExactly("installments:installments_not_permitted");
        assertThat(problems(with(input("10"), "installments", 13))).containsExactly("installments:installments_out_of_range");
        assertThat(problems(with(with(input("10"), "installments", 3), "currency", "USD")))
                .containsExactly("installments:installments_only_try");
    }

    @Test
    void validity() {
        assertThat(problems(with(input("10"), "validUntil", NOW.minusSeconds(1)))).containsExactly("validUntil:invalid_validity_period");
        assertThat(problems(with(with(input("10"), "validFrom", NOW.plus(Duration.ofDays(2))), "validUntil",
                NOW.plus(Duration.ofDays(1))))).containsExactly("validUntil:invalid_validity_period");
        assertThat(problems(with(input("10"), "validUntil", NOW.plus(Duration.ofDays(181))))).containsExactly("validUntil:invalid_validity_period");
        LinkTerms onlyStart = RULES.check(with(input("10"), "validFrom", NOW.plus(Duration.ofDays(1))), MERCHANT, NOW, null);
        assertThat(onlyStart.validUntil()).as("[L5] only start: 24 h from it").isEqualTo(NOW.plus(Duration.ofDays(2)));
    }

    @Test
    void recipientsDescriptionAndReturnAddress() {
        assertThat(RULES.check(with(input("10"), "sms", "0532 123 45 67"), MERCHANT, NOW, null).sms()).isEqualTo("+905321234567");
        assertThat(problems(with(input("10"), "sms", "+49 170 1234567"))).as("[L7]")
                .containsExactly("notify.sms:sms_number_not_turkish_mobile");
        assertThat(problems(with(input("10"), "email", "not-an-address"))).containsExactly("notify.email:invalid_email");
        assertThat(problems(with(input("10"), "description", "x".repeat(501)))).as("[L9]").containsExactly("description:too_long");
        assertThat(problems(with(input("10"), "returnUrl", "javascript:alert(1)"))).containsExactly("returnUrl:invalid_return_url");
        assertThat(problems(with(input("10"), "usage", "SOMETIMES"))).containsExactly("usage:invalid_usage");
    }

    @Test
    void everyProblemComesAtOnce() {
        assertThat(problems(new LinkInput("bad number", "-1", "EUR", 13, null, NOW.minusSeconds(5), "X", null, null, "1", "x",
                null, null, "NOBODY", 0, "tomorrow", null, null, null))).containsExactly("orderNumber:invalid_order_number", "currency:currency_not_permitted",
                "amount:amount_not_positive",
                "installments:installments_out_of_range", "usage:invalid_usage", "maxPayments:max_payments_multi_only", "notify.sms:sms_number_not_turkish_mobile",
                "notify.email:invalid_email", "reminderBefore:invalid_reminder",
                "installmentCostBorneBy:invalid_installment_cost_bearer",
                "validUntil:invalid_validity_period");
    }

    @Test
    void aVoidedSaleLeavesTheCountsButNotTheFreeze() {
        // [M7] its one sale voided: nothing collected, and what was paid stays frozen [M3]
        Money amount = new Money(1_000, Currency.TRY);
        Link voided = new Link("lnk_1", "mer_1", "token", "SIP-1", amount, 1, NOW, NOW.plus(Duration.ofDays(1)),
                LinkUsage.MULTI, null, false, null, null, 0, Money.zero(Currency.TRY), 1, amount, Money.zero(Currency.TRY),
                null, null, NOW, NOW, null, InstallmentTerms.FIXED, null, Engagement.NONE, null, null, false);
        assertThat(voided.hasPayments()).isTrue();
        assertThat(voided.net()).isEqualTo(Money.zero(Currency.TRY));
        assertThatThrownBy(() -> RULES.check(with(LinkInput.of(voided), "currency", "USD"), MERCHANT, NOW, voided))
                .isInstanceOf(ProblemException.class);
        Link full = new Link("lnk_2", "mer_1", "token2", "SIP-2", amount, 1, NOW, NOW.plus(Duration.ofDays(1)),
                LinkUsage.MULTI, null, false, null, null, 0, Money.zero(Currency.TRY), 1,
                new Money(Long.MAX_VALUE - 500, Currency.TRY), Money.zero(Currency.TRY), null, null, NOW, NOW, null,
                InstallmentTerms.FIXED, null, Engagement.NONE, null, null, false);
        assertThat(full.canCollect(amount)).as("voided sales still count against the largest total").isFalse();
    }

    @Test
    void whatWasPaidIsFrozenAndTheFieldIsNamed() {
        Money amount = new Money(1_000, Currency.TRY);
        Link paid = new Link("lnk_1", "mer_1", "token", "SIP-1", amount, 1, NOW, NOW.plus(Duration.ofDays(1)),
                LinkUsage.MULTI, null, false, null, null, 1, amount, 0, Money.zero(Currency.TRY), Money.zero(Currency.TRY),
                null, null, NOW, NOW, null, InstallmentTerms.FIXED, null, Engagement.NONE, null, null, false);
        LinkInput same = LinkInput.of(paid);
        assertThat(RULES.check(with(same, "description", "still editable"), MERCHANT, NOW, paid).description())
                .isEqualTo("still editable");
        assertThatThrownBy(() -> RULES.check(with(same, "currency", "USD"), MERCHANT, NOW, paid))
                .isInstanceOfSatisfying(ProblemException.class, refused -> {
                    assertThat(refused.code()).isEqualTo("link_frozen_after_payment");
                    assertThat(refused.errors()).extracting(FieldProblem::field).containsExactly("currency");
                });
        assertThatThrownBy(() -> RULES.check(with(same, "installments", 3), MERCHANT, NOW, paid))
                .isInstanceOfSatisfying(ProblemException.class,
                        refused -> assertThat(refused.errors()).extracting(FieldProblem::field).containsExactly("installments"));
        assertThatThrownBy(() -> RULES.check(with(same, "orderNumber", "OTHER"), MERCHANT, NOW, paid))
                .isInstanceOfSatisfying(ProblemException.class,
                        refused -> assertThat(refused.errors()).extracting(FieldProblem::code).contains("order_number_immutable"));
    }
}
