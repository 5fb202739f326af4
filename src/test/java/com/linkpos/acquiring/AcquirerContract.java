package com.linkpos.acquiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.shared.Currency;
import com.linkpos.shared.Ids;
import com.linkpos.shared.Money;
import com.linkpos.support.Payer;
import com.linkpos.support.PortalSession;
import com.linkpos.support.PortalSession.Page;
import java.net.URI;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What every acquirer must do, whichever bank's protocol it speaks [A3]-[A5]: each gateway's test is
 * this class with the gateway plugged in. The payer's browser is played over real HTTP through the
 * bank's own 3-D Secure pages (redirects and self-posting forms) up to the point where it would post
 * the bank's answer to LinkPOS; the test takes that answer instead and hands it to the acquirer.
 */
public abstract class AcquirerContract {

    protected static final String APPROVED = "4155650100416111";

    /** The acquirer under test, for a merchant. */
    protected abstract Acquirer acquirer(String merchantId);

    /** The bank closes its batch (for the simulator: LinkPOS's end of day reaching it). */
    protected abstract void endOfDay(String merchantId);

    /** The port where the bank's pages (and LinkPOS) answer. */
    protected abstract int port();

    protected String merchant;

    @BeforeEach
    void aMerchantOfItsOwn() {
        merchant = Ids.newId("mer");
    }

    protected Payment payment(Money amount) {
        String orderId = Ids.newId("pat").substring(4, 24);
        return new Payment(merchant, orderId, amount, 1, Locale.forLanguageTag("tr"), "Sözleşme Mağazası",
                "http://localhost:" + port() + "/pay/contract/3ds/" + orderId);
    }

    protected static CardDetails card(String number) {
        return new CardDetails("Ayşe Yılmaz", number, YearMonth.of(2030, 12), "123");
    }

    /** Through the bank's 3-D Secure with this code: the fields the bank's page would post back to LinkPOS. */
    protected Map<String, String> threeDSecure(Payment payment, BrowserStep step, String otp) {
        PortalSession browser = new PortalSession(port());
        Page page;
        if (step instanceof BrowserStep.Redirect redirect) {
            page = browser.get(path(redirect.url()));
        } else if (step instanceof BrowserStep.AutoPost post) {
            page = browser.postWithToken(path(post.url()), post.fields(), null);
        } else {
            throw new AssertionError("no 3-D Secure page to go to: " + step);
        }
        for (int hops = 0; hops < 8; hops++) {
            Payer.AutoPost form = Payer.autoPost(page);
            if (form != null && form.action().equals(payment.callbackUrl())) {
                return form.fields();
            }
            if (page.location() != null) {
                page = browser.get(path(page.location()));
            } else if (form != null) {
                page = browser.postWithToken(path(form.action()), form.fields(), null);
            } else if (page.document().selectFirst("form input[name=otp]") != null) {
                var challenge = page.document().selectFirst("form:has(input[name=otp])");
                var csrf = challenge.selectFirst("input[name=_csrf]");
                page = browser.postWithToken(path(challenge.attr("action")), Map.of("otp", otp),
                        csrf == null ? null : csrf.val());
            } else {
                throw new AssertionError("lost on the bank's pages: " + page.text());
            }
        }
        throw new AssertionError("the bank's pages never lead back");
    }

    private static String path(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** The payment through 3-D Secure with the right code, as the acquirer reads the bank's answer. */
    protected Verdict authenticate(Payment payment, String number) {
        BrowserStep step = acquirer(merchant).begin3ds(payment, card(number));
        return acquirer(merchant).readCallback(payment, threeDSecure(payment, step, Payer.OTP));
    }

    protected BankAnswer approvedSale(Payment payment) {
        BankAnswer answer = acquirer(merchant).provision(payment, (Verdict.Authenticated) authenticate(payment, APPROVED));
        assertThat(answer.approved()).as("%s", answer).isTrue();
        return answer;
    }

    private Acquirer.Order order(Payment payment, BankAnswer sale) {
        return new Acquirer.Order(merchant, payment.orderId(), sale.hostReference(), payment.amount());
    }

    @Test
    void anAuthenticatedPaymentIsApprovedOnce() {
        Payment payment = payment(new Money(125_050, Currency.TRY));
        Verdict verdict = authenticate(payment, APPROVED);
        assertThat(verdict).isInstanceOf(Verdict.Authenticated.class);
        assertThat(((Verdict.Authenticated) verdict).mdStatus()).isEqualTo("1");
        assertThat(((Verdict.Authenticated) verdict).eci()).isEqualTo("05");

        BankAnswer answer = acquirer(merchant).provision(payment, (Verdict.Authenticated) verdict);
        assertThat(answer.approved()).isTrue();
        assertThat(answer.code()).isEqualTo("00");
        assertThat(answer.authCode()).isNotBlank();
        assertThat(answer.hostReference()).isNotBlank();

        BankAnswer replayed = acquirer(merchant).provision(payment, (Verdict.Authenticated) verdict);
        assertThat(replayed.approved()).as("a replayed answer never provisions twice").isFalse();
    }

    @ParameterizedTest(name = "{0} pays, ECI {1}")
    @CsvSource({"4155650100416111, 05", "5456160000000000, 02", "9792030000000000, 05", "9792020000000001, 05",
            "5504720000000003, 02", "5400610000000001, 02", "4111111111111111, 05", "5555555555554444, 02",
            // the Asseco test system's cards (VPOS.md B7)
            "4355084355084358, 05", "4546711234567894, 05", "5401341234567891, 02"})
    void everyTestCardThatIsApprovedPays(String number, String eci) {
        Payment payment = payment(new Money(4_250, Currency.TRY));
        Verdict verdict = authenticate(payment, number);
        assertThat(verdict).as("%s", verdict).isInstanceOf(Verdict.Authenticated.class);
        assertThat(((Verdict.Authenticated) verdict).eci()).isEqualTo(eci);
        BankAnswer answer = acquirer(merchant).provision(payment, (Verdict.Authenticated) verdict);
        assertThat(answer.approved()).as("%s", answer).isTrue();
    }

    @ParameterizedTest(name = "{0} is declined with {1}")
    @CsvSource({"4000000000000002, 05", "4000000000009995, 51", "4000000000000069, 54", "4000000000000119, 96"})
    void theTestCardsAreDeclinedWithTheirCodes(String number, String code) {
        Payment payment = payment(new Money(9_990, Currency.TRY));
        BankAnswer answer = acquirer(merchant).provision(payment, (Verdict.Authenticated) authenticate(payment, number));
        assertThat(answer.approved()).isFalse();
        assertThat(answer.code()).isEqualTo(code);
        assertThat(answer.message()).isNotBlank();
    }

    @Test
    void aFailedChallengeIsNotAuthenticated() {
        Payment failing = payment(new Money(1_000, Currency.TRY));
        BrowserStep step = acquirer(merchant).begin3ds(failing, card("4000000000003063"));
        Verdict verdict = acquirer(merchant).readCallback(failing, threeDSecure(failing, step, Payer.OTP));
        assertThat(verdict).isInstanceOf(Verdict.NotAuthenticated.class);
        assertThat(((Verdict.NotAuthenticated) verdict).mdStatus()).isNotEqualTo("1");
    }

    @Test
    void aCardNotEnrolledIsRefusedBeforeAnyChallenge() {
        Payment payment = payment(new Money(1_000, Currency.TRY));
        BrowserStep step = acquirer(merchant).begin3ds(payment, card("4000000000000101"));
        Verdict verdict = step instanceof BrowserStep.Refused refused
                ? new Verdict.NotAuthenticated(refused.mdStatus(), refused.code(), refused.message())
                : acquirer(merchant).readCallback(payment, threeDSecure(payment, step, Payer.OTP));
        assertThat(verdict).isInstanceOf(Verdict.NotAuthenticated.class);
        assertThat(((Verdict.NotAuthenticated) verdict).mdStatus()).isEqualTo("2");
    }

    @Test
    void aTamperedAnswerOrOneOfAnotherPaymentIsUntrusted() {
        Payment payment = payment(new Money(1_000, Currency.TRY));
        BrowserStep step = acquirer(merchant).begin3ds(payment, card("4000000000003063"));
        Map<String, String> answer = threeDSecure(payment, step, Payer.OTP);
        int forgedFields = 0;
        for (String status : answer.keySet()) {
            if (status.equalsIgnoreCase("mdStatus") || status.equals("3DStatus")) {
                Map<String, String> forged = new java.util.LinkedHashMap<>(answer);
                forged.put(status, "1");
                assertThat(acquirer(merchant).readCallback(payment, forged)).as("forged %s", status)
                        .isInstanceOf(Verdict.Untrusted.class);
                forgedFields++;
            }
        }
        assertThat(forgedFields).as("the answer carries a 3-D status").isPositive();
        Payment another = payment(new Money(1_000, Currency.TRY));
        assertThat(acquirer(merchant).readCallback(another, answer)).as("another order").isInstanceOf(Verdict.Untrusted.class);
        Payment more = new Payment(merchant, payment.orderId(), new Money(100_000, Currency.TRY), 1, payment.language(),
                payment.merchantName(), payment.callbackUrl());
        assertThat(acquirer(merchant).readCallback(more, answer)).as("another amount").isInstanceOf(Verdict.Untrusted.class);
    }

    @Test
    void aSaleIsVoidedInItsOpenBatchOnceAndRefundedOnlyAfterTheEndOfDay() {
        Payment voided = payment(new Money(5_000, Currency.TRY));
        BankAnswer sale = approvedSale(voided);
        BankAnswer early = acquirer(merchant).refund(order(voided, sale), new Money(1_000, Currency.TRY));
        assertThat(early.approved()).isFalse();
        assertThat(early.refusalReason()).contains(BankAnswer.Refusal.BATCH_OPEN_USE_VOID);
        assertThat(acquirer(merchant).voidSale(order(voided, sale)).approved()).isTrue();
        assertThat(acquirer(merchant).voidSale(order(voided, sale)).refusalReason()).contains(BankAnswer.Refusal.ALREADY_VOIDED);

        Payment refunded = payment(new Money(10_000, Currency.TRY));
        BankAnswer kept = approvedSale(refunded);
        endOfDay(merchant);
        BankAnswer late = acquirer(merchant).voidSale(order(refunded, kept));
        assertThat(late.approved()).isFalse();
        assertThat(late.refusalReason()).contains(BankAnswer.Refusal.BATCH_CLOSED_USE_REFUND);
        assertThat(acquirer(merchant).refund(order(refunded, kept), new Money(6_000, Currency.TRY)).approved()).isTrue();
        assertThat(acquirer(merchant).refund(order(refunded, kept), new Money(4_001, Currency.TRY)).refusalReason())
                .contains(BankAnswer.Refusal.EXCEEDS_SALE);
        assertThat(acquirer(merchant).refund(order(refunded, kept), new Money(4_000, Currency.TRY)).approved()).isTrue();
    }

    @Test
    void theBankTellsWhatItAnsweredWhenTheAnswerWasLost() {
        Payment payment = payment(new Money(7_500, Currency.TRY));
        BankAnswer sale = approvedSale(payment);
        Optional<BankAnswer> known = acquirer(merchant).inquire(payment);
        assertThat(known).hasValueSatisfying(answer -> {
            assertThat(answer.approved()).isTrue();
            assertThat(answer.hostReference()).isEqualTo(sale.hostReference());
            assertThat(answer.authCode()).isEqualTo(sale.authCode());
        });
        assertThat(acquirer(merchant).inquire(payment(new Money(7_500, Currency.TRY)))).as("an order it never saw").isEmpty();
    }
}
