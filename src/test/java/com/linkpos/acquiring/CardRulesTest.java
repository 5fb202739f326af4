package com.linkpos.acquiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.acquiring.CardInfo.CardType;
import com.linkpos.shared.FieldProblem;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;

/** [A7][P4] The BIN table and the installment rule, without Spring: data in, decisions out. */
class CardRulesTest {

    private static final BinTable BINS;

    static {
        try {
            BINS = new BinTable(new ClassPathResource("acquiring/bins.csv"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final InstallmentPolicy QNB = new InstallmentPolicy(List.of("QNB Finansbank", "Enpara.com", "HSBC Advantage"));

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
    void theBinTableKnowsEveryTestCard(String number, CardBrand brand, String program, CardType type, boolean installments) {
        CardInfo card = BINS.lookup(number);
        assertThat(card.brand()).isEqualTo(brand);
        assertThat(card.program()).isEqualTo(program);
        assertThat(card.type()).isEqualTo(type);
        assertThat(QNB.allows(3, card)).isEqualTo(installments);
        assertThat(QNB.allows(1, card)).as("a single payment is open to every card").isTrue();
    }

    @Test
    void anUnknownBinStillHasItsBrandFromTheNumber() {
        assertThat(BINS.lookup("4999990000000000").brand()).isEqualTo(CardBrand.VISA);
        assertThat(BINS.lookup("2221000000000009").brand()).isEqualTo(CardBrand.MASTERCARD);
        assertThat(BINS.lookup("6500000000000000").brand()).isEqualTo(CardBrand.TROY);
        assertThat(QNB.allows(2, BINS.lookup("4999990000000000"))).isFalse();
    }

    @Test
    void theRefusalNamesTheProgramsOfTheGateway() {
        FieldProblem problem = QNB.problem(6, BINS.lookup("4111111111111111")).orElseThrow();
        assertThat(problem.field()).isEqualTo("cardNumber");
        assertThat(problem.code()).isEqualTo("card_installments_not_allowed");
        assertThat(problem.args()).containsExactly(6, "QNB Finansbank, Enpara.com", "HSBC Advantage", 3);
        InstallmentPolicy another = new InstallmentPolicy(List.of("Maximum"));
        assertThat(another.allows(3, BINS.lookup("5555555555554444"))).as("another gateway's programs: data").isTrue();
        assertThat(another.problem(3, BINS.lookup("4155650100416111")).orElseThrow().args())
                .containsExactly(3, "", "Maximum", 1);
    }
}
