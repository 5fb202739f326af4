package com.linkpos.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.acquiring.CardDetails;
import com.linkpos.shared.FieldProblem;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** [P2] What is checked before a card goes anywhere, without Spring. */
class CardChecksTest {

    private static final YearMonth NOW = YearMonth.of(2026, 11);

    private static List<String> problems(String holder, String number, String expiry, String cvv) {
        CardForm form = new CardForm();
        form.setCardHolder(holder);
        form.setCardNumber(number);
        form.setExpiry(expiry);
        form.setCvv(cvv);
        List<FieldProblem> errors = new ArrayList<>();
        CardChecks.check(form, NOW, errors);
        return errors.stream().map(error -> error.field() + ":" + error.code()).toList();
    }

    @Test
    void aGoodCardAsPeopleTypeIt() {
        CardForm form = new CardForm();
        form.setCardHolder("  Ayşe   Yılmaz ");
        form.setCardNumber("4155 6501-0041 6111");
        form.setExpiry("11 / 26");
        form.setCvv("123");
        List<FieldProblem> errors = new ArrayList<>();
        CardDetails card = CardChecks.check(form, NOW, errors);
        assertThat(errors).isEmpty();
        assertThat(card.number()).isEqualTo("4155650100416111");
        assertThat(card.holder()).isEqualTo("Ayşe Yılmaz");
        assertThat(card.expiry()).isEqualTo(YearMonth.of(2026, 11));
        assertThat(card.toString()).doesNotContain("4155650100416111").doesNotContain("123");
    }

    @ParameterizedTest(name = "{0} / {1} / {2} / {3}: {4}")
    @CsvSource({
            "Ayşe, 4155650100416112, 12/30, 123, cardNumber:card_number_invalid",
            "Ayşe, 4155 6501 abcd 6111, 12/30, 123, cardNumber:card_number_invalid",
            "Ayşe, 378282246310005, 12/30, 123, cardNumber:card_brand_not_accepted",
            "Ayşe, 4155650100416111, 10/26, 123, expiry:card_expired",
            "Ayşe, 4155650100416111, 13/30, 123, expiry:card_expiry_invalid",
            "Ayşe, 4155650100416111, 12/99, 123, expiry:card_expiry_invalid",
            "Ayşe, 4155650100416111, 12/30, 12, cvv:card_cvv_invalid",
            "Ayşe, 4155650100416111, 12/30, 1234, cvv:card_cvv_invalid",
            "4155, 4155650100416111, 12/30, 123, cardHolder:card_holder_invalid"})
    void eachWrongFieldIsNamed(String holder, String number, String expiry, String cvv, String problem) {
        assertThat(problems(holder, number, expiry, cvv)).containsExactly(problem);
    }

    @Test
    void everyEmptyFieldIsNamedAtOnce() {
        assertThat(problems("", "", "", "")).containsExactly("cardHolder:required", "cardNumber:required", "expiry:required",
                "cvv:required");
    }

    @Test
    void luhn() {
        assertThat(CardChecks.luhn("4155650100416111")).isTrue();
        assertThat(CardChecks.luhn("9792030000000000")).isTrue();
        assertThat(CardChecks.luhn("4155650100416112")).isFalse();
    }
}
