package com.linkpos.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linkpos.shared.Currency;
import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.Money;
import com.linkpos.shared.ProblemException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** [R3] How much a refund may pay back, and when a sale can be voided or refunded: the rules alone. */
class RefundRuleTest {

    private static Transaction sale(long amount, long refunded, boolean voided, boolean batchClosed) {
        return new Transaction("txn_1", "mer_1", "lnk_1", "pat_1", TransactionType.SALE, TransactionStatus.APPROVED,
                "SIP-1", "01ABCDEFGHJKMNPQRSTV", new Money(amount, Currency.TRY), 1,
                new Transaction.Card("415565", "6111", "VISA", "QNB Finansbank", "CREDIT"), "123456", "123456789012",
                "00", "Approved", "1", "05", null, null, new Money(refunded, Currency.TRY), voided, 7, batchClosed,
                Instant.parse("2026-11-30T10:00:00Z"), Money.zero(Currency.TRY), null, Money.zero(Currency.TRY));
    }

    private static String codeOf(ProblemException problem) {
        return problem.errors().stream().map(FieldProblem::code).findFirst().orElse(problem.code());
    }

    @Test
    void leftOutTheWholeRestIsRefunded() {
        assertThat(Reversals.refundAmount(sale(10_000, 2_500, false, true), null)).isEqualTo(new Money(7_500, Currency.TRY));
        assertThat(Reversals.refundAmount(sale(10_000, 2_500, false, true), " ")).isEqualTo(new Money(7_500, Currency.TRY));
    }

    @Test
    void partOfTheRestIsRefunded() {
        assertThat(Reversals.refundAmount(sale(10_000, 2_500, false, true), "75.00")).isEqualTo(new Money(7_500, Currency.TRY));
        assertThat(Reversals.refundAmount(sale(10_000, 0, false, true), "0.01")).isEqualTo(new Money(1, Currency.TRY));
    }

    @Test
    void refundsTogetherNeverExceedTheSale() {
        assertThatThrownBy(() -> Reversals.refundAmount(sale(10_000, 2_500, false, true), "75.01"))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.code()).isEqualTo("refund_exceeds_sale");
                    assertThat(problem.errors().get(0).args()).containsExactly("75.00", "TRY");
                });
        assertThatThrownBy(() -> Reversals.refundAmount(sale(10_000, 10_000, false, true), null))
                .as("nothing left").isInstanceOf(ProblemException.class);
    }

    @Test
    void whatIsNotAnAmountIsRefusedAsSuch() {
        assertThatThrownBy(() -> Reversals.refundAmount(sale(10_000, 0, false, true), "abc"))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(codeOf(problem)).isEqualTo("invalid_amount"));
        assertThatThrownBy(() -> Reversals.refundAmount(sale(10_000, 0, false, true), "0"))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(codeOf(problem)).isEqualTo("amount_not_positive"));
        assertThatThrownBy(() -> Reversals.refundAmount(sale(10_000, 0, false, true), "1.001"))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(codeOf(problem)).isEqualTo("amount_too_precise"));
    }

    @Test
    void voidWhileTheBatchIsOpenRefundAfter() {
        assertThat(sale(10_000, 0, false, false).voidable()).isTrue();
        assertThat(sale(10_000, 0, false, false).refundable()).isFalse();
        assertThat(sale(10_000, 0, false, true).voidable()).isFalse();
        assertThat(sale(10_000, 0, false, true).refundable()).isTrue();
        assertThat(sale(10_000, 10_000, false, true).refundable()).as("fully refunded").isFalse();
        assertThat(sale(10_000, 0, true, false).voidable()).as("voided already").isFalse();
    }
}
