package com.linkpos.acquiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linkpos.acquiring.Acquirer.BankResponse;
import com.linkpos.shared.Currency;
import com.linkpos.shared.Ids;
import com.linkpos.shared.Money;
import com.linkpos.support.LinkPosTest;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The bank simulator as a bank [B2]: its BIN table holds every test card of API.md, it signs its
 * ACS answers, authorizes once, and refuses the void and refund a real bank refuses.
 */
@LinkPosTest
class BankSimulatorTest {

    @Autowired
    BankSimulator bank;

    @ParameterizedTest(name = "{0}: {1}, {2}, {3}")
    @CsvSource({
            "4155650100416111, VISA, QNB Finansbank, CREDIT, true",
            "5456160000000000, MASTERCARD, QNB Finansbank, CREDIT, true",
            "9792030000000000, TROY, QNB Finansbank, CREDIT, true",
            "9792020000000001, TROY, QNB Finansbank, DEBIT, false",
            "5504720000000003, MASTERCARD, HSBC Advantage, CREDIT, true",
            "5400610000000001, MASTERCARD, Enpara.com, CREDIT, true",
            "4111111111111111, VISA, Chase, CREDIT, false",
            "5555555555554444, MASTERCARD, Maximum, CREDIT, false",
            "4000000000000002, VISA, Test, CREDIT, false",
            "378282246310005, AMEX, American Express, CREDIT, false"})
    void theBinTableKnowsEveryTestCard(String number, CardBrand brand, String program, CardInfo.CardType type,
                                       boolean installments) {
        CardInfo card = bank.lookup(number);
        assertThat(card.brand()).isEqualTo(brand);
        assertThat(card.program()).isEqualTo(program);
        assertThat(card.type()).isEqualTo(type);
        assertThat(card.allowsInstallments()).isEqualTo(installments);
    }

    @Test
    void anUnknownBinStillHasItsBrandFromTheNumber() {
        assertThat(bank.lookup("4999990000000000").brand()).isEqualTo(CardBrand.VISA);
        assertThat(bank.lookup("2221000000000009").brand()).isEqualTo(CardBrand.MASTERCARD);
        assertThat(bank.lookup("6500000000000000").brand()).isEqualTo(CardBrand.TROY);
        assertThat(bank.lookup("4999990000000000").allowsInstallments()).isFalse();
    }

    /** An approved sale of the simulator, through its own enrolment, ACS and authorization. */
    private BankResponse approvedSale(String merchant, String number, Money amount) {
        String reference = Ids.newId("pat");
        Acquirer.Enrollment enrollment = bank.enroll(new Acquirer.EnrollmentRequest(merchant, "Test", "O-1", reference,
                new CardDetails("Ayşe", number, YearMonth.of(2030, 12), "123"), amount, 1, "/back"));
        Map<String, String> answer = bank.answerChallenge(sessionOf(enrollment), BankSimulator.OTP);
        Acquirer.ThreeDSecureResult result = bank.readAcsAnswer(answer);
        return bank.authorize(new Acquirer.AuthorizationRequest(merchant, result.xid(), reference, "O-1", amount, 1,
                result.cavv(), result.eci()));
    }

    @Autowired
    AcsSessions sessions;

    private AcsSessions.Session sessionOf(Acquirer.Enrollment enrollment) {
        return sessions.find(enrollment.xid()).orElseThrow();
    }

    @Test
    void answersAreSignedAndAnAuthorizationHappensOnce() {
        String reference = Ids.newId("pat");
        Money amount = new Money(1000, Currency.TRY);
        Acquirer.Enrollment enrollment = bank.enroll(new Acquirer.EnrollmentRequest("mer_T", "Test", "O-2", reference,
                new CardDetails("Ayşe", "4155650100416111", YearMonth.of(2030, 12), "123"), amount, 1, "/back"));
        assertThat(enrollment.enrolled()).isTrue();
        Map<String, String> answer = bank.answerChallenge(sessionOf(enrollment), BankSimulator.OTP);
        assertThat(answer).containsEntry("mdStatus", "1").containsEntry("eci", "05");

        Map<String, String> forged = new HashMap<>(answer);
        forged.put("ref", "pat_SOMEONE_ELSE");
        assertThatThrownBy(() -> bank.readAcsAnswer(forged)).isInstanceOf(Acquirer.InvalidAcsAnswer.class);
        Map<String, String> unsigned = new HashMap<>(answer);
        unsigned.remove("sig");
        assertThatThrownBy(() -> bank.readAcsAnswer(unsigned)).isInstanceOf(Acquirer.InvalidAcsAnswer.class);

        Acquirer.ThreeDSecureResult result = bank.readAcsAnswer(answer);
        Acquirer.AuthorizationRequest request = new Acquirer.AuthorizationRequest("mer_T", result.xid(), reference, "O-2",
                amount, 1, result.cavv(), result.eci());
        assertThat(bank.authorize(request).approved()).isTrue();
        BankResponse again = bank.authorize(request);
        assertThat(again.approved()).as("the card is forgotten after one authorization").isFalse();
        assertThat(again.responseCode()).isEqualTo("12");
    }

    @Test
    void anAmountOtherThanTheAuthenticatedOneIsRefused() {
        String reference = Ids.newId("pat");
        Acquirer.Enrollment enrollment = bank.enroll(new Acquirer.EnrollmentRequest("mer_T", "Test", "O-3", reference,
                new CardDetails("Ayşe", "4155650100416111", YearMonth.of(2030, 12), "123"), new Money(1000, Currency.TRY),
                1, "/back"));
        Acquirer.ThreeDSecureResult result = bank.readAcsAnswer(bank.answerChallenge(sessionOf(enrollment), BankSimulator.OTP));
        BankResponse response = bank.authorize(new Acquirer.AuthorizationRequest("mer_T", result.xid(), reference, "O-3",
                new Money(999_999, Currency.TRY), 1, result.cavv(), result.eci()));
        assertThat(response.approved()).isFalse();
        assertThat(response.responseCode()).isEqualTo("13");
    }

    @Test
    void voidOnlyInTheOpenBatchAndOnlyOnce() {
        String merchant = Ids.newId("mer");
        BankResponse sale = approvedSale(merchant, "5456160000000000", new Money(5000, Currency.TRY));
        assertThat(bank.voidSale(merchant, "999999999999").approved()).as("never approved").isFalse();
        assertThat(bank.voidSale("mer_OTHER", sale.hostReference()).approved()).as("another merchant's").isFalse();
        assertThat(bank.voidSale(merchant, sale.hostReference()).approved()).isTrue();
        assertThat(bank.voidSale(merchant, sale.hostReference()).approved()).as("double void").isFalse();

        BankResponse closed = approvedSale(merchant, "5456160000000000", new Money(5000, Currency.TRY));
        bank.closeBatch(merchant);
        BankResponse afterEndOfDay = bank.voidSale(merchant, closed.hostReference());
        assertThat(afterEndOfDay.approved()).isFalse();
        assertThat(afterEndOfDay.responseMessage()).contains("refund");
    }

    @Test
    void refundOnlyAfterEndOfDayAndNeverMoreThanTheSale() {
        String merchant = Ids.newId("mer");
        BankResponse sale = approvedSale(merchant, "4155650100416111", new Money(10_000, Currency.TRY));
        BankResponse early = bank.refund(merchant, sale.hostReference(), new Money(1000, Currency.TRY));
        assertThat(early.approved()).isFalse();
        assertThat(early.responseMessage()).contains("void");

        bank.closeBatch(merchant);
        assertThat(bank.refund(merchant, sale.hostReference(), new Money(6000, Currency.TRY)).approved()).isTrue();
        assertThat(bank.refund(merchant, sale.hostReference(), new Money(4001, Currency.TRY)).approved()).as("over-refund").isFalse();
        assertThat(bank.refund(merchant, sale.hostReference(), new Money(4000, Currency.USD)).approved()).as("currency").isFalse();
        assertThat(bank.refund(merchant, sale.hostReference(), new Money(4000, Currency.TRY)).approved()).isTrue();
        assertThat(bank.refund(merchant, sale.hostReference(), new Money(1, Currency.TRY)).approved()).isFalse();
        assertThat(bank.refund(merchant, "000000000000", new Money(1, Currency.TRY)).approved()).isFalse();
    }
}
