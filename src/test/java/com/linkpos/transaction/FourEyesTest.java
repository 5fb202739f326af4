package com.linkpos.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linkpos.platform.Caller;
import com.linkpos.platform.Role;
import com.linkpos.shared.Currency;
import com.linkpos.shared.Money;
import com.linkpos.shared.ProblemException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** [S3] Four eyes, the rules alone: which refund waits, who may approve it, who may cancel it. */
class FourEyesTest {

    private static final Money ABOVE = new Money(100_000, Currency.TRY);

    private static RefundRequest askedBy(String name) {
        return new RefundRequest("rfq_1", "mer_1", "txn_1", new Money(150_000, Currency.TRY), name, null,
                Instant.parse("2026-11-30T10:00:00Z"), Instant.parse("2026-12-03T10:00:00Z"), RefundRequestStatus.PENDING,
                null, null, null, null);
    }

    private static Caller admin(String name) {
        return new Caller("mer_1", Role.MERCHANT_ADMIN, name);
    }

    @Test
    void onlyARefundStrictlyAboveTheAmountWaits() {
        assertThat(FourEyes.needsApproval(ABOVE, new Money(100_001, Currency.TRY))).isTrue();
        assertThat(FourEyes.needsApproval(ABOVE, new Money(100_000, Currency.TRY))).as("exactly the amount").isFalse();
        assertThat(FourEyes.needsApproval(ABOVE, new Money(1, Currency.TRY))).isFalse();
        assertThat(FourEyes.needsApproval(null, Money.largest(Currency.TRY))).as("four eyes off").isFalse();
    }

    @Test
    void aForeignCurrencyRefundAlwaysWaitsWhileFourEyesIsOn() {
        assertThat(FourEyes.needsApproval(ABOVE, new Money(1, Currency.USD))).as("no rate to compare by").isTrue();
        assertThat(FourEyes.needsApproval(null, new Money(1, Currency.USD))).isFalse();
    }

    @Test
    void nobodyApprovesHisOwn() {
        assertThatThrownBy(() -> FourEyes.checkApprover(admin("ayse"), askedBy("ayse")))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo("own_refund_request"));
        assertThatThrownBy(() -> FourEyes.checkApprover(admin("AYSE"), askedBy("ayse"))).as("usernames ignore case")
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo("own_refund_request"));
        FourEyes.checkApprover(admin("mehmet"), askedBy("ayse"));
        assertThat(askedBy("ayse").approvableBy(admin("mehmet"))).isTrue();
        assertThat(askedBy("ayse").approvableBy(admin("ayse"))).isFalse();
    }

    @Test
    void aKeyIsNotASecondPersonAndAUserIsNotAnAdmin() {
        assertThatThrownBy(() -> FourEyes.checkApprover(admin("api-key:key_2"), askedBy("ayse")))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.code()).isEqualTo("forbidden");
                    assertThat(p.errors()).extracting(e -> e.code()).containsExactly("approval_by_a_person");
                });
        assertThatThrownBy(() -> FourEyes.checkApprover(new Caller("mer_1", Role.MERCHANT_USER, "kasa"), askedBy("ayse")))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo("forbidden"));
        assertThat(askedBy("api-key:key_1").approvableBy(admin("ayse"))).as("a key's request, a person approves").isTrue();
    }

    @Test
    void theRequesterOrAnyAdminCancels() {
        assertThat(FourEyes.mayCancel(admin("mehmet"), askedBy("ayse"))).isTrue();
        assertThat(FourEyes.mayCancel(new Caller("mer_1", Role.MERCHANT_USER, "ayse"), askedBy("ayse"))).isTrue();
        assertThat(FourEyes.mayCancel(new Caller("mer_1", Role.MERCHANT_USER, "kasa"), askedBy("ayse"))).isFalse();
    }

    @Test
    void pendingRequestsHoldTheRest() {
        Transaction sale = new Transaction("txn_1", "mer_1", null, null, TransactionType.SALE, TransactionStatus.APPROVED,
                "SIP-1", "g", new Money(100_000, Currency.TRY), 1, null, null, null, "00", null, null, null, null, null,
                new Money(20_000, Currency.TRY), false, 1, true, Instant.EPOCH, Money.zero(Currency.TRY), null,
                Money.zero(Currency.TRY));
        Money held = new Money(60_000, Currency.TRY);
        assertThat(Reversals.refundAmount(sale, held, null)).isEqualTo(new Money(20_000, Currency.TRY));
        assertThatThrownBy(() -> Reversals.refundAmount(sale, held, "200.01"))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo("refund_exceeds_sale"));
        assertThatThrownBy(() -> Reversals.refundAmount(sale, new Money(80_000, Currency.TRY), null)).as("nothing left")
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo("refund_exceeds_sale"));
    }
}
